package dev.cascadeviz.db;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which a scenario's rows are inserted: parents first (tables in foreign-key order,
 * ties in scenario order), rows of one table in listed order, except that a row whose parent row
 * (in the same table or a table of a cycle) is not inserted yet waits until it is. When rows wait
 * on each other (a cycle), the first waiting row is inserted with its unsatisfied nullable
 * foreign-key columns NULL, and an UPDATE sets them once every row is in.
 */
public final class SeedPlan {

    /** Insert one row (values in the table's column order; absent columns are left out). */
    public record Insert(String table, Map<String, Object> values) {
    }

    /** Set columns of an already inserted row, found by its original values of {@code where}. */
    public record Fixup(String table, Map<String, Object> set, Map<String, Object> where) {
    }

    private final List<Insert> inserts = new ArrayList<>();
    private final List<Fixup> fixups = new ArrayList<>();

    private SeedPlan() {
    }

    public List<Insert> inserts() {
        return inserts;
    }

    public List<Fixup> fixups() {
        return fixups;
    }

    /** The plan for a scenario's rows. */
    public static SeedPlan of(Scenario scenario) {
        SeedPlan plan = new SeedPlan();
        RowIndex index = new RowIndex();
        Map<String, Set<List<Object>>> present = new HashMap<>();
        Set<String> rowsExist = new HashSet<>();
        scenario.rows().forEach((t, rows) -> {
            if (!rows.isEmpty()) {
                rowsExist.add(t);
            }
        });
        for (String tableName : tableOrder(scenario)) {
            Table table = scenario.table(tableName);
            List<Map<String, Object>> waiting = new ArrayList<>(scenario.rowsOf(tableName));
            while (!waiting.isEmpty()) {
                boolean progress = false;
                List<Map<String, Object>> still = new ArrayList<>();
                for (Map<String, Object> row : waiting) {
                    if (unsatisfied(scenario, table, row, present, index).isEmpty()) {
                        plan.insert(table, row, row, present);
                        progress = true;
                    } else {
                        still.add(row);
                    }
                }
                waiting = still;
                if (!progress && !waiting.isEmpty()) {
                    Map<String, Object> row = waiting.remove(0);
                    Map<String, Object> inserted = new LinkedHashMap<>(row);
                    Map<String, Object> later = new LinkedHashMap<>();
                    for (ForeignKey fk : unsatisfied(scenario, table, row, present, index)) {
                        for (String c : fk.columns()) {
                            Column col = table.column(c);
                            if (col != null && col.nullable()) {
                                inserted.put(c, null);
                                later.put(c, row.get(c));
                            }
                        }
                    }
                    plan.insert(table, row, inserted, present);
                    if (!later.isEmpty()) {
                        Map<String, Object> where = new LinkedHashMap<>();
                        List<Column> pk = table.primaryKey();
                        if (!pk.isEmpty()) {
                            pk.forEach(c -> where.put(c.name(), row.get(c.name())));
                        } else {
                            inserted.forEach((k, v) -> {
                                if (v != null) {
                                    where.put(k, v);
                                }
                            });
                        }
                        plan.fixups.add(new Fixup(tableName, later, where));
                    }
                }
            }
        }
        return plan;
    }

    private void insert(Table table, Map<String, Object> row, Map<String, Object> values,
                        Map<String, Set<List<Object>>> present) {
        inserts.add(new Insert(table.name(), values));
        present.computeIfAbsent(table.name(), k -> new HashSet<>()).add(rowKey(row, table));
    }

    private static List<Object> rowKey(Map<String, Object> row, Table table) {
        List<Object> key = new ArrayList<>();
        for (String c : table.columns().keySet()) {
            key.add(String.valueOf(row.get(c)));
        }
        return key;
    }

    /** The row's foreign keys whose referenced row exists in the scenario but is not inserted yet. */
    private static List<ForeignKey> unsatisfied(Scenario scenario, Table table, Map<String, Object> row,
                                                Map<String, Set<List<Object>>> present, RowIndex index) {
        List<ForeignKey> out = new ArrayList<>();
        for (ForeignKey fk : table.allForeignKeys()) {
            List<Object> wanted = new ArrayList<>();
            boolean anyNull = false;
            for (String c : fk.columns()) {
                Object v = row.get(c);
                anyNull |= v == null;
                wanted.add(v);
            }
            if (anyNull) {
                continue;
            }
            Map<String, Object> parent = index.find(scenario, fk, wanted);
            if (parent == null) {
                continue; // dangling: the database decides
            }
            Table parentTable = scenario.table(fk.referencedTable());
            Set<List<Object>> rows = present.get(fk.referencedTable());
            if (parentTable == null || rows == null || !rows.contains(rowKey(parent, parentTable))) {
                if (parent != row) {
                    out.add(fk);
                }
            }
        }
        return out;
    }

    /**
     * The rows of each referenced table by the values of the referenced columns, built once per
     * foreign key, so finding a row's parent is a lookup rather than a scan (37,000 rows seed in
     * linear time). Numbers are compared by value, as the database does.
     */
    private static final class RowIndex {
        private final Map<List<Object>, Map<List<Object>, Map<String, Object>>> byKey = new HashMap<>();

        Map<String, Object> find(Scenario scenario, ForeignKey fk, List<Object> wanted) {
            List<Object> indexKey = List.of(fk.referencedTable(), fk.referencedColumns());
            Map<List<Object>, Map<String, Object>> index = byKey.computeIfAbsent(indexKey, k -> {
                Map<List<Object>, Map<String, Object>> rows = new HashMap<>();
                for (Map<String, Object> candidate : scenario.rowsOf(fk.referencedTable())) {
                    List<Object> values = new ArrayList<>();
                    for (String c : fk.referencedColumns()) {
                        values.add(normalized(candidate.get(c)));
                    }
                    rows.putIfAbsent(values, candidate);
                }
                return rows;
            });
            List<Object> values = new ArrayList<>();
            for (Object w : wanted) {
                values.add(normalized(w));
            }
            return index.get(values);
        }

        private static Object normalized(Object v) {
            if (v instanceof Number n) {
                return new java.math.BigDecimal(n.toString()).stripTrailingZeros();
            }
            return v;
        }
    }

    /** Tables parents first; ties and cycles broken by scenario order. */
    static List<String> tableOrder(Scenario scenario) {
        List<String> remaining = new ArrayList<>(scenario.tables().keySet());
        Map<String, Set<String>> parents = new HashMap<>();
        for (Table t : scenario.tables().values()) {
            Set<String> p = new LinkedHashSet<>();
            for (ForeignKey fk : t.allForeignKeys()) {
                if (!fk.referencedTable().equals(t.name()) && scenario.tables().containsKey(fk.referencedTable())) {
                    p.add(fk.referencedTable());
                }
            }
            parents.put(t.name(), p);
        }
        List<String> order = new ArrayList<>();
        while (!remaining.isEmpty()) {
            String next = null;
            for (String t : remaining) {
                if (order.containsAll(parents.get(t))) {
                    next = t;
                    break;
                }
            }
            if (next == null) {
                next = remaining.get(0);
            }
            remaining.remove(next);
            order.add(next);
        }
        return order;
    }
}
