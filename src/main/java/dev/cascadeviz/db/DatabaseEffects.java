package dev.cascadeviz.db;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.ReferentialAction;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.model.Values;
import dev.cascadeviz.trace.RowChange;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Records what the database itself does because of a DELETE or UPDATE: the rows its
 * {@code ON DELETE} / {@code ON UPDATE} rules (CASCADE, SET NULL, SET DEFAULT, followed
 * transitively) delete or change, other than the rows the statement targets itself.
 *
 * <p>Use: {@code Pending p = db.effects().beforeDelete("artist", keys);} then run the statement,
 * then {@code p.changes()}. Before the statement it reads the tables the rules can reach (known
 * from the schema alone); afterwards it reads them again and compares rows by primary key. When
 * no rule can act (or the engine does not enforce foreign keys, as SQLite with
 * {@code foreign_keys} off), it reads nothing and reports nothing.
 */
public final class DatabaseEffects {

    /** What happened to a row that can set off further rules. */
    public enum Event { DELETE, UPDATE }

    /** The state read before a statement; {@link #changes()} compares it with the database after it. */
    @FunctionalInterface
    public interface Pending {
        /** Rows the database deleted or changed on its own, tables in scenario order, rows by primary key. */
        List<RowChange> changes() throws SQLException;
    }

    /** Nothing to watch. */
    public static final Pending NONE = List::of;

    private final ScenarioDatabase db;
    private final Scenario scenario;

    DatabaseEffects(ScenarioDatabase db) {
        this.db = db;
        this.scenario = db.scenario();
    }

    /** Before a DELETE of the rows of {@code table} with these primary keys (primary-key column order). */
    public Pending beforeDelete(String table, List<List<Object>> keys) throws SQLException {
        return before(table, Event.DELETE, keys);
    }

    /** Before an UPDATE (e.g. of a key) of the rows of {@code table} with these primary keys. */
    public Pending beforeUpdate(String table, List<List<Object>> keys) throws SQLException {
        return before(table, Event.UPDATE, keys);
    }

    private Pending before(String table, Event event, List<List<Object>> keys) throws SQLException {
        if (!db.enforcesForeignKeys()) {
            return NONE;
        }
        Set<String> reach = reachable(table, event);
        if (reach.isEmpty()) {
            return NONE;
        }
        Set<String> read = new LinkedHashSet<>();
        for (String t : scenario.tables().keySet()) {
            if (t.equals(table) || reach.contains(t)) {
                read.add(t);
            }
        }
        Map<String, List<Map<String, Object>>> before = new LinkedHashMap<>();
        for (String t : read) {
            before.put(t, db.rows(t));
        }
        Set<List<Object>> own = new HashSet<>();
        for (List<Object> k : keys) {
            own.add(Values.normalizeAll(k));
        }
        return () -> diff(table, own, before);
    }

    /**
     * The tables whose rows rules can delete or change when rows of {@code table} see {@code event}
     * (the table itself only when a rule leads back to it). Empty when no rule can act.
     */
    public Set<String> reachable(String table, Event event) {
        Set<String> states = new HashSet<>();
        Set<String> tables = new LinkedHashSet<>();
        Deque<Object[]> todo = new ArrayDeque<>();
        todo.add(new Object[] {table, event});
        while (!todo.isEmpty()) {
            Object[] s = todo.poll();
            String parent = (String) s[0];
            Event ev = (Event) s[1];
            for (Table child : scenario.tables().values()) {
                for (ForeignKey fk : child.allForeignKeys()) {
                    if (!fk.referencedTable().equals(parent)) {
                        continue;
                    }
                    Event next = consequence(fk, ev);
                    if (next != null) {
                        tables.add(child.name());
                        if (states.add(child.name() + "/" + next)) {
                            todo.add(new Object[] {child.name(), next});
                        }
                    }
                }
            }
        }
        return tables;
    }

    /** What a rule does to the referencing row when the referenced row sees {@code ev}; null for nothing. */
    private static Event consequence(ForeignKey fk, Event ev) {
        ReferentialAction rule = ev == Event.DELETE ? fk.ondelete() : fk.onupdate();
        if (rule == ReferentialAction.CASCADE) {
            return ev;
        } else if (rule == ReferentialAction.SET_NULL || rule == ReferentialAction.SET_DEFAULT) {
            return Event.UPDATE;
        }
        return null;
    }

    private List<RowChange> diff(String target, Set<List<Object>> own,
                                 Map<String, List<Map<String, Object>>> before) throws SQLException {
        Map<String, Map<List<Object>, Map<String, Object>>> deleted = new LinkedHashMap<>();
        Map<String, Map<List<Object>, Map<String, Object>[]>> changed = new LinkedHashMap<>();
        for (Map.Entry<String, List<Map<String, Object>>> e : before.entrySet()) {
            Table t = scenario.table(e.getKey());
            Map<List<Object>, Map<String, Object>> after = new LinkedHashMap<>();
            for (Map<String, Object> row : db.rows(t.name())) {
                after.put(key(t, row), row);
            }
            Map<List<Object>, Map<String, Object>> gone = new LinkedHashMap<>();
            Map<List<Object>, Map<String, Object>[]> diffs = new LinkedHashMap<>();
            List<Map<String, Object>> appeared = new ArrayList<>(after.values());
            for (Map<String, Object> row : e.getValue()) {
                List<Object> k = key(t, row);
                Map<String, Object> now = after.get(k);
                if (now == null) {
                    gone.put(k, row);
                } else {
                    appeared.remove(now);
                    if (!now.equals(row)) {
                        diffs.put(k, pair(row, now));
                    }
                }
            }
            // A rule that changed a primary key shows as a row gone and a row appeared: pair them up.
            List<List<Object>> goneKeys = new ArrayList<>(gone.keySet());
            for (int i = 0; i < goneKeys.size() && !appeared.isEmpty(); i++) {
                diffs.put(goneKeys.get(i), pair(gone.remove(goneKeys.get(i)), appeared.remove(0)));
            }
            deleted.put(t.name(), gone);
            changed.put(t.name(), diffs);
        }
        List<RowChange> out = new ArrayList<>();
        for (String tableName : before.keySet()) {
            Table t = scenario.table(tableName);
            boolean isTarget = tableName.equals(target);
            for (Map.Entry<List<Object>, Map<String, Object>> d : deleted.get(tableName).entrySet()) {
                if (isTarget && own.contains(d.getKey())) {
                    continue;
                }
                out.add(new RowChange(tableName, RowChange.Kind.DELETE, d.getKey(), d.getValue(), null,
                        ruleName(t, d.getValue(), null, deleted, changed)));
            }
            for (Map.Entry<List<Object>, Map<String, Object>[]> c : changed.get(tableName).entrySet()) {
                if (isTarget && own.contains(c.getKey())) {
                    continue;
                }
                Map<String, Object>[] ba = c.getValue();
                out.add(new RowChange(tableName, RowChange.Kind.UPDATE, c.getKey(), ba[0], ba[1],
                        ruleName(t, ba[0], ba[1], deleted, changed)));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object>[] pair(Map<String, Object> a, Map<String, Object> b) {
        return new Map[] {a, b};
    }

    /** Names the rule that explains the change, e.g. {@code song.artist_id ON DELETE CASCADE}. */
    private static String ruleName(Table t, Map<String, Object> before, Map<String, Object> after,
                                   Map<String, Map<List<Object>, Map<String, Object>>> deleted,
                                   Map<String, Map<List<Object>, Map<String, Object>[]>> changed) {
        String fallback = null;
        for (ForeignKey fk : t.allForeignKeys()) {
            boolean parentDeleted = false;
            for (Map<String, Object> p : deleted.getOrDefault(fk.referencedTable(), Map.of()).values()) {
                parentDeleted |= references(fk, before, p);
            }
            boolean parentChanged = false;
            for (Map<String, Object>[] p : changed.getOrDefault(fk.referencedTable(), Map.of()).values()) {
                parentChanged |= references(fk, before, p[0]);
            }
            if (after == null) {
                if (fk.ondelete() == ReferentialAction.CASCADE) {
                    if (parentDeleted) {
                        return describe(t, fk, "ON DELETE", fk.ondelete());
                    }
                    fallback = fallback == null ? describe(t, fk, "ON DELETE", fk.ondelete()) : fallback;
                }
                continue;
            }
            boolean columnsChanged = fk.columns().stream().anyMatch(c -> !Objects.equals(before.get(c), after.get(c)));
            if (!columnsChanged) {
                continue;
            }
            boolean deleteRuleActs = consequence(fk, Event.DELETE) == Event.UPDATE;
            boolean updateRuleActs = consequence(fk, Event.UPDATE) != null;
            if (parentDeleted && deleteRuleActs) {
                return describe(t, fk, "ON DELETE", fk.ondelete());
            }
            if (parentChanged && updateRuleActs) {
                return describe(t, fk, "ON UPDATE", fk.onupdate());
            }
            if (fallback == null && (deleteRuleActs || updateRuleActs)) {
                fallback = deleteRuleActs ? describe(t, fk, "ON DELETE", fk.ondelete()) : describe(t, fk, "ON UPDATE", fk.onupdate());
            }
        }
        return fallback;
    }

    private static boolean references(ForeignKey fk, Map<String, Object> child, Map<String, Object> parent) {
        for (int i = 0; i < fk.columns().size(); i++) {
            Object v = child.get(fk.columns().get(i));
            if (v == null || !v.equals(parent.get(fk.referencedColumns().get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Table t, ForeignKey fk, String which, ReferentialAction rule) {
        List<String> cols = new ArrayList<>();
        for (String c : fk.columns()) {
            cols.add(t.name() + "." + c);
        }
        return String.join(", ", cols) + " " + which + " " + rule.sql();
    }

    /** A row's primary-key values (a table without a primary key: all its values). */
    private static List<Object> key(Table t, Map<String, Object> row) {
        List<Object> k = new ArrayList<>();
        List<Column> pk = t.primaryKey();
        if (pk.isEmpty()) {
            k.addAll(row.values());
        } else {
            for (Column c : pk) {
                k.add(row.get(c.name()));
            }
        }
        return k;
    }
}
