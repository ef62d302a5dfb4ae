package dev.cascadeviz.db;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.ReferentialAction;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The schema of a scenario as DDL, in the scenario's table order.
 *
 * <p>For SQLite the text is what SQLAlchemy 1.4's {@code metadata.create_all()} writes (checked
 * against it): column lines, {@code PRIMARY KEY (...)}, then the table's other constraints in
 * SQLAlchemy's creation order (composite foreign keys first, then per column in column order its
 * {@code UNIQUE} and its {@code FOREIGN KEY}), then one {@code CREATE [UNIQUE] INDEX ix_<table>_<column>}
 * per indexed column (a unique indexed column gets a unique index instead of a UNIQUE constraint).
 *
 * <p>For H2 every name is quoted (the database runs with {@code DATABASE_TO_LOWER=TRUE}, so bare
 * lower-case names in SQLAlchemy's statements still match), types are H2's, and foreign keys are
 * added by {@code ALTER TABLE} after every table exists, since H2 needs the referenced table first.
 */
public final class Ddl {

    private Ddl() {
    }

    /** Every statement that creates the scenario's schema on an engine, in order. */
    public static List<String> statements(Scenario scenario, Engine engine) {
        return statements(scenario, engine, true);
    }

    /**
     * The schema on SQLite without its plain (not unique) indexes, which {@link #plainIndexes}
     * creates once the rows are in: SQLite builds an index over rows that are there faster than
     * it keeps one up to date row by row (the 37,449 seeded rows of the benchmark: about 55 ms
     * of inserting with the five indexes, about 40 ms inserting and indexing after). A unique
     * index is made first, so that a row that breaks it is refused as it is inserted.
     */
    public static List<String> statementsBeforeRows(Scenario scenario) {
        return statements(scenario, Engine.SQLITE, false);
    }

    /**
     * True when SQLite's tables and indexes all have names of their own (ignoring case, as SQLite
     * does): only then can the plain indexes come later without a clash being met at another
     * step of opening the database than before.
     */
    public static boolean namesAreDistinct(Scenario scenario) {
        Set<String> names = new HashSet<>();
        for (Table t : scenario.tables().values()) {
            if (!names.add(t.name().toLowerCase(Locale.ROOT))) {
                return false;
            }
            for (Column c : t.columns().values()) {
                if (c.index() && !names.add(indexName(t, c).toLowerCase(Locale.ROOT))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The plain indexes that {@link #statementsBeforeRows} leaves out, in schema order. */
    public static List<String> plainIndexes(Scenario scenario) {
        List<String> out = new ArrayList<>();
        for (Table t : scenario.tables().values()) {
            out.addAll(createIndexes(t, Engine.SQLITE, false, true));
        }
        return out;
    }

    private static List<String> statements(Scenario scenario, Engine engine, boolean plainIndexes) {
        List<String> out = new ArrayList<>();
        for (Table t : scenario.tables().values()) {
            out.add(createTable(t, engine));
            out.addAll(createIndexes(t, engine, true, plainIndexes));
        }
        if (engine == Engine.H2) {
            for (Table t : scenario.tables().values()) {
                for (ForeignKey fk : constraintOrderForeignKeys(t)) {
                    out.add("ALTER TABLE " + SqlIdentifiers.alwaysQuote(t.name()) + " ADD " + foreignKey(fk, engine));
                }
            }
        }
        return out;
    }

    /** {@code CREATE TABLE} for one table (on H2 without its foreign keys). */
    public static String createTable(Table table, Engine engine) {
        UnaryOperator<String> q = quoter(engine);
        List<String> lines = new ArrayList<>();
        for (Column c : table.columns().values()) {
            String line = q.apply(c.name()) + " " + type(c, engine);
            if (engine == Engine.H2 && c.nullable() && setsDefault(table, c.name())) {
                line += " DEFAULT NULL"; // SQLite's implicit default; H2 refuses SET DEFAULT without one
            }
            if (!c.nullable()) {
                line += " NOT NULL";
            }
            lines.add(line);
        }
        List<Column> pk = table.primaryKey();
        if (!pk.isEmpty()) {
            lines.add("PRIMARY KEY (" + names(pk.stream().map(Column::name).toList(), q) + ")");
        }
        for (ForeignKey fk : table.compositeForeignKeys()) {
            if (engine == Engine.SQLITE) {
                lines.add(foreignKey(fk, engine));
            }
        }
        for (Column c : table.columns().values()) {
            if (c.unique() && !c.index()) {
                lines.add("UNIQUE (" + q.apply(c.name()) + ")");
            }
            if (c.foreignKey() != null && engine == Engine.SQLITE) {
                lines.add(foreignKey(singleForeignKey(table, c), engine));
            }
        }
        String sep = engine == Engine.SQLITE ? ", \n\t" : ",\n\t";
        String text = "CREATE TABLE " + q.apply(table.name()) + " (\n\t" + String.join(sep, lines) + "\n)";
        return engine == Engine.SQLITE ? "\n" + text + "\n\n" : text;
    }

    private static boolean setsDefault(Table table, String column) {
        for (ForeignKey fk : table.allForeignKeys()) {
            if (fk.columns().contains(column)
                    && (fk.ondelete() == ReferentialAction.SET_DEFAULT || fk.onupdate() == ReferentialAction.SET_DEFAULT)) {
                return true;
            }
        }
        return false;
    }

    /** The name of a column's index, as SQLAlchemy's {@code index=True} names it. */
    private static String indexName(Table table, Column column) {
        return "ix_" + table.name() + "_" + column.name();
    }

    /** One index per column with {@code index: true}, in column order. */
    public static List<String> createIndexes(Table table, Engine engine) {
        return createIndexes(table, engine, true, true);
    }

    private static List<String> createIndexes(Table table, Engine engine, boolean unique, boolean plain) {
        UnaryOperator<String> q = quoter(engine);
        List<String> out = new ArrayList<>();
        for (Column c : table.columns().values()) {
            if (c.index() && (c.unique() ? unique : plain)) {
                out.add("CREATE " + (c.unique() ? "UNIQUE " : "") + "INDEX " + q.apply(indexName(table, c))
                        + " ON " + q.apply(table.name()) + " (" + q.apply(c.name()) + ")");
            }
        }
        return out;
    }

    /** The table's foreign keys in the order SQLAlchemy lists their constraints: composite ones, then per column. */
    static List<ForeignKey> constraintOrderForeignKeys(Table table) {
        List<ForeignKey> out = new ArrayList<>(table.compositeForeignKeys());
        for (Column c : table.columns().values()) {
            if (c.foreignKey() != null) {
                out.add(singleForeignKey(table, c));
            }
        }
        return out;
    }

    private static ForeignKey singleForeignKey(Table table, Column c) {
        for (ForeignKey fk : table.allForeignKeys()) {
            if (!fk.isComposite() && fk.columns().get(0).equals(c.name())) {
                return fk;
            }
        }
        throw new IllegalStateException("no foreign key on " + c.name());
    }

    /** {@code FOREIGN KEY(a, b) REFERENCES t (x, y) ON DELETE ... ON UPDATE ...}. */
    static String foreignKey(ForeignKey fk, Engine engine) {
        UnaryOperator<String> q = quoter(engine);
        StringBuilder sb = new StringBuilder("FOREIGN KEY(").append(names(fk.columns(), q)).append(") REFERENCES ")
                .append(q.apply(fk.referencedTable())).append(" (").append(names(fk.referencedColumns(), q)).append(')');
        if (fk.ondelete() != null) {
            sb.append(" ON DELETE ").append(fk.ondelete().sql());
        }
        if (fk.onupdate() != null) {
            sb.append(" ON UPDATE ").append(fk.onupdate().sql());
        }
        return sb.toString();
    }

    /** The column's type: SQLAlchemy's SQLite rendering, or H2's nearest type. */
    static String type(Column c, Engine engine) {
        String len = c.length() == null ? "" : "(" + c.length() + ")";
        if (engine == Engine.SQLITE) {
            return switch (c.type()) {
                case INTEGER -> "INTEGER";
                case STRING -> "VARCHAR" + len;
                case TEXT -> "TEXT" + len;
                case BOOLEAN -> "BOOLEAN";
                case FLOAT -> "FLOAT";
                case NUMERIC -> "NUMERIC";
                case DATE -> "DATE";
                case DATETIME -> "DATETIME";
            };
        }
        return switch (c.type()) {
            case INTEGER -> "BIGINT";
            case STRING -> "VARCHAR" + len;
            case TEXT -> "VARCHAR";
            case BOOLEAN -> "BOOLEAN";
            case FLOAT -> "DOUBLE PRECISION";
            case NUMERIC -> "DECFLOAT";
            case DATE -> "DATE";
            case DATETIME -> "TIMESTAMP";
        };
    }

    static UnaryOperator<String> quoter(Engine engine) {
        return engine == Engine.SQLITE ? SqlIdentifiers::quote : SqlIdentifiers::alwaysQuote;
    }

    private static String names(List<String> names, UnaryOperator<String> q) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add(q.apply(n));
        }
        return String.join(", ", out);
    }
}
