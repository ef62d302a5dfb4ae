package dev.cascadeviz.editing;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Fill sample rows" (issue 12): a few consistent rows for every table that has none, parents
 * first, each foreign key pointing at a row that exists, keys and unique columns distinct.
 * Whether the loader accepts them is still {@code ScenarioCheck}'s to say.
 */
public final class SampleRows {

    private SampleRows() {
    }

    public static Scenario fill(Scenario s, int perTable) {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>(s.rows());
        for (String name : parentsFirst(s)) {
            Table t = s.table(name);
            if (!s.rowsOf(name).isEmpty() || t.columns().isEmpty()) {
                continue;
            }
            List<Map<String, Object>> made = new ArrayList<>();
            Set<List<Object>> keys = new LinkedHashSet<>();
            for (int i = 1; made.size() < perTable && i <= perTable * 4; i++) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (Column c : t.columns().values()) {
                    row.put(c.name(), value(c, i));
                }
                for (ForeignKey fk : t.allForeignKeys()) {
                    List<Map<String, Object>> parents = fk.referencedTable().equals(name) ? made : rows.getOrDefault(fk.referencedTable(), List.of());
                    Map<String, Object> parent = parents.isEmpty() ? null : parents.get(((i - 1) + (i - 1) / Math.max(1, parents.size()) * fkIndex(t, fk)) % parents.size());
                    if (fk.referencedTable().equals(name)) {
                        parent = made.isEmpty() ? null : made.get(made.size() - 1);
                    }
                    for (int k = 0; k < fk.columns().size(); k++) {
                        row.put(fk.columns().get(k), parent == null ? null : parent.get(fk.referencedColumns().get(k)));
                    }
                }
                List<Object> key = new ArrayList<>();
                for (Column c : t.primaryKey()) {
                    key.add(row.get(c.name()));
                }
                if (key.contains(null) && !t.primaryKey().isEmpty() || !keys.add(key)) {
                    continue;
                }
                made.add(row);
            }
            rows.put(name, made);
        }
        return s.withRows(rows);
    }

    private static int fkIndex(Table t, ForeignKey fk) {
        return t.allForeignKeys().indexOf(fk);
    }

    static Object value(Column c, int i) {
        return switch (c.type()) {
            case INTEGER -> (long) i;
            case STRING, TEXT -> {
                String v = c.name() + " " + i;
                yield c.length() != null && c.length() > 0 && v.length() > c.length() ? v.substring(0, c.length()) : v;
            }
            case BOOLEAN -> i % 2 == 0;
            case FLOAT, NUMERIC -> i * 1.5;
            case DATE -> String.format("2024-01-%02d", 1 + (i - 1) % 28);
            case DATETIME -> String.format("2024-01-%02dT12:00:00", 1 + (i - 1) % 28);
        };
    }

    /** Tables in an order where every table comes after the tables its foreign keys reference (cycles broken in file order). */
    static List<String> parentsFirst(Scenario s) {
        List<String> out = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        boolean progress = true;
        while (out.size() < s.tables().size() && progress) {
            progress = false;
            for (Table t : s.tables().values()) {
                if (done.contains(t.name())) {
                    continue;
                }
                boolean ready = t.allForeignKeys().stream()
                        .allMatch(fk -> fk.referencedTable().equals(t.name()) || done.contains(fk.referencedTable())
                                || s.table(fk.referencedTable()) == null);
                if (ready) {
                    done.add(t.name());
                    out.add(t.name());
                    progress = true;
                }
            }
        }
        for (String t : s.tables().keySet()) {
            if (done.add(t)) {
                out.add(t);
            }
        }
        return out;
    }
}
