package dev.cascadeviz.scenario;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.QualifiedColumn;
import dev.cascadeviz.model.ReferentialAction;
import dev.cascadeviz.model.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the {@code tables} section: columns, their types and constraints, and foreign keys. */
final class SchemaReader {

    static final List<String> TABLE_KEYS = List.of("columns", "foreign_keys");
    static final List<String> COLUMN_KEYS = List.of("type", "length", "primary_key", "nullable", "unique", "index",
            "autoincrement", "foreign_key", "ondelete", "onupdate");
    static final List<String> COMPOSITE_KEYS = List.of("columns", "references", "ondelete", "onupdate");

    private static final String ACTIONS = Arrays.stream(ReferentialAction.values())
            .map(ReferentialAction::sql).collect(Collectors.joining(", "));
    private static final String TYPES = Arrays.stream(ColumnType.values())
            .map(ColumnType::fileName).collect(Collectors.joining(", "));

    private final Reading in;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    /** Foreign keys to check once every table is known: where written, and the key. */
    private final List<PendingKey> pending = new ArrayList<>();
    /** Every table named in the file, including those left out for their problems. */
    private final Set<String> declared = new HashSet<>();

    /** Table names as SQLite compares them, to the name first written. */
    private final Map<String, String> sqliteFolded = new HashMap<>();

    /** SQLite compares names ignoring the case of ASCII letters only (sqlite3StrICmp). */
    static String sqliteFold(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return sb.toString();
    }

    private record PendingKey(String table, Node where, ForeignKey key, List<Node> referenceNodes) {
    }

    private SchemaReader(Reading in) {
        this.in = in;
    }

    /** The tables that could be read (a table with problems is left out), in file order. */
    static Map<String, Table> read(Node section, Reading in) {
        SchemaReader r = new SchemaReader(in);
        Node.MapNode m = in.mapOrEmpty(section, "'tables' (table name: {columns: ...})");
        if (m != null) {
            r.declared.addAll(m.entries().keySet());
            for (Node.Entry e : m.entries().values()) {
                r.table(e);
            }
            r.checkReferences();
        }
        return r.tables;
    }

    /** H2's longest name (org.h2.engine.Constants.MAX_IDENTIFIER_LENGTH); SQLite has no limit of its own. */
    static final int H2_MAX_NAME = 256;

    /** Records a problem when the name is longer than H2 accepts; true when it is. */
    private boolean tooLongForH2(Node.Pos at, String what, String name) {
        if (name.length() <= H2_MAX_NAME) {
            return false;
        }
        in.problem(at, what + " name '" + name.substring(0, 40) + "...' is " + name.length() + " characters long: "
                + "H2 accepts names of at most " + H2_MAX_NAME + " characters");
        return true;
    }

    private void table(Node.Entry entry) {
        String name = entry.key();
        String bad = Reading.sqlNameProblem(name);
        if (bad != null) {
            in.problem(entry.keyPos(), "table name '" + name + "' " + bad);
            return;
        }
        String same = sqliteFolded.putIfAbsent(sqliteFold(name), name);
        if (same != null) {
            in.problem(entry.keyPos(), "table name '" + name + "' differs from table '" + same + "' only in case: "
                    + "SQLite takes them for one table (table \"" + name + "\" already exists)");
            return;
        }
        if (tooLongForH2(entry.keyPos(), "table", name)) {
            return;
        }
        Node.MapNode m = in.map(entry.value(), "table '" + name + "' (columns: ...)");
        if (m == null) {
            return;
        }
        int before = in.problems.count();
        in.keys(m, TABLE_KEYS, "table '" + name + "'");
        Map<String, Column> columns = new LinkedHashMap<>();
        Node columnsNode = m.get("columns");
        if (columnsNode == null) {
            in.problem(entry.keyPos(), "table '" + name + "' has no 'columns'");
        } else {
            Node.MapNode cm = in.map(columnsNode, "the columns of table '" + name + "'");
            if (cm != null) {
                if (cm.entries().isEmpty()) {
                    in.problem(cm, "table '" + name + "' needs at least one column");
                }
                Map<String, String> folded = new HashMap<>();
                for (Node.Entry c : cm.entries().values()) {
                    String sameColumn = folded.putIfAbsent(sqliteFold(c.key()), c.key());
                    if (sameColumn != null) {
                        in.problem(c.keyPos(), "column name '" + c.key() + "' differs from column '" + sameColumn
                                + "' only in case: SQLite takes them for one column (duplicate column name: " + c.key() + ")");
                        continue;
                    }
                    Column col = column(name, c);
                    if (col != null) {
                        columns.put(col.name(), col);
                    }
                }
            }
        }
        List<ForeignKey> composite = new ArrayList<>();
        Node fks = m.get("foreign_keys");
        if (fks != null) {
            Node.ListNode l = in.list(fks, "'foreign_keys' of table '" + name + "'");
            if (l != null) {
                for (Node item : l.items()) {
                    ForeignKey fk = composite(name, item, columns);
                    if (fk != null) {
                        composite.add(fk);
                    }
                }
            }
        }
        if (in.problems.count() == before) {
            tables.put(name, new Table(name, columns, composite));
        }
    }

    private Column column(String table, Node.Entry entry) {
        String name = entry.key();
        String where = "column '" + table + "." + name + "'";
        String bad = Reading.sqlNameProblem(name);
        if (bad != null) {
            in.problem(entry.keyPos(), "column name '" + name + "' " + bad);
            return null;
        }
        if (tooLongForH2(entry.keyPos(), "column", name)) {
            return null;
        }
        Node.MapNode m = in.map(entry.value(), where + " ({type: ..., ...})");
        if (m == null) {
            return null;
        }
        int before = in.problems.count();
        in.keys(m, COLUMN_KEYS, where);
        ColumnType type = ColumnType.INTEGER;
        Node t = m.get("type");
        if (t != null) {
            String s = in.string(t, "'type' of " + where);
            if (s != null) {
                type = ColumnType.fromFileName(s);
                if (type == null) {
                    in.problem(t, "unknown type '" + s + "' for " + where + "; expected one of " + TYPES);
                }
            }
        }
        Integer length = null;
        Node l = m.get("length");
        if (l != null) {
            Long v = in.integer(l, "'length' of " + where);
            if (v != null && (v < 1 || v > 1_000_000)) {
                in.problem(l, "'length' of " + where + " must be between 1 and 1000000, found " + v);
            } else if (v != null && type != ColumnType.STRING) {
                in.problem(l, "'length' applies to string columns; " + where + " is "
                        + (type == null ? "of an unknown type" : type.fileName()));
            } else if (v != null) {
                length = v.intValue();
            }
        }
        boolean pk = flag(m, "primary_key", where, false);
        boolean nullable = flag(m, "nullable", where, Column.defaultNullable(pk));
        boolean unique = flag(m, "unique", where, false);
        boolean index = flag(m, "index", where, false);
        if (index && ("ix_" + table + "_" + name).length() > H2_MAX_NAME) {
            in.problem(m.get("index"), "the index of " + where + " would be named ix_" + table + "_" + name
                    .substring(0, Math.min(name.length(), 20)) + "..., " + ("ix_" + table + "_" + name).length()
                    + " characters long: H2 accepts names of at most " + H2_MAX_NAME + " characters");
        }
        String autoincrement = null;
        Node a = m.get("autoincrement");
        if (a != null) {
            if (a instanceof Node.Scalar s && s.kind() == Node.Kind.BOOLEAN) {
                autoincrement = s.value().toString();
            } else if (a instanceof Node.Scalar s && ("auto".equals(s.value()) || "ignore_fk".equals(s.value()))) {
                autoincrement = (String) s.value();
            } else {
                in.problem(a, "expected true, false, auto or ignore_fk for 'autoincrement' of " + where
                        + ", found " + a.describe());
            }
        }
        String foreignKey = null;
        Node fk = m.get("foreign_key");
        if (fk != null) {
            String s = in.string(fk, "'foreign_key' of " + where);
            if (s != null) {
                QualifiedColumn ref = QualifiedColumn.parse(s);
                if (ref == null) {
                    in.problem(fk, "expected table.column for 'foreign_key' of " + where + ", found '" + s + "'");
                } else {
                    foreignKey = s;
                }
            }
        }
        ReferentialAction ondelete = action(m, "ondelete", where, fk != null);
        ReferentialAction onupdate = action(m, "onupdate", where, fk != null);
        if (in.problems.count() != before || type == null) {
            return null;
        }
        Column column = new Column(name, type, length, pk, nullable, unique, index, autoincrement, foreignKey,
                ondelete, onupdate);
        if (foreignKey != null) {
            QualifiedColumn ref = QualifiedColumn.parse(foreignKey);
            pending.add(new PendingKey(table, fk, new ForeignKey(List.of(name), ref.table(), List.of(ref.column()),
                    ondelete, onupdate), List.of(fk)));
        }
        return column;
    }

    private boolean flag(Node.MapNode m, String key, String where, boolean dflt) {
        Node n = m.get(key);
        if (n == null) {
            return dflt;
        }
        Boolean b = in.bool(n, "'" + key + "' of " + where);
        return b == null ? dflt : b;
    }

    private ReferentialAction action(Node.MapNode m, String key, String where, boolean hasForeignKey) {
        Node n = m.get(key);
        if (n == null) {
            return null;
        }
        if (!hasForeignKey) {
            in.problem(n, "'" + key + "' is a rule of a foreign key, but " + where + " has no 'foreign_key'");
            return null;
        }
        String s = in.string(n, "'" + key + "' of " + where);
        if (s == null) {
            return null;
        }
        ReferentialAction action = ReferentialAction.fromSql(s);
        if (action == null) {
            in.problem(n, "unknown rule '" + s + "' for '" + key + "' of " + where + "; expected one of " + ACTIONS);
        }
        return action;
    }

    private ForeignKey composite(String table, Node item, Map<String, Column> columns) {
        String where = "a foreign key of table '" + table + "'";
        Node.MapNode m = in.map(item, where + " ({columns: [...], references: [...]})");
        if (m == null) {
            return null;
        }
        int before = in.problems.count();
        in.keys(m, COMPOSITE_KEYS, where);
        List<String> cols = required(m, "columns", where);
        List<String> refs = required(m, "references", where);
        ReferentialAction ondelete = action(m, "ondelete", where, true);
        ReferentialAction onupdate = action(m, "onupdate", where, true);
        if (cols == null || refs == null || in.problems.count() != before) {
            return null;
        }
        if (cols.size() < 2) {
            in.problem(m, "'foreign_keys' holds composite keys only; write a single-column key on its column "
                    + "as foreign_key: table.column");
            return null;
        }
        if (cols.size() != refs.size()) {
            in.problem(m.get("references"), where + " has " + cols.size() + " columns but " + refs.size()
                    + " references; expected as many references as columns");
            return null;
        }
        for (String c : cols) {
            if (!columns.containsKey(c)) {
                in.problem(m.get("columns"), "unknown column '" + c + "' in " + where + "; its columns are "
                        + Reading.quoted(columns.keySet()));
                return null;
            }
        }
        String refTable = null;
        List<String> refColumns = new ArrayList<>();
        for (String r : refs) {
            QualifiedColumn q = QualifiedColumn.parse(r);
            if (q == null) {
                in.problem(m.get("references"), "expected table.column in 'references' of " + where + ", found '" + r + "'");
                return null;
            }
            if (refTable != null && !refTable.equals(q.table())) {
                in.problem(m.get("references"), "the references of " + where + " must all be columns of one table; found '"
                        + refTable + "' and '" + q.table() + "'");
                return null;
            }
            refTable = q.table();
            refColumns.add(q.column());
        }
        ForeignKey key = new ForeignKey(cols, refTable, refColumns, ondelete, onupdate);
        pending.add(new PendingKey(table, m.get("references"), key, List.of(m.get("references"))));
        return key;
    }

    private List<String> required(Node.MapNode m, String key, String where) {
        Node n = m.get(key);
        if (n == null) {
            in.problem(m, where + " needs '" + key + "'");
            return null;
        }
        if (!(n instanceof Node.ListNode)) {
            in.problem(n, "expected a list of column names for '" + key + "' of " + where + ", found " + n.describe());
            return null;
        }
        return in.strings(n, "'" + key + "' of " + where);
    }

    /** Every foreign key must reference existing columns that form a primary key or are unique. */
    private void checkReferences() {
        for (PendingKey p : pending) {
            ForeignKey fk = p.key();
            String what = "foreign key " + p.table() + "(" + String.join(", ", fk.columns()) + ")";
            Table target = tables.get(fk.referencedTable());
            if (target == null && declared.contains(fk.referencedTable())) {
                continue; // that table's own problems are reported already
            }
            if (target == null) {
                in.problem(p.where(), what + " references unknown table '" + fk.referencedTable()
                        + "'; tables: " + Reading.quoted(tables.keySet()));
                continue;
            }
            boolean known = true;
            for (String c : fk.referencedColumns()) {
                if (target.column(c) == null) {
                    in.problem(p.where(), what + " references unknown column '" + fk.referencedTable() + "." + c
                            + "'; its columns are " + Reading.quoted(target.columns().keySet()));
                    known = false;
                }
            }
            if (!known) {
                continue;
            }
            Set<String> pk = target.primaryKey().stream().map(Column::name).collect(Collectors.toSet());
            Set<String> refs = new HashSet<>(fk.referencedColumns());
            boolean uniqueColumn = refs.size() == 1 && target.column(fk.referencedColumns().get(0)).unique();
            if (!refs.equals(pk) && !uniqueColumn) {
                in.problem(p.where(), what + " references " + fk.referencedTable() + "("
                        + String.join(", ", fk.referencedColumns()) + "), which is neither its primary key nor a "
                        + "unique column; a database can only reference those");
            }
        }
    }
}
