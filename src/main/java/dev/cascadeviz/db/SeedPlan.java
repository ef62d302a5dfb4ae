package dev.cascadeviz.db;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
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
        RowIndex index = new RowIndex(scenario);
        Set<String> complete = new HashSet<>();
        for (String tableName : tableOrder(scenario)) {
            Table table = scenario.table(tableName);
            List<Map<String, Object>> tableRows = scenario.rowsOf(tableName);
            if (tableRows.isEmpty()) {
                complete.add(tableName);
                continue;
            }
            TableKeys keys = new TableKeys(table, index, complete);
            List<Map<String, Object>> waiting = tableRows;
            while (!waiting.isEmpty()) {
                boolean progress = false;
                List<Map<String, Object>> still = new ArrayList<>();
                for (Map<String, Object> row : waiting) {
                    if (keys.satisfied(row)) {
                        plan.insert(keys, row, row);
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
                    for (ForeignKey fk : keys.unsatisfied(row)) {
                        for (String c : fk.columns()) {
                            Column col = table.column(c);
                            if (col != null && col.nullable()) {
                                inserted.put(c, null);
                                later.put(c, row.get(c));
                            }
                        }
                    }
                    plan.insert(keys, row, inserted);
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
            complete.add(tableName);
        }
        return plan;
    }

    private void insert(TableKeys keys, Map<String, Object> row, Map<String, Object> values) {
        inserts.add(new Insert(keys.table.name(), values));
        keys.markPresent(row);
    }

    private static List<Object> rowKey(Map<String, Object> row, List<String> columns) {
        Object[] key = new Object[columns.size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = String.valueOf(row.get(columns.get(i)));
        }
        return Arrays.asList(key);
    }

    /**
     * One table's foreign keys, worked out once for all of its rows. Tables are seeded one at a
     * time, each completely, so a row waits only for a row of its own table (a self-reference)
     * or of a table seeded later (a cycle): a parent in a completely seeded table is there, and
     * one in a table not begun yet is not. Only a self-referencing table keeps the rows
     * inserted so far, by their values as text.
     */
    private static final class TableKeys {
        private final Table table;
        private final List<String> columns;
        private final List<ForeignKey> fks;
        private final RowIndex index;
        private final Set<String> complete;
        private final Set<List<Object>> present = new HashSet<>();
        private final boolean selfReferencing;

        TableKeys(Table table, RowIndex index, Set<String> complete) {
            this.table = table;
            this.columns = List.copyOf(table.columns().keySet());
            this.fks = table.allForeignKeys();
            this.index = index;
            this.complete = complete;
            this.selfReferencing = fks.stream().anyMatch(fk -> fk.referencedTable().equals(table.name()));
        }

        void markPresent(Map<String, Object> row) {
            if (selfReferencing) {
                present.add(rowKey(row, columns));
            }
        }

        boolean satisfied(Map<String, Object> row) {
            for (ForeignKey fk : fks) {
                if (waitsFor(fk, row)) {
                    return false;
                }
            }
            return true;
        }

        /** The row's foreign keys whose referenced row exists in the scenario but is not inserted yet. */
        List<ForeignKey> unsatisfied(Map<String, Object> row) {
            List<ForeignKey> out = new ArrayList<>();
            for (ForeignKey fk : fks) {
                if (waitsFor(fk, row)) {
                    out.add(fk);
                }
            }
            return out;
        }

        private boolean waitsFor(ForeignKey fk, Map<String, Object> row) {
            boolean self = fk.referencedTable().equals(table.name());
            if (!self && complete.contains(fk.referencedTable())) {
                return false;
            }
            List<String> cols = fk.columns();
            Object wanted;
            if (cols.size() == 1) {
                Object v = row.get(cols.get(0));
                if (v == null) {
                    return false;
                }
                wanted = RowIndex.normalized(v);
            } else {
                Object[] values = new Object[cols.size()];
                for (int c = 0; c < values.length; c++) {
                    Object v = row.get(cols.get(c));
                    if (v == null) {
                        return false;
                    }
                    values[c] = RowIndex.normalized(v);
                }
                wanted = Arrays.asList(values);
            }
            Map<String, Object> parent = index.of(fk).get(wanted);
            if (parent == null) {
                return false; // dangling: the database decides
            }
            if (!self) {
                return true; // its table is seeded later
            }
            return parent != row && !present.contains(rowKey(parent, columns));
        }
    }

    /**
     * The rows of each referenced table by the values of the referenced columns, built once per
     * referenced table and columns, so finding a row's parent is a lookup rather than a scan
     * (37,000 rows seed in linear time). Numbers are compared by value, as the database does.
     * A single column's key is its value; several columns' key is the list of their values.
     */
    private static final class RowIndex {
        private final Scenario scenario;
        private final Map<List<Object>, Map<Object, Map<String, Object>>> byKey = new HashMap<>();

        RowIndex(Scenario scenario) {
            this.scenario = scenario;
        }

        Map<Object, Map<String, Object>> of(ForeignKey fk) {
            List<Object> indexKey = List.of(fk.referencedTable(), fk.referencedColumns());
            return byKey.computeIfAbsent(indexKey, k -> {
                List<String> refs = fk.referencedColumns();
                Map<Object, Map<String, Object>> rows = new HashMap<>();
                for (Map<String, Object> candidate : scenario.rowsOf(fk.referencedTable())) {
                    Object key;
                    if (refs.size() == 1) {
                        key = normalized(candidate.get(refs.get(0)));
                    } else {
                        Object[] values = new Object[refs.size()];
                        for (int i = 0; i < values.length; i++) {
                            values[i] = normalized(candidate.get(refs.get(i)));
                        }
                        key = Arrays.asList(values);
                    }
                    rows.putIfAbsent(key, candidate);
                }
                return rows;
            });
        }

        /**
         * A value that equals another's exactly when the database would call them equal: whole
         * numbers below 10^18 as Long (so 1 and 1.0 meet), other numbers as their BigDecimal
         * without trailing zeros, anything else itself.
         */
        static Object normalized(Object v) {
            if (v instanceof Long l && l > -LONG_LIMIT && l < LONG_LIMIT) {
                return l;
            }
            if (v instanceof Number n) {
                BigDecimal bd = new BigDecimal(n.toString()).stripTrailingZeros();
                if (bd.scale() <= 0 && bd.abs().compareTo(BIG_LIMIT) < 0) {
                    return bd.longValueExact();
                }
                return bd;
            }
            return v;
        }

        private static final long LONG_LIMIT = 1_000_000_000_000_000_000L;
        private static final BigDecimal BIG_LIMIT = BigDecimal.valueOf(LONG_LIMIT);
    }

    private static boolean nullableInto(Table t, List<String> placed) {
        for (ForeignKey fk : t.allForeignKeys()) {
            if (fk.referencedTable().equals(t.name()) || placed.contains(fk.referencedTable())) {
                continue;
            }
            for (String c : fk.columns()) {
                Column col = t.column(c);
                if (col != null && !col.nullable()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Tables parents first; ties broken by scenario order, a cycle entered where its keys are nullable. */
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
                // a cycle: enter it at the first table whose keys into the tables not seeded yet
                // may be NULL for now (they are set by an UPDATE afterwards)
                next = remaining.get(0);
                for (String t : remaining) {
                    if (nullableInto(scenario.tables().get(t), order)) {
                        next = t;
                        break;
                    }
                }
            }
            remaining.remove(next);
            order.add(next);
        }
        return order;
    }
}
