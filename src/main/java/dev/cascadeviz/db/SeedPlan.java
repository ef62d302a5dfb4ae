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
 * The order in which a scenario's rows are inserted, the capture harness's order
 * ({@code conformance/sqla_schema.seed}): tables parents first, in passes; a table's rows in
 * listed order, except that in a self-referential table rows go in by passes, each pass inserting,
 * in listed order, every row whose referenced row was in before the pass began. A key into a
 * table seeded later (a cycle of tables) goes in NULL and an UPDATE sets it once every row is in.
 * When the rows of a self-referential table wait on each other, the first waiting row goes in
 * with its waiting nullable keys NULL, set by an UPDATE afterwards as well.
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

    /**
     * The plan for a scenario's rows, the order the capture harness inserts them in
     * ({@code conformance/sqla_schema.seed}), since the order of a table's rows is the order an
     * unsorted SELECT, or ties of an ORDER BY, return them in.
     */
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
                // each pass inserts every row whose parent rows were in before the pass began
                List<Map<String, Object>> ready = new ArrayList<>();
                List<Map<String, Object>> still = new ArrayList<>();
                for (Map<String, Object> row : waiting) {
                    (keys.satisfied(row) ? ready : still).add(row);
                }
                if (ready.isEmpty()) {
                    plan.insertFirstWaiting(keys, still.remove(0));
                } else {
                    ready.forEach(row -> plan.insert(keys, row, keys.withoutLaterKeys(row)));
                }
                waiting = still;
            }
            complete.add(tableName);
        }
        return plan;
    }

    /**
     * A row of a self-referential table whose parent rows wait on each other: its unsatisfied
     * nullable keys go in NULL and are set once every row is in.
     */
    private void insertFirstWaiting(TableKeys keys, Map<String, Object> row) {
        Map<String, Object> inserted = new LinkedHashMap<>(keys.withoutLaterKeys(row));
        for (ForeignKey fk : keys.unsatisfied(row)) {
            for (String c : fk.columns()) {
                Column col = keys.table.column(c);
                if (col != null && col.nullable()) {
                    inserted.put(c, null);
                }
            }
        }
        insert(keys, row, inserted);
    }

    /** Inserts {@code values}, then sets by an UPDATE after all rows whatever it left out of the row. */
    private void insert(TableKeys keys, Map<String, Object> row, Map<String, Object> values) {
        inserts.add(new Insert(keys.table.name(), values));
        keys.markPresent(row);
        Map<String, Object> later = new LinkedHashMap<>();
        row.forEach((c, v) -> {
            if (v != null && values.get(c) == null) {
                later.put(c, v);
            }
        });
        if (later.isEmpty()) {
            return;
        }
        Map<String, Object> where = new LinkedHashMap<>();
        List<Column> pk = keys.table.primaryKey();
        if (!pk.isEmpty()) {
            pk.forEach(c -> where.put(c.name(), row.get(c.name())));
        } else {
            values.forEach((k, v) -> {
                if (v != null) {
                    where.put(k, v);
                }
            });
        }
        fixups.add(new Fixup(keys.table.name(), later, where));
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
     * time, each completely. A key into a table seeded later (a cycle) goes in NULL, when it may,
     * and is set afterwards, so only a key into the table itself (a self-reference) makes a row
     * wait: until a row it references is in, or, when it references no row of the scenario, until
     * no other row can go in. Only a self-referencing table keeps the rows inserted so far, by
     * their values as text.
     */
    private static final class TableKeys {
        private final Table table;
        private final List<String> columns;
        private final List<ForeignKey> selfKeys = new ArrayList<>();
        private final List<String> laterColumns = new ArrayList<>();
        private final RowIndex index;
        private final Set<List<Object>> present = new HashSet<>();

        TableKeys(Table table, RowIndex index, Set<String> complete) {
            this.table = table;
            this.columns = List.copyOf(table.columns().keySet());
            this.index = index;
            for (ForeignKey fk : table.allForeignKeys()) {
                if (fk.referencedTable().equals(table.name())) {
                    selfKeys.add(fk);
                } else if (!complete.contains(fk.referencedTable())) {
                    for (String c : fk.columns()) {
                        Column col = table.column(c);
                        if (col != null && col.nullable()) {
                            laterColumns.add(c);
                        }
                    }
                }
            }
        }

        void markPresent(Map<String, Object> row) {
            if (!selfKeys.isEmpty()) {
                present.add(rowKey(row, columns));
            }
        }

        /** The row as inserted: its nullable keys into a table seeded later left out, unless NULL. */
        Map<String, Object> withoutLaterKeys(Map<String, Object> row) {
            if (laterColumns.isEmpty()) {
                return row;
            }
            Map<String, Object> values = new LinkedHashMap<>(row);
            for (String c : laterColumns) {
                if (values.get(c) != null) {
                    values.remove(c);
                }
            }
            return values;
        }

        boolean satisfied(Map<String, Object> row) {
            for (ForeignKey fk : selfKeys) {
                Map<String, Object> parent = parent(fk, row);
                if (parent != null ? parent != row && !present.contains(rowKey(parent, columns))
                        : references(fk, row)) {
                    return false;
                }
            }
            return true;
        }

        /** The row's self-references whose row exists in the scenario but is not inserted yet. */
        List<ForeignKey> unsatisfied(Map<String, Object> row) {
            List<ForeignKey> out = new ArrayList<>();
            for (ForeignKey fk : selfKeys) {
                Map<String, Object> parent = parent(fk, row);
                if (parent != null && parent != row && !present.contains(rowKey(parent, columns))) {
                    out.add(fk);
                }
            }
            return out;
        }

        private static boolean references(ForeignKey fk, Map<String, Object> row) {
            return fk.columns().stream().allMatch(c -> row.get(c) != null);
        }

        /** The scenario's row that the key references, or null (a NULL key, or a dangling one). */
        private Map<String, Object> parent(ForeignKey fk, Map<String, Object> row) {
            if (!references(fk, row)) {
                return null;
            }
            List<String> cols = fk.columns();
            Object wanted;
            if (cols.size() == 1) {
                wanted = RowIndex.normalized(row.get(cols.get(0)));
            } else {
                Object[] values = new Object[cols.size()];
                for (int c = 0; c < values.length; c++) {
                    values[c] = RowIndex.normalized(row.get(cols.get(c)));
                }
                wanted = Arrays.asList(values);
            }
            return index.of(fk).get(wanted);
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

    /**
     * Tables parents first, in passes as the capture harness places them: each pass takes every
     * table whose parents are placed, in scenario order; a cycle is entered where its keys are nullable.
     */
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
            // each pass places every table whose parents were placed before the pass began
            List<String> ready = new ArrayList<>();
            for (String t : remaining) {
                if (order.containsAll(parents.get(t))) {
                    ready.add(t);
                }
            }
            if (ready.isEmpty()) {
                // a cycle: enter it at the first table whose keys into the tables not seeded yet
                // may be NULL for now (they are set by an UPDATE afterwards)
                String next = remaining.get(0);
                for (String t : remaining) {
                    if (nullableInto(scenario.tables().get(t), order)) {
                        next = t;
                        break;
                    }
                }
                ready.add(next);
            }
            remaining.removeAll(ready);
            order.addAll(ready);
        }
        return order;
    }
}
