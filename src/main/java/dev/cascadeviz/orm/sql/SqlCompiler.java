package dev.cascadeviz.orm.sql;

import dev.cascadeviz.db.SqlIdentifiers;
import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.QualifiedColumn;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.model.mapping.Direction;
import dev.cascadeviz.model.mapping.JoinPair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Statement text exactly as SQLAlchemy's SQLite dialect compiles the ORM's statements: line
 * breaks before FROM and WHERE in SELECTs, {@code col=?} in SET, {@code a = ?} in WHERE.
 */
public final class SqlCompiler {

    private SqlCompiler() {
    }

    /** {@code SELECT <columns> \nFROM t \nWHERE t.id = ?}: session.get and refreshing an expired object. */
    public static String selectByPrimaryKey(LabelStyle style, Table table) {
        return "SELECT " + new ColumnsClause(style).addAll(table, table.name()) + " \nFROM "
                + SqlIdentifiers.quote(table.name()) + " \nWHERE " + primaryKeyWhere(table);
    }

    /**
     * The columns clause of one SELECT, labelled in its {@link LabelStyle} as SQLAlchemy's
     * {@code SelectBase._generate_columns_plus_names} labels them: table-plus-column labels
     * ({@link #label}), or no label but {@code AS name_N} for a later column of a name already
     * used, N counted per name from 1 in the statement (the compiler's anonymous-name map).
     */
    public static final class ColumnsClause {
        private final LabelStyle style;
        private final List<String> parts = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private final Map<String, Integer> anonymous = new HashMap<>();

        public ColumnsClause(LabelStyle style) {
            this.style = style;
        }

        /** Adds {@code tableOrAlias.column} of {@code table}. */
        public ColumnsClause add(Table table, String tableOrAlias, String column) {
            String rendered = column(tableOrAlias, column);
            if (style == LabelStyle.TABLENAME_PLUS_COL) {
                parts.add(rendered + " AS " + SqlIdentifiers.quote(label(table, tableOrAlias, column)));
            } else if (style == LabelStyle.NONE || names.add(column)) {
                parts.add(rendered);
            } else {
                String body = SqlIdentifiers.anonymousBody(column);
                int n = anonymous.merge(body, 1, Integer::sum);
                parts.add(rendered + " AS " + SqlIdentifiers.quote(body + "_" + n));
            }
            return this;
        }

        /** Adds every column of {@code table}, in table order, as {@code tableOrAlias.column}. */
        public ColumnsClause addAll(Table table, String tableOrAlias) {
            for (Column c : table.columns().values()) {
                add(table, tableOrAlias, c.name());
            }
            return this;
        }

        @Override
        public String toString() {
            return String.join(", ", parts);
        }
    }

    /** A LEFT OUTER JOIN of a joined eager load: {@code song AS song_1 ON artist.id = song_1.artist_id}. */
    public record EagerJoin(Table table, String alias, String on) {
    }

    /** The WHERE of a primary-key lookup: {@code artist.id = ?}. */
    public static String primaryKeyWhere(Table table) {
        List<String> where = new ArrayList<>();
        for (Column c : table.primaryKey()) {
            where.add(column(table.name(), c.name()) + " = ?");
        }
        return String.join(" AND ", where);
    }

    /**
     * The WHERE of a lazy load: the join condition with the parent's columns replaced by
     * parameters, e.g. {@code ? = song.artist_id}; through a secondary table both joins.
     */
    public static String lazyWhere(Direction direction, List<JoinPair> primaryJoin, List<JoinPair> secondaryJoin) {
        List<String> where = new ArrayList<>();
        for (JoinPair p : primaryJoin) {
            if (direction == Direction.MANY_TO_ONE) {
                where.add(column(p.referenced()) + " = ?");
            } else {
                where.add("? = " + column(p.foreign()));
            }
        }
        for (JoinPair p : secondaryJoin) {
            where.add(column(p.referenced()) + " = " + column(p.foreign()));
        }
        return String.join(" AND ", where);
    }

    /** {@code ORDER BY} text for {@code table.column} names, or "" for none. */
    public static String orderBy(List<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        List<String> cols = new ArrayList<>();
        for (String o : names) {
            cols.add(column(QualifiedColumn.parse(o)));
        }
        return " ORDER BY " + String.join(", ", cols);
    }

    /**
     * A SELECT of a table's columns, with joined eager loads' aliased columns after them:
     * {@code SELECT ... \nFROM t [, secondary] [LEFT OUTER JOIN x AS x_1 ON ...] \nWHERE ...}.
     */
    public static String select(LabelStyle style, Table target, Table secondary, List<EagerJoin> joins, String where,
                                String orderBy) {
        ColumnsClause columns = new ColumnsClause(style).addAll(target, target.name());
        for (EagerJoin j : joins) {
            columns.addAll(j.table(), j.alias());
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(columns);
        sql.append(" \nFROM ").append(SqlIdentifiers.quote(target.name()));
        for (EagerJoin j : joins) {
            sql.append(" LEFT OUTER JOIN ").append(SqlIdentifiers.quote(j.table().name())).append(" AS ")
                    .append(SqlIdentifiers.quote(j.alias())).append(" ON ").append(j.on());
        }
        if (secondary != null) {
            sql.append(", ").append(SqlIdentifiers.quote(secondary.name()));
        }
        return sql.append(" \nWHERE ").append(where).append(orderBy).toString();
    }

    /** A column of a table or alias: {@code "order".id}. */
    public static String qualified(String tableOrAlias, String column) {
        return column(tableOrAlias, column);
    }

    /** {@code DELETE FROM t WHERE t.id = ?}, every primary-key column AND-joined. */
    public static String deleteByPrimaryKey(Table table) {
        return delete(table, table.primaryKey().stream().map(Column::name).toList());
    }

    /** {@code DELETE FROM t WHERE t.a = ? AND t.b = ?} for the given columns, in that order. */
    public static String delete(Table table, List<String> whereColumns) {
        List<String> where = new ArrayList<>();
        for (String c : whereColumns) {
            where.add(column(table.name(), c) + " = ?");
        }
        return "DELETE FROM " + SqlIdentifiers.quote(table.name()) + " WHERE " + String.join(" AND ", where);
    }

    /** {@code UPDATE t SET a=?, b=? WHERE t.id = ?}; set columns in the order given. */
    public static String updateByPrimaryKey(Table table, List<String> setColumns) {
        List<String> set = new ArrayList<>();
        for (String c : setColumns) {
            set.add(SqlIdentifiers.quote(c) + "=?");
        }
        List<String> where = new ArrayList<>();
        for (Column c : table.primaryKey()) {
            where.add(column(table.name(), c.name()) + " = ?");
        }
        return "UPDATE " + SqlIdentifiers.quote(table.name()) + " SET " + String.join(", ", set) + " WHERE "
                + String.join(" AND ", where);
    }

    /**
     * {@code ColumnClause._gen_label}: {@code table_column}, with {@code _1}, {@code _2}... added
     * while that name is also a column of the table ({@code child.id} in a table that has a
     * {@code child_id} column is labelled {@code child_id_1}).
     */
    public static String label(Table table, String tableOrAlias, String column) {
        String label = tableOrAlias + "_" + column;
        if (!table.columns().containsKey(label)) {
            return label;
        }
        int counter = 1;
        String candidate = label;
        while (table.columns().containsKey(candidate)) {
            candidate = label + "_" + counter++;
        }
        return candidate;
    }

    /**
     * {@code INSERT INTO t (a, b) VALUES (?, ?)} for the given columns in the order given, with
     * {@code RETURNING pk} when asked (2.x's "insertmanyvalues" one row at a time on SQLite);
     * {@code INSERT INTO t DEFAULT VALUES} when there are no columns.
     */
    public static String insert(Table table, List<String> columns, List<String> returning) {
        String sql;
        if (columns.isEmpty()) {
            sql = "INSERT INTO " + SqlIdentifiers.quote(table.name()) + " DEFAULT VALUES";
        } else {
            List<String> names = new ArrayList<>();
            List<String> marks = new ArrayList<>();
            for (String c : columns) {
                names.add(SqlIdentifiers.quote(c));
                marks.add("?");
            }
            sql = "INSERT INTO " + SqlIdentifiers.quote(table.name()) + " (" + String.join(", ", names) + ") VALUES ("
                    + String.join(", ", marks) + ")";
        }
        if (!returning.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (String c : returning) {
                names.add(SqlIdentifiers.quote(c));
            }
            sql += " RETURNING " + String.join(", ", names);
        }
        return sql;
    }

    /**
     * The SELECT of some of a table's columns by primary key: {@code session.refresh()} (every
     * column, never labelled) and the load of an expired object's unloaded columns.
     */
    public static String selectColumns(LabelStyle style, Table table, List<String> columns) {
        ColumnsClause cols = new ColumnsClause(style);
        for (String c : columns) {
            cols.add(table, table.name(), c);
        }
        return "SELECT " + cols + " \nFROM " + SqlIdentifiers.quote(table.name()) + " \nWHERE " + primaryKeyWhere(table);
    }

    private static String column(QualifiedColumn c) {
        return column(c.table(), c.column());
    }

    private static String column(String table, String column) {
        return SqlIdentifiers.quote(table) + "." + SqlIdentifiers.quote(column);
    }
}
