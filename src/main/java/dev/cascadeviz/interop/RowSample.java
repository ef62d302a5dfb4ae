package dev.cascadeviz.interop;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.Table;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first rows of each table (in primary-key order) as scenario values, without the rows that
 * reference a row that was not taken: a scenario's rows must seed a database that enforces its
 * foreign keys.
 */
final class RowSample {

    private final Connection connection;
    private final Map<String, String> dbNames;
    private final List<ImportNote> notes;

    RowSample(Connection connection, Map<String, String> dbNames, List<ImportNote> notes) {
        this.connection = connection;
        this.dbNames = dbNames;
        this.notes = notes;
    }

    Map<String, List<Map<String, Object>>> take(Map<String, Table> tables, int limit) throws SQLException {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (Table t : tables.values()) {
            rows.put(t.name(), select(t, limit));
        }
        int dropped = 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Table t : tables.values()) {
                List<Map<String, Object>> kept = new ArrayList<>();
                for (Map<String, Object> row : rows.get(t.name())) {
                    if (referencesPresent(t, row, rows)) {
                        kept.add(row);
                    } else {
                        dropped++;
                        changed = true;
                    }
                }
                rows.put(t.name(), kept);
            }
        }
        if (dropped > 0) {
            notes.add(new ImportNote(0, dropped + " row(s) left out because they reference rows beyond the first " + limit));
        }
        rows.values().removeIf(List::isEmpty);
        return rows;
    }

    private static boolean referencesPresent(Table t, Map<String, Object> row, Map<String, List<Map<String, Object>>> rows) {
        for (ForeignKey fk : t.allForeignKeys()) {
            List<Object> wanted = new ArrayList<>();
            for (String c : fk.columns()) {
                wanted.add(row.get(c));
            }
            if (wanted.contains(null)) {
                continue;
            }
            Set<List<Object>> present = new HashSet<>();
            for (Map<String, Object> r : rows.getOrDefault(fk.referencedTable(), List.of())) {
                List<Object> key = new ArrayList<>();
                for (String c : fk.referencedColumns()) {
                    key.add(r.get(c));
                }
                present.add(key);
            }
            if (!present.contains(wanted)) {
                return false;
            }
        }
        return true;
    }

    private List<Map<String, Object>> select(Table t, int limit) throws SQLException {
        List<String> order = new ArrayList<>(); // by position: the database's column names may differ in case
        List<String> names = new ArrayList<>(t.columns().keySet());
        for (Column c : (t.primaryKey().isEmpty() ? List.copyOf(t.columns().values()) : t.primaryKey())) {
            order.add(String.valueOf(names.indexOf(c.name()) + 1));
        }
        String sql = "SELECT * FROM " + quote(dbNames.getOrDefault(t.name(), t.name())) + " ORDER BY "
                + String.join(", ", order) + " LIMIT " + limit;
        List<Map<String, Object>> out = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= n; i++) {
                    String name = DatabaseImport.name(rs.getMetaData().getColumnLabel(i));
                    Column c = t.column(name);
                    if (c != null) {
                        row.put(name, value(c, rs.getObject(i)));
                    }
                }
                out.add(row);
            }
        }
        return out;
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A JDBC value as a scenario value: Long, Double, String, Boolean or null (dates as ISO text). */
    static Object value(Column c, Object v) {
        if (v == null) {
            return null;
        }
        switch (c.type()) {
            case INTEGER -> {
                if (v instanceof Number n) {
                    return n.longValue();
                }
                if (v instanceof Boolean b) {
                    return b ? 1L : 0L;
                }
            }
            case FLOAT, NUMERIC -> {
                if (v instanceof Number n) {
                    return n instanceof BigDecimal bd && bd.scale() <= 0 && c.type() == ColumnType.NUMERIC
                            ? (Object) bd.doubleValue() : n.doubleValue();
                }
            }
            case BOOLEAN -> {
                if (v instanceof Boolean b) {
                    return b;
                }
                if (v instanceof Number n) {
                    return n.intValue() != 0;
                }
            }
            case DATE -> {
                if (v instanceof Date d) {
                    return d.toLocalDate().toString();
                }
            }
            case DATETIME -> {
                if (v instanceof Timestamp ts) {
                    return ts.toLocalDateTime().toString().replace('T', ' ');
                }
                if (v instanceof TemporalAccessor ta) {
                    return ta.toString().replace('T', ' ');
                }
            }
            default -> {
            }
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v instanceof Boolean ? v : v instanceof Double || v instanceof Float ? ((Number) v).doubleValue() : ((Number) v).longValue();
        }
        return v.toString();
    }
}
