package dev.cascadeviz.scenario;

import com.google.common.util.concurrent.Uninterruptibles;
import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.CompactRow;
import dev.cascadeviz.model.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the {@code rows} section: every value checked against its column. */
final class RowsReader {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?");

    /** The rows, and the primary keys present in each table (values in primary-key column order). */
    record Rows(Map<String, List<Map<String, Object>>> rows, Map<String, Set<List<Object>>> keys) {
    }

    private final Reading in;
    private final Map<List<String>, CompactRow.Shape> shapes = new HashMap<>();
    private CompactRow.Shape lastShape;

    private RowsReader(Reading in) {
        this.in = in;
    }

    static Rows read(Node section, Reading in, Map<String, Table> tables, Set<String> declaredTables) {
        RowsReader r = new RowsReader(in);
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        Map<String, Set<List<Object>>> keys = new HashMap<>();
        Node.MapNode m = in.mapOrEmpty(section, "'rows' (table name: [{column: value, ...}, ...])");
        if (m == null) {
            return new Rows(rows, keys);
        }
        for (Node.Entry e : m.entries().values()) {
            Table table = tables.get(e.key());
            if (table == null) {
                if (!declaredTables.contains(e.key())) {
                    in.problem(e.keyPos(), "rows for unknown table '" + e.key() + "'; tables: "
                            + Reading.quoted(declaredTables));
                }
                continue;
            }
            Node.ListNode list = in.list(e.value(), "the rows of table '" + table.name() + "'");
            if (list == null) {
                continue;
            }
            List<Map<String, Object>> out = new ArrayList<>(list.items().size());
            Map<List<Object>, Node.Pos> seen = new HashMap<>();
            List<Column> primaryKey = table.primaryKey();
            List<Node> items = list.items();
            CompactRow[] read = new CompactRow[items.size()];
            int split = items.size() < SPLIT_FROM ? items.size() : items.size() / 2;
            RowsReader second = split == items.size() ? null : new RowsReader(new Reading(in.problems.another()));
            Thread other = second == null ? null
                    : second.convertOnAThread(table, primaryKey, items, split, items.size(), read);
            r.convert(table, primaryKey, items, 0, split, read);
            if (other != null) {
                second.join(other);
                in.problems.addAll(second.in.problems);
            }
            for (int i = 0; i < read.length; i++) {
                if (read[i] != null && r.keep(table, primaryKey, read[i], items.get(i), seen)) {
                    out.add(read[i]);
                }
            }
            rows.put(table.name(), out);
            keys.put(table.name(), seen.keySet()); // a view: a copy of 10^6 keys cost as much again
        }
        return new Rows(rows, keys);
    }

    /** A literal for a column outside {@code rows} (a step's value), checked as a row's cell is. */
    static Object literal(Reading in, Table table, Column c, Node n) {
        return new RowsReader(in).value(table, c, n);
    }

    private static String where(Table table) {
        return "a row of table '" + table.name() + "'";
    }

    /**
     * A table with at least this many rows is read by two threads, each half of its rows (the
     * 32,768 rows of the benchmark's largest table took about 45 ms on one, while the other core
     * had nothing to do); their problems are the same and, sorted by position, in the same order.
     */
    static final int SPLIT_FROM = 4096;

    /** Reads the rows {@code from} to {@code to} into {@code read} (null where a row has a problem). */
    private void convert(Table table, List<Column> primaryKey, List<Node> items, int from, int to, CompactRow[] read) {
        for (int i = from; i < to; i++) {
            read[i] = row(table, primaryKey, items.get(i));
        }
    }

    /** The same on a thread of its own; {@link #join} waits for it. */
    private Thread convertOnAThread(Table table, List<Column> primaryKey, List<Node> items, int from, int to,
            CompactRow[] read) {
        Thread t = new Thread(() -> {
            try {
                convert(table, primaryKey, items, from, to, read);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
        }, "cascadeviz-rows-reader");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** What the thread of {@link #convertOnAThread} threw, rethrown here once it has ended. */
    private volatile Throwable failure;

    private void join(Thread t) {
        Uninterruptibles.joinUninterruptibly(t);
        if (failure instanceof RuntimeException e) {
            throw e;
        } else if (failure instanceof Error e) {
            throw e;
        }
    }

    /** Whether a row read without problems is kept: not when its primary key is one an earlier row has. */
    private boolean keep(Table table, List<Column> primaryKey, CompactRow row, Node item,
            Map<List<Object>, Node.Pos> seen) {
        Object[] keyValues = new Object[primaryKey.size()];
        for (int i = 0; i < keyValues.length; i++) {
            keyValues[i] = row.get(primaryKey.get(i).name());
        }
        List<Object> key = Arrays.asList(keyValues);
        if (!key.isEmpty()) {
            Node.Pos earlier = seen.putIfAbsent(key, item.pos());
            if (earlier != null) {
                in.problem(item, "duplicate primary key " + keyText(key) + " in table '" + table.name()
                        + "': the row at line " + earlier.line() + " has it already");
                return false;
            }
        }
        return true;
    }

    private CompactRow row(Table table, List<Column> primaryKey, Node item) {
        Node.MapNode m = item instanceof Node.MapNode mn ? mn : in.map(item, where(table) + " ({column: value, ...})");
        if (m == null) {
            return null;
        }
        int before = in.problems.count();
        int n = m.entries().size();
        String[] names = new String[n];
        Object[] values = new Object[n];
        int k = 0;
        for (Node.Entry e : m.entries().values()) {
            Column c = table.column(e.key());
            if (c == null) {
                in.problem(e.keyPos(), "unknown column '" + e.key() + "' in " + where(table) + "; its columns are "
                        + Reading.quoted(table.columns().keySet()));
                continue;
            }
            names[k] = c.name();
            values[k++] = value(table, c, e.value());
        }
        for (Column c : table.columns().values()) {
            if (!c.primaryKey() && c.nullable()) {
                continue;
            }
            Node given = m.get(c.name());
            boolean absent = given == null || isNull(given);
            if (c.primaryKey() && absent) {
                in.problem(given == null ? m : given, where(table) + " has no value for primary-key column '" + c.name() + "'");
            } else if (!c.nullable() && absent) {
                in.problem(given == null ? m : given, where(table) + " leaves NOT NULL column '" + c.name() + "' "
                        + (given == null ? "out" : "null") + "; give it a value");
            }
        }
        if (in.problems.count() != before) {
            return null;
        }
        return new CompactRow(shape(Arrays.asList(names)), values); // read-only and compact: kept without a copy
    }

    /** The shape of rows with these keys in this order: the last one used, else one made before, else a new one. */
    private CompactRow.Shape shape(List<String> names) {
        if (lastShape != null && lastShape.is(names)) {
            return lastShape;
        }
        lastShape = shapes.computeIfAbsent(List.copyOf(names), CompactRow.Shape::new);
        return lastShape;
    }

    private static boolean isNull(Node n) {
        return n instanceof Node.Scalar s && s.kind() == Node.Kind.NULL;
    }

    static String keyText(List<Object> key) {
        List<String> parts = new ArrayList<>();
        for (Object o : key) {
            parts.add(o instanceof String s ? "'" + s + "'" : String.valueOf(o));
        }
        return "(" + String.join(", ", parts) + ")";
    }

    /** The value for a column (Long, Double, String, Boolean or null), or null after a problem. */
    private Object value(Table table, Column c, Node n) {
        if (isNull(n)) {
            return null;
        }
        Node.Scalar s = n instanceof Node.Scalar sc ? sc : null;
        // The common cases first, without making the message they would need.
        if (s != null && c.type() == ColumnType.INTEGER && s.kind() == Node.Kind.INTEGER && s.value() instanceof Long l) {
            return l;
        }
        if (s != null && (c.type() == ColumnType.STRING || c.type() == ColumnType.TEXT) && s.isString()
                && (c.length() == null || ((String) s.value()).length() <= c.length())) {
            return s.value();
        }
        String what = "column '" + table.name() + "." + c.name() + "' (" + c.type().fileName() + ")";
        switch (c.type()) {
            case INTEGER:
                return in.integer(n, what);
            case FLOAT:
            case NUMERIC:
                return in.number(n, what);
            case BOOLEAN:
                return in.bool(n, what);
            case STRING:
            case TEXT: {
                String v = in.string(n, what);
                if (v != null && c.length() != null && v.length() > c.length()) {
                    in.problem(n, "the value for " + what + " has " + v.length() + " characters; its length is "
                            + c.length());
                }
                return v;
            }
            case DATE:
            case DATETIME: {
                boolean date = c.type() == ColumnType.DATE;
                String expected = date ? "a date YYYY-MM-DD" : "a date and time YYYY-MM-DD HH:MM:SS";
                if (s == null || !s.isString() || !(date ? DATE : DATETIME).matcher((String) s.value()).matches()
                        || !validTime((String) s.value(), date)) {
                    in.problem(n, "expected " + expected + " for " + what + ", found " + n.describe());
                    return null;
                }
                return s.value();
            }
            default:
                throw new IllegalStateException(c.type().toString());
        }
    }

    private static boolean validTime(String text, boolean date) {
        try {
            if (date) {
                LocalDate.parse(text);
            } else {
                LocalDateTime.parse(text.replace(' ', 'T'));
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
