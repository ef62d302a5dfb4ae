package dev.cascadeviz.workbench;

import dev.cascadeviz.model.Values;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row as the result tables show it at some point of a run: its values before the run, its
 * values now (null once deleted), and who changed what.
 */
public final class RowState {

    /** Who made a change: the ORM's own statement, or the database by a foreign-key rule. */
    public enum Source { ORM, DATABASE }

    private List<Object> key;
    private final Map<String, Object> before;
    /**
     * Never changed in place: a change puts a changed copy here, so the map given at the start,
     * the row's copies and its saved states share one map until a change (a big run's rows are
     * mostly untouched, and a map per row and per copy was a third of the heap).
     */
    private Map<String, Object> now;
    private Source deletedBy;
    private Source insertedBy;
    /** Never changed in place either; empty until a change. */
    private Map<String, Source> changedCells = Map.of();
    private String rule;
    private String cause;
    private boolean current;

    /** The row keeps {@code before} and {@code now} as they are: the caller must not change them afterwards. */
    RowState(List<Object> key, Map<String, Object> before, Map<String, Object> now) {
        this.key = key;
        this.before = before;
        this.now = now;
    }

    /** The row's primary-key values now (after a primary-key change, the new ones). */
    public List<Object> key() {
        return key;
    }

    /** A primary-key change: the same row under its new key (shown as {@code 1 → 7}, not deleted and inserted). */
    void rekey(List<Object> newKey) {
        key = newKey;
    }

    /** Values before the run; null for a row the run inserted. */
    public Map<String, Object> before() {
        return before;
    }

    /** Values now; null for a deleted row. */
    public Map<String, Object> now() {
        return now == null ? null : Collections.unmodifiableMap(now);
    }

    public boolean isDeleted() {
        return now == null;
    }

    public Source deletedBy() {
        return deletedBy;
    }

    public Source insertedBy() {
        return insertedBy;
    }

    /** Columns whose value changed, with who changed them. */
    public Map<String, Source> changedCells() {
        return Collections.unmodifiableMap(changedCells);
    }

    /** The foreign-key rule that made the database change this row, e.g. {@code song.artist_id ON DELETE CASCADE}. */
    public String rule() {
        return rule;
    }

    /** Why the ORM's statement changed this row (the statement's cause); null for the database's changes. */
    public String cause() {
        return cause;
    }

    void causedBy(String value) {
        cause = value;
    }

    /** True when the statement being stepped through touched this row. */
    public boolean isCurrent() {
        return current;
    }

    /** The values to show: now, or before for a deleted row. */
    public Map<String, Object> shown() {
        return now != null ? now : before;
    }

    void delete(Source source, String why) {
        now = null;
        deletedBy = source;
        if (why != null) {
            rule = why;
        }
    }

    void update(Map<String, Object> after, Source source, String why) {
        if (now == null) {
            return;
        }
        Map<String, Object> values = null;
        Map<String, Source> cells = null;
        for (Map.Entry<String, Object> e : after.entrySet()) {
            if (!Values.same(now.get(e.getKey()), e.getValue())) {
                if (values == null) {
                    values = new LinkedHashMap<>(now);
                    cells = new LinkedHashMap<>(changedCells);
                }
                values.put(e.getKey(), e.getValue());
                cells.put(e.getKey(), source);
            }
        }
        if (values != null) {
            now = values;
            changedCells = cells;
        }
        if (why != null) {
            rule = why;
        }
    }

    void markInserted(Source source) {
        insertedBy = source;
    }

    void markCurrent() {
        current = true;
    }

    void clearCurrent() {
        current = false;
    }

    /** A copy that later changes to this row do not reach: for a view on another thread, or to undo a change. */
    RowState copy() {
        RowState c = new RowState(key, before, now);
        c.deletedBy = deletedBy;
        c.insertedBy = insertedBy;
        c.changedCells = changedCells;
        c.rule = rule;
        c.cause = cause;
        c.current = current;
        return c;
    }

    /** Puts back what {@code saved} (a {@link #copy()} of this row) held, except the current mark. */
    void restore(RowState saved) {
        key = saved.key;
        now = saved.now;
        deletedBy = saved.deletedBy;
        insertedBy = saved.insertedBy;
        changedCells = saved.changedCells;
        rule = saved.rule;
        cause = saved.cause;
    }

    /** Same key, values, marks and notes: what a view draws. */
    public boolean sameAs(RowState o) {
        return key.equals(o.key) && Objects.equals(before, o.before) && Objects.equals(now, o.now)
                && deletedBy == o.deletedBy && insertedBy == o.insertedBy && changedCells.equals(o.changedCells)
                && Objects.equals(rule, o.rule) && Objects.equals(cause, o.cause) && current == o.current;
    }

    /** True when the run deleted, inserted or changed this row: what the tables mark. */
    public boolean isMarked() {
        return isDeleted() || insertedBy != null || !changedCells.isEmpty();
    }

    /** A cell as the tables show it: its value, or "before → after" for a value the run changed. */
    public String cellText(String column) {
        if (before != null && now != null && changedCells.containsKey(column)) {
            return Values.display(before.get(column)) + " → " + Values.display(now.get(column));
        }
        return Values.display(shown().get(column));
    }

    /** Who deleted, inserted or changed the row and why, in words; empty for an untouched row. */
    public String note() {
        if (isDeleted()) {
            return deletedBy == Source.DATABASE
                    ? "deleted by the database" + (rule == null ? "" : ": " + rule)
                    : "deleted by the ORM" + (cause == null ? "" : ": " + cause);
        }
        if (insertedBy != null) {
            return "inserted by the ORM" + (cause == null ? "" : ": " + cause);
        }
        if (!changedCells.isEmpty()) {
            return changedCells.containsValue(Source.DATABASE)
                    ? "changed by the database" + (rule == null ? "" : ": " + rule)
                    : "updated by the ORM" + (cause == null ? "" : ": " + cause);
        }
        return "";
    }
}
