package dev.cascadeviz.editing;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The starting rows, edited before the run: a value set, a row added or deleted. Types and
 * constraints are the loader's to check ({@code ScenarioCheck}); here a typed text becomes the
 * value the file would hold, so a refusal reads as the loader's.
 */
public final class RowEdits {

    private RowEdits() {
    }

    /** The value a cell's text stands for: empty or "null" is NULL, numbers and booleans by the column's type. */
    public static Object parse(Column c, String text) {
        if (text == null || text.isEmpty() || text.equals("null") || text.equals("NULL")) {
            return null;
        }
        try {
            return switch (c.type()) {
                case INTEGER -> Long.valueOf(text.strip());
                case FLOAT, NUMERIC -> Double.valueOf(text.strip());
                case BOOLEAN -> switch (text.strip().toLowerCase(Locale.ROOT)) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> text;
                };
                default -> text;
            };
        } catch (NumberFormatException e) {
            return text; // the loader says what it expected
        }
    }

    public static Scenario setValue(Scenario s, String table, int row, String column, Object value) {
        List<Map<String, Object>> rows = rowsOf(s, table, row);
        Map<String, Object> r = new LinkedHashMap<>();
        for (String c : s.table(table).columns().keySet()) {
            if (c.equals(column)) {
                r.put(c, value);
            } else if (rows.get(row).containsKey(c)) {
                r.put(c, rows.get(row).get(c));
            }
        }
        rows.set(row, r);
        return with(s, table, rows);
    }

    /** A new row: the next key, a sample value per column, foreign keys at the first parent row. */
    public static Scenario addRow(Scenario s, String table) {
        Table t = s.table(table);
        ModelEdits.require(t != null, "There is no table " + table + ".");
        List<Map<String, Object>> rows = new ArrayList<>(s.rowsOf(table));
        int n = rows.size() + 1;
        Map<String, Object> row = new LinkedHashMap<>();
        for (Column c : t.columns().values()) {
            Object v = SampleRows.value(c, n);
            if (c.primaryKey() && c.type() == ColumnType.INTEGER) {
                long max = 0;
                for (Map<String, Object> r : rows) {
                    if (r.get(c.name()) instanceof Long l) {
                        max = Math.max(max, l);
                    }
                }
                v = max + 1;
            }
            row.put(c.name(), v);
        }
        for (ForeignKey fk : t.allForeignKeys()) {
            List<Map<String, Object>> parents = s.rowsOf(fk.referencedTable());
            for (int k = 0; k < fk.columns().size(); k++) {
                row.put(fk.columns().get(k), parents.isEmpty() ? null : parents.get(0).get(fk.referencedColumns().get(k)));
            }
        }
        rows.add(row);
        return with(s, table, rows);
    }

    public static Scenario deleteRow(Scenario s, String table, int row) {
        List<Map<String, Object>> rows = rowsOf(s, table, row);
        rows.remove(row);
        return with(s, table, rows);
    }

    private static List<Map<String, Object>> rowsOf(Scenario s, String table, int row) {
        ModelEdits.require(s.table(table) != null, "There is no table " + table + ".");
        List<Map<String, Object>> rows = new ArrayList<>(s.rowsOf(table));
        ModelEdits.require(row >= 0 && row < rows.size(), "There is no row " + (row + 1) + " in " + table + ".");
        return rows;
    }

    private static Scenario with(Scenario s, String table, List<Map<String, Object>> list) {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>(s.rows());
        if (list.isEmpty()) {
            rows.remove(table);
        } else {
            rows.put(table, list);
        }
        return s.withRows(rows);
    }
}
