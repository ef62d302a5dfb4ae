package dev.cascadeviz.db;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which a scenario's rows are inserted, as conformance/sqla_schema.py's {@code seed}
 * inserts them for the goldens: the row order decides the order in which the database returns
 * rows a query does not order (a scan in rowid order), so the two must be the same.
 * <ul>
 * <li>Tables parents first ({@link #tableOrder}).</li>
 * <li>A key into a table of a cycle that is not seeded yet is NULL in every row's INSERT, and an
 * UPDATE sets it once every table is in.</li>
 * <li>The rows of a self-referencing table go in rounds ({@code _self_ordered}): each round inserts,
 * in listed order, every row waiting whose parent rows were all inserted by the rounds before it
 * (a row inserted in the same round does not count). When no row is ready, the first one waiting
 * goes in alone: its self keys whose parent is not in yet are NULL and set by an UPDATE
 * afterwards (a self cycle; the harness inserts it as is, which a database checking foreign keys
 * refuses).</li>
 * </ul>
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
        Set<String> placed = new HashSet<>();
        for (String tableName : tableOrder(scenario)) {
            Table table = scenario.table(tableName);
            Set<String> cyclic = new HashSet<>();
            for (ForeignKey fk : table.allForeignKeys()) {
                String ref = fk.referencedTable();
                if (!ref.equals(tableName) && !placed.contains(ref) && scenario.tables().containsKey(ref)) {
                    cyclic.addAll(fk.columns());
                }
            }
            SelfOrder order = new SelfOrder(table, scenario.rowsOf(tableName));
            for (int i : order.order()) {
                Map<String, Object> row = order.rows.get(i);
                // the scenario's own (read-only) row, copied only when a key must wait: a copy of
                // each of a big file's rows cost the seeding a third of its time
                Map<String, Object> inserted = row;
                Map<String, Object> later = new LinkedHashMap<>();
                if (!cyclic.isEmpty()) {
                    for (Map.Entry<String, Object> e : row.entrySet()) {
                        if (e.getValue() != null && cyclic.contains(e.getKey())) {
                            later.put(e.getKey(), e.getValue());
                        }
                    }
                }
                if (order.stalled(i)) {
                    for (String c : order.stallColumns(i)) {
                        Column col = table.column(c);
                        if (col != null && col.nullable() && row.get(c) != null) {
                            later.put(c, row.get(c));
                        }
                    }
                }
                if (!later.isEmpty()) {
                    inserted = new LinkedHashMap<>(row);
                    for (String c : later.keySet()) {
                        inserted.put(c, null);
                    }
                }
                plan.inserts.add(new Insert(tableName, inserted));
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
            placed.add(tableName);
        }
        return plan;
    }

    /**
     * The rounds of one table's rows ({@code _self_ordered}), worked out in linear time: each row
     * counts its self keys whose parent row is not in yet (a key of NULLs, or one naming the row
     * itself, waits for nothing; one naming no row waits until the row goes in alone), and each
     * row going in frees the rows that waited only on it for the next round.
     */
    private static final class SelfOrder {
        final List<Map<String, Object>> rows;
        private final List<ForeignKey> selfKeys = new ArrayList<>();
        /** Per row, the keys it waits on ({@code [referenced columns, values]}), one entry per foreign key. */
        private final List<List<List<Object>>> waitsOn = new ArrayList<>();
        private final Map<List<Object>, List<Integer>> waiters = new HashMap<>();
        private final Set<List<Object>> present = new HashSet<>();
        private final int[] waiting;
        private final boolean[] done;
        /** The rows that went in alone, with their self-key columns whose parent row exists and was not in yet. */
        private final Map<Integer, List<String>> stalls = new HashMap<>();
        /** Every key the table's rows offer, built when a row first goes in alone. */
        private Set<List<Object>> offered;

        SelfOrder(Table table, List<Map<String, Object>> rows) {
            this.rows = rows;
            for (ForeignKey fk : table.allForeignKeys()) {
                if (fk.referencedTable().equals(table.name())) {
                    selfKeys.add(fk);
                }
            }
            waiting = new int[rows.size()];
            done = new boolean[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                if (selfKeys.isEmpty()) {
                    waitsOn.add(List.of());
                    continue;
                }
                List<List<Object>> keys = new ArrayList<>();
                for (ForeignKey fk : selfKeys) {
                    List<Object> values = values(rows.get(i), fk.columns());
                    if (values.contains(null) || values.equals(values(rows.get(i), fk.referencedColumns()))) {
                        continue;
                    }
                    List<Object> key = List.of(fk.referencedColumns(), values);
                    keys.add(key);
                    waiters.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
                    waiting[i]++;
                }
                waitsOn.add(keys);
            }
        }

        /** Row indexes in insertion order. */
        List<Integer> order() {
            List<Integer> out = new ArrayList<>(rows.size());
            if (selfKeys.isEmpty()) {
                for (int i = 0; i < rows.size(); i++) {
                    out.add(i);
                }
                return out;
            }
            List<Integer> ready = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (waiting[i] == 0) {
                    ready.add(i);
                }
            }
            int firstWaiting = 0;
            while (out.size() < rows.size()) {
                if (ready.isEmpty()) {
                    while (done[firstWaiting]) {
                        firstWaiting++;
                    }
                    ready.add(firstWaiting);
                    stalls.put(firstWaiting, unsatisfiedColumns(firstWaiting));
                }
                List<Integer> next = new ArrayList<>();
                for (int i : ready) {
                    done[i] = true;
                    out.add(i);
                }
                for (int i : ready) {
                    release(i, next);
                }
                next.removeIf(i -> done[i]);
                next.sort(null);
                ready = next;
            }
            return out;
        }

        /** Row {@code i} is in: the rows waiting on its keys wait for one key less. */
        private void release(int i, List<Integer> next) {
            Set<List<String>> seen = new HashSet<>();
            for (ForeignKey fk : selfKeys) {
                if (!seen.add(fk.referencedColumns())) {
                    continue;
                }
                List<Object> key = List.of(fk.referencedColumns(), values(rows.get(i), fk.referencedColumns()));
                if (present.add(key)) {
                    for (int w : waiters.getOrDefault(key, List.of())) {
                        if (--waiting[w] == 0) {
                            next.add(w);
                        }
                    }
                }
            }
        }

        boolean stalled(int i) {
            return stalls.containsKey(i);
        }

        List<String> stallColumns(int i) {
            return stalls.get(i);
        }

        /** The columns of row {@code i}'s self keys whose parent row exists but is not in yet. */
        private List<String> unsatisfiedColumns(int i) {
            if (offered == null) {
                offered = new HashSet<>();
                for (Map<String, Object> r : rows) {
                    for (ForeignKey fk : selfKeys) {
                        offered.add(List.of(fk.referencedColumns(), values(r, fk.referencedColumns())));
                    }
                }
            }
            List<String> out = new ArrayList<>();
            for (ForeignKey fk : selfKeys) {
                List<Object> key = List.of(fk.referencedColumns(), values(rows.get(i), fk.columns()));
                if (waitsOn.get(i).contains(key) && !present.contains(key) && offered.contains(key)) {
                    out.addAll(fk.columns());
                }
            }
            return out;
        }

        private static List<Object> values(Map<String, Object> row, List<String> columns) {
            List<Object> out = new ArrayList<>(columns.size());
            for (String c : columns) {
                out.add(normalized(row.get(c)));
            }
            return out;
        }
    }

    /**
     * A value that equals another's exactly when the database (and Python's ==) would call them
     * equal: whole numbers below 10^18 as Long (so 1 and 1.0 meet), other numbers as their
     * BigDecimal without trailing zeros, anything else itself.
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
     * Tables parents first, in rounds as {@code _table_order} takes them: each round takes, in
     * scenario order, every table whose parents were all taken by the rounds before it. When no
     * table is ready (a cycle), the round takes one: the first whose keys into the tables not
     * taken yet may be NULL for now (they are set by an UPDATE afterwards), else the first.
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
            List<String> ready = new ArrayList<>();
            for (String t : remaining) {
                if (order.containsAll(parents.get(t))) {
                    ready.add(t);
                }
            }
            if (ready.isEmpty()) {
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
