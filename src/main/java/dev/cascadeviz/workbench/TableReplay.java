package dev.cascadeviz.workbench;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.model.Values;
import dev.cascadeviz.trace.RowChange;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceStatement;
import dev.cascadeviz.workbench.RowState.Source;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replays a trace's row changes over the tables as they were before the run, so the window can
 * show the tables after any statement, marking who deleted or changed each row.
 */
public final class TableReplay {

    private final Scenario scenario;
    private final Map<String, List<RowState>> tables = new LinkedHashMap<>();
    private final Map<String, List<String>> primaryKeys = new HashMap<>();
    /** Rows not deleted, by primary key, for tables that have one: a change finds its row at once. */
    private final Map<String, Map<List<Object>, RowState>> live = new HashMap<>();

    private TableReplay(Scenario scenario, Map<String, List<Map<String, Object>>> before) {
        this.scenario = scenario;
        for (String name : scenario.tables().keySet()) {
            List<RowState> rows = new ArrayList<>();
            Map<List<Object>, RowState> byKey = new HashMap<>();
            for (Map<String, Object> row : before.getOrDefault(name, List.of())) {
                Map<String, Object> values = Values.normalizeRow(row);
                RowState state = new RowState(keyOf(name, values), values, values);
                rows.add(state);
                byKey.put(state.key(), state);
            }
            tables.put(name, rows);
            if (!primaryKey(name).isEmpty()) {
                live.put(name, byKey);
            }
        }
    }

    /** The tables before the run: the trace's own snapshot, else the scenario's rows. */
    public static Map<String, List<Map<String, Object>>> before(Scenario scenario, Trace trace) {
        if (trace != null && !trace.tablesBefore().isEmpty()) {
            return trace.tablesBefore();
        }
        return scenario.rows();
    }

    /** The tables as they were before the run, nothing marked. */
    public static Map<String, List<RowState>> untouched(Scenario scenario, Trace trace) {
        return new TableReplay(scenario, before(scenario, trace)).tables;
    }

    /** The tables after the first {@code count} statements; rows the last of them touched are marked current. */
    public static Map<String, List<RowState>> after(Scenario scenario, Trace trace, int count) {
        return replay(scenario, trace, count, true);
    }

    /**
     * The tables after the whole run, as the database holds them: what a transaction committed
     * stays, what was rolled back (an explicit rollback, or the rollback after an error) does
     * not. Rows the recorded changes do not explain are reconciled with the trace's final tables
     * (the truth, read from the database after the run).
     */
    public static Map<String, List<RowState>> outcome(Scenario scenario, Trace trace) {
        return replay(scenario, trace, trace.statements().size(), false);
    }

    /** True when the run ended with an error after some earlier transaction had committed. */
    public static boolean keptCommittedWork(Trace trace) {
        return trace.error() != null && trace.transactions().stream()
                .anyMatch(e -> "COMMIT".equals(e.kind()) && e.statements() > 0
                        && trace.statements().subList(0, e.statements()).stream().anyMatch(s -> !s.changes().isEmpty()
                                || !s.databaseChanges().isEmpty()));
    }

    /**
     * Whether statement {@code i} counts among the first {@code count}: a statement whose
     * transaction ended in ROLLBACK by then does not; one whose transaction is still open counts
     * while stepping, and at the end of a run that failed does not (the session rolled it back).
     */
    static boolean kept(Trace trace, int i, int count, boolean wholeRun) {
        for (Trace.TransactionEnd end : trace.transactions()) {
            if (end.statements() > i) {
                if (end.statements() <= count) {
                    return !"ROLLBACK".equals(end.kind());
                }
                break;
            }
        }
        return !(wholeRun && trace.error() != null);
    }

    private static Map<String, List<RowState>> replay(Scenario scenario, Trace trace, int count, boolean markCurrent) {
        TableReplay replay = new TableReplay(scenario, before(scenario, trace));
        List<TraceStatement> statements = trace.statements();
        int n = Math.max(0, Math.min(count, statements.size()));
        for (int i = 0; i < n; i++) {
            if (!kept(trace, i, n, !markCurrent)) {
                continue;
            }
            replay.applyStatement(statements.get(i), markCurrent && i == n - 1);
        }
        if (!markCurrent && (trace.error() == null || !trace.tables().isEmpty())) {
            replay.reconcile(trace.tables());
        }
        return replay.tables;
    }

    // ------------------------------------------------------- for TableTimeline: stepping both ways

    /** Told of every row a change is about to alter (before it does) and of every row a change inserted. */
    interface Journal {
        void touching(String table, RowState row);

        void inserted(String table, RowState row);
    }

    private Journal journal;

    /** The tables before the run, to be moved along the trace by {@link #applyStatement} and undone through the journal. */
    static TableReplay start(Scenario scenario, Trace trace, Journal journal) {
        TableReplay replay = new TableReplay(scenario, before(scenario, trace));
        replay.journal = journal;
        return replay;
    }

    /** The rows as they are now, by table (live objects: copy before handing them to another thread). */
    Map<String, List<RowState>> tables() {
        return tables;
    }

    /** Applies one statement's recorded changes: the ORM's own, then the database's. */
    void applyStatement(TraceStatement s, boolean current) {
        for (RowChange c : s.changes()) {
            RowState touched = apply(c, Source.ORM, current);
            if (touched != null && c.foreignKey() == null && s.cause() != null) {
                touched.causedBy(s.cause());
            }
        }
        for (RowChange c : s.databaseChanges()) {
            apply(c, Source.DATABASE, current);
        }
    }

    /** Takes back the insert of {@code row}, the last row of its table. */
    void undoInsert(String table, RowState row) {
        List<RowState> rows = tables.get(table);
        if (rows.get(rows.size() - 1) != row) {
            throw new IllegalStateException("undo out of order in " + table);
        }
        rows.remove(rows.size() - 1);
        Map<List<Object>, RowState> byKey = live.get(table);
        if (byKey != null) {
            byKey.remove(row.key(), row);
        }
    }

    /** Puts a row back as {@code saved} held it (a copy taken before a change). */
    void restore(String table, RowState row, RowState saved) {
        Map<List<Object>, RowState> byKey = live.get(table);
        if (byKey != null) {
            byKey.remove(row.key(), row); // a primary-key change is undone too: the row goes back under its old key
        }
        row.restore(saved);
        if (byKey != null && !row.isDeleted()) {
            byKey.put(row.key(), row);
        }
    }

    /** Applies one change; returns the row it touched, or null when no row matched. */
    private RowState apply(RowChange change, Source source, boolean current) {
        List<RowState> rows = tables.computeIfAbsent(change.table(), t -> new ArrayList<>());
        Source who = change.foreignKey() != null ? Source.DATABASE : source;
        if (change.kind() == RowChange.Kind.INSERT) {
            Map<String, Object> values = Values.normalizeRow(change.after());
            RowState row = new RowState(keyOf(change.table(), values), null, values);
            row.markInserted(who);
            if (current) {
                row.markCurrent();
            }
            rows.add(row);
            if (journal != null) {
                journal.inserted(change.table(), row);
            }
            Map<List<Object>, RowState> byKey = live.get(change.table());
            if (byKey != null) {
                byKey.put(row.key(), row);
            }
            return row;
        }
        RowState row = find(rows, change);
        if (row == null) {
            return null;
        }
        if (journal != null) {
            journal.touching(change.table(), row);
        }
        if (change.kind() == RowChange.Kind.DELETE) {
            row.delete(who, change.foreignKey());
            Map<List<Object>, RowState> byKey = live.get(change.table());
            if (byKey != null) {
                byKey.remove(row.key(), row);
            }
        } else if (change.after() != null) {
            row.update(Values.normalizeRow(change.after()), who, change.foreignKey());
            followKeyChange(change.table(), row);
        }
        if (current) {
            row.markCurrent();
        }
        return row;
    }

    /**
     * An UPDATE that changed the primary key (SET id=7 WHERE id=1) changed the same row: later
     * changes and the final tables name it by its new key, so it is found there, not taken for
     * a row deleted and another inserted.
     */
    private void followKeyChange(String table, RowState row) {
        if (row.isDeleted() || primaryKey(table).isEmpty()) {
            return;
        }
        List<Object> now = keyOf(table, row.now());
        if (now.equals(row.key())) {
            return;
        }
        Map<List<Object>, RowState> byKey = live.get(table);
        if (byKey != null) {
            byKey.remove(row.key(), row);
            byKey.put(now, row);
        }
        row.rekey(now);
    }

    private RowState find(List<RowState> rows, RowChange change) {
        List<Object> key = Values.normalizeAll(change.key());
        Map<List<Object>, RowState> byKey = live.get(change.table());
        if (byKey != null && !key.isEmpty()) {
            RowState r = byKey.get(key);
            return r == null || r.isDeleted() ? null : r;
        }
        Map<String, Object> before = change.before() == null ? null : Values.normalizeRow(change.before());
        for (RowState r : rows) {
            if (r.isDeleted()) {
                continue;
            }
            if (!key.isEmpty() && key.equals(r.key())) {
                return r;
            }
            if (key.isEmpty() && before != null && before.equals(r.now())) {
                return r;
            }
        }
        return null;
    }

    private void reconcile(Map<String, List<Map<String, Object>>> finalTables) {
        finalTables.forEach((name, finalRows) -> {
            List<RowState> rows = tables.computeIfAbsent(name, t -> new ArrayList<>());
            List<Map<String, Object>> remaining = new ArrayList<>();
            for (Map<String, Object> r : finalRows) {
                remaining.add(Values.normalizeRow(r));
            }
            Set<Map<String, Object>> used = Collections.newSetFromMap(new IdentityHashMap<>());
            for (RowState row : rows) {
                if (row.isDeleted()) {
                    continue;
                }
                Map<String, Object> match = matching(name, row, remaining);
                if (match == null) {
                    row.delete(Source.ORM, null);
                } else {
                    used.add(match);
                    if (primaryKey(name).isEmpty()) {
                        remaining.remove(match);
                    }
                    if (!match.equals(row.now())) {
                        row.update(match, Source.ORM, null);
                    }
                }
            }
            for (Map<String, Object> extra : remaining) {
                if (used.contains(extra)) {
                    continue;
                }
                RowState row = new RowState(keyOf(name, extra), null, extra);
                row.markInserted(Source.ORM);
                rows.add(row);
            }
        });
    }

    private Map<String, Object> matching(String table, RowState row, List<Map<String, Object>> candidates) {
        boolean hasKey = !primaryKey(table).isEmpty();
        if (hasKey) {
            Map<List<Object>, Map<String, Object>> index = candidateIndex.computeIfAbsent(candidates, c -> {
                Map<List<Object>, Map<String, Object>> m = new HashMap<>();
                for (Map<String, Object> r : c) {
                    m.putIfAbsent(keyOf(table, r), r);
                }
                return m;
            });
            Map<String, Object> match = index.get(row.key());
            if (match != null) {
                index.remove(row.key());
            }
            return match;
        }
        for (Map<String, Object> c : candidates) {
            if (hasKey ? keyOf(table, c).equals(row.key()) : c.equals(row.now())) {
                return c;
            }
        }
        return null;
    }

    private final Map<List<Map<String, Object>>, Map<List<Object>, Map<String, Object>>> candidateIndex =
            new IdentityHashMap<>();

    private List<String> primaryKey(String table) {
        return primaryKeys.computeIfAbsent(table, name -> {
            Table t = scenario.table(name);
            List<String> pk = new ArrayList<>();
            if (t != null) {
                for (Column c : t.primaryKey()) {
                    pk.add(c.name());
                }
            }
            return pk;
        });
    }

    /** The row's primary-key values; a table without a primary key keys rows by all values. */
    private List<Object> keyOf(String table, Map<String, Object> row) {
        List<String> pk = primaryKey(table);
        if (pk.size() == 1) {
            return Collections.singletonList(Values.normalize(row.get(pk.get(0)))); // a third of an ArrayList's size: a big run keeps one per row
        }
        List<Object> key = new ArrayList<>(pk.isEmpty() ? row.size() : pk.size());
        if (pk.isEmpty()) {
            key.addAll(row.values());
        } else {
            for (String c : pk) {
                key.add(Values.normalize(row.get(c)));
            }
        }
        return key;
    }
}
