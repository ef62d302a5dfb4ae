package dev.cascadeviz.workbench;

import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables after any number of a trace's statements, as {@link TableReplay#after} shows them,
 * moved from one count to the next in time proportional to what the statements in between
 * changed rather than to the whole run: each statement applied is kept with copies of the rows
 * as they were before it, so a step back puts those rows back. Crossing a ROLLBACK takes back
 * that transaction's statements (and stepping back over it applies them again), as the
 * database did. A move returns only the rows it changed, as copies a view on another thread may
 * keep, with their position in their table.
 *
 * <p>Not thread-safe: one thread (the window's worker) moves it.
 */
public final class TableTimeline {

    /** A row at its position in its table: a copy, which later moves do not change. */
    public record RowAt(int index, RowState row) {
    }

    /**
     * One table after a move: how many rows it has, how many are not deleted, and the rows the
     * move changed (a position at or past the old size is a row added at the end).
     */
    public record TableChange(int size, int live, List<RowAt> rows) {
    }

    /** The rows a move changed, by table; {@code count} is the number of statements now applied. */
    public record Move(int count, Map<String, TableChange> tables) {
    }

    private record Entry(String table, RowState row, RowState saved) {
    }

    private record Applied(int statement, List<Entry> entries) {
    }

    private final Trace trace;
    private final TableReplay replay;
    /** For each statement, the number of statements at its transaction's end, or -1 while still open at the end. */
    private final int[] endAt;
    /** ... and whether that end was a ROLLBACK. */
    private final boolean[] rolledBackAtEnd;
    private final List<Applied> applied = new ArrayList<>();
    private final Map<String, Integer> positions = new LinkedHashMap<>();
    private List<Entry> recording;
    private final List<Entry> currentRows = new ArrayList<>();
    private int count;

    private TableTimeline(Scenario scenario, Trace trace) {
        this.trace = trace;
        this.replay = TableReplay.start(scenario, trace, new TableReplay.Journal() {
            @Override
            public void touching(String table, RowState row) {
                recording.add(new Entry(table, row, row.copy()));
            }

            @Override
            public void inserted(String table, RowState row) {
                recording.add(new Entry(table, row, null));
            }
        });
        int n = trace.statements().size();
        endAt = new int[n];
        rolledBackAtEnd = new boolean[n];
        Arrays.fill(endAt, -1);
        int from = 0;
        for (Trace.TransactionEnd end : trace.transactions()) {
            for (int i = from; i < Math.min(end.statements(), n); i++) {
                endAt[i] = end.statements();
                rolledBackAtEnd[i] = "ROLLBACK".equals(end.kind());
            }
            from = Math.max(from, end.statements());
        }
    }

    /** A timeline at the start: the tables before the run. */
    public static TableTimeline start(Scenario scenario, Trace trace) {
        return new TableTimeline(scenario, trace);
    }

    /** How many statements are applied now. */
    public int count() {
        return count;
    }

    /** Statement {@code i} counts after the first {@code target}: its transaction was not rolled back by then. */
    private boolean kept(int i, int target) {
        return !(rolledBackAtEnd[i] && endAt[i] >= 0 && endAt[i] <= target);
    }

    /**
     * Moves to the tables after the first {@code target} statements (clamped to the trace), rows
     * the last of them touched marked current, and returns the rows that changed.
     */
    public Move moveTo(int target) {
        int n = Math.max(0, Math.min(target, trace.statements().size()));
        List<Integer> wanted = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (kept(i, n)) {
                wanted.add(i);
            }
        }
        int common = 0;
        while (common < applied.size() && common < wanted.size() && applied.get(common).statement() == wanted.get(common)) {
            common++;
        }
        Map<RowState, String> dirty = new IdentityHashMap<>();
        for (Entry e : currentRows) {
            e.row().clearCurrent();
            dirty.put(e.row(), e.table());
        }
        currentRows.clear();
        Set<String> shrunk = new HashSet<>();
        while (applied.size() > common) {
            Applied last = applied.remove(applied.size() - 1);
            List<Entry> entries = last.entries();
            for (int k = entries.size() - 1; k >= 0; k--) {
                Entry e = entries.get(k);
                if (e.saved() == null) {
                    replay.undoInsert(e.table(), e.row());
                    dirty.remove(e.row());
                    shrunk.add(e.table());
                } else {
                    replay.restore(e.table(), e.row(), e.saved());
                    dirty.put(e.row(), e.table());
                }
            }
        }
        List<TraceStatement> statements = trace.statements();
        for (int k = common; k < wanted.size(); k++) {
            int i = wanted.get(k);
            recording = new ArrayList<>();
            replay.applyStatement(statements.get(i), false);
            applied.add(new Applied(i, recording));
            for (Entry e : recording) {
                dirty.put(e.row(), e.table());
            }
            recording = null;
        }
        if (n > 0 && !applied.isEmpty() && applied.get(applied.size() - 1).statement() == n - 1) {
            for (Entry e : applied.get(applied.size() - 1).entries()) {
                e.row().markCurrent();
                currentRows.add(e);
                dirty.put(e.row(), e.table());
            }
        }
        count = n;
        return changes(dirty, shrunk);
    }

    private Move changes(Map<RowState, String> dirty, Set<String> shrunk) {
        Map<String, List<RowState>> tables = replay.tables();
        Map<String, Set<RowState>> byTable = new LinkedHashMap<>();
        dirty.forEach((row, table) -> byTable.computeIfAbsent(table, t -> Collections.newSetFromMap(new IdentityHashMap<>())).add(row));
        for (String t : shrunk) {
            byTable.computeIfAbsent(t, x -> Collections.newSetFromMap(new IdentityHashMap<>()));
        }
        Map<String, TableChange> out = new LinkedHashMap<>();
        byTable.forEach((table, rows) -> {
            List<RowState> all = tables.get(table);
            List<RowAt> changed = new ArrayList<>();
            int live = 0;
            for (int i = 0; i < all.size(); i++) {
                RowState r = all.get(i);
                if (!r.isDeleted()) {
                    live++;
                }
                if (rows.contains(r)) {
                    changed.add(new RowAt(i, r.copy()));
                }
            }
            out.put(table, new TableChange(all.size(), live, changed));
        });
        return new Move(count, out);
    }

    /** Every row as it is now, copied, by table (the first picture a view draws). */
    public Map<String, List<RowState>> snapshot() {
        Map<String, List<RowState>> out = new LinkedHashMap<>();
        replay.tables().forEach((table, rows) -> {
            List<RowState> copies = new ArrayList<>(rows.size());
            for (RowState r : rows) {
                copies.add(r.copy());
            }
            out.put(table, copies);
        });
        return out;
    }
}
