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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Records what the database itself does because of a DELETE or UPDATE: the rows its
 * {@code ON DELETE} / {@code ON UPDATE} rules (CASCADE, SET NULL, SET DEFAULT, followed
 * transitively) delete or change, other than the rows the statement targets itself.
 *
 * <p>Use: {@code Pending p = db.effects().beforeDelete("artist", keys);} then run the statement,
 * then {@code p.changes()}. Before the statement it reads the rows the rules could reach: the
 * target rows, the rows referencing them through a foreign key whose rule acts, the rows
 * referencing those, and so on (one query per foreign key and step, by the referenced values);
 * afterwards it reads those rows again by primary key and compares. The cost is proportional to
 * the rows the rules can reach, not to the size of the tables (a 1,000-table ON DELETE CASCADE
 * chain reads 1,000 rows twice). A table whose primary key a rule itself could change (a rule on
 * a foreign key that is part of the primary key, or a table without one) is read whole before
 * and after instead, and rows gone and rows appeared are paired up. When no rule can act (or the
 * engine does not enforce foreign keys, as SQLite with {@code foreign_keys} off), it reads
 * nothing and reports nothing.
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

    /** A foreign key of {@code child} that references some table. */
    private record Link(Table child, ForeignKey fk) {
    }

    private final ScenarioDatabase db;
    private final Scenario scenario;
    /** Referenced table name to the foreign keys that reference it (computed once from the schema). */
    private final Map<String, List<Link>> referencedBy = new HashMap<>();
    private final Map<String, Set<String>> reachableCache = new HashMap<>();

    DatabaseEffects(ScenarioDatabase db) {
        this.db = db;
        this.scenario = db.scenario();
        for (Table child : scenario.tables().values()) {
            for (ForeignKey fk : child.allForeignKeys()) {
                referencedBy.computeIfAbsent(fk.referencedTable(), k -> new ArrayList<>()).add(new Link(child, fk));
            }
        }
    }

    /** Before a DELETE of the rows of {@code table} with these primary keys (primary-key column order). */
    public Pending beforeDelete(String table, List<List<Object>> keys) throws SQLException {
        return before(table, Event.DELETE, keys);
    }

    /** Before an UPDATE (e.g. of a key) of the rows of {@code table} with these primary keys. */
    public Pending beforeUpdate(String table, List<List<Object>> keys) throws SQLException {
        return before(table, Event.UPDATE, keys);
    }

    /** The rows of one table read before the statement: by primary key, or the whole table. */
    private static final class Watched {
        final Table table;
        final boolean whole;
        final Map<List<Object>, Map<String, Object>> rows = new LinkedHashMap<>();
        final Set<Event> propagated = new HashSet<>();

        Watched(Table table, boolean whole) {
            this.table = table;
            this.whole = whole;
        }
    }

    private record Frontier(Watched at, Event event, List<Map<String, Object>> rows) {
    }

    private Pending before(String table, Event event, List<List<Object>> keys) throws SQLException {
        if (!db.enforcesForeignKeys()) {
            return NONE;
        }
        Set<String> reach = reachable(table, event);
        if (reach.isEmpty()) {
            return NONE;
        }
        Map<String, Watched> watched = new HashMap<>();
        Set<List<Object>> own = new HashSet<>();
        for (List<Object> k : keys) {
            own.add(Values.normalizeAll(k));
        }
        Watched target = watch(watched, scenario.table(table));
        List<Map<String, Object>> ownRows = new ArrayList<>();
        if (target.whole) {
            for (Map.Entry<List<Object>, Map<String, Object>> e : target.rows.entrySet()) {
                if (own.contains(e.getKey())) {
                    ownRows.add(e.getValue());
                }
            }
        } else {
            for (Map<String, Object> row : db.rowsByColumns(table, primaryKeyNames(target.table), own)) {
                target.rows.put(key(target.table, row), row);
                ownRows.add(row);
            }
        }
        Map<String, Set<List<Object>>> visited = new HashMap<>();
        Deque<Frontier> todo = new ArrayDeque<>();
        todo.add(new Frontier(target, event, ownRows));
        while (!todo.isEmpty()) {
            Frontier f = todo.poll();
            for (Link link : referencedBy.getOrDefault(f.at().table.name(), List.of())) {
                Event next = consequence(link.fk(), f.event());
                if (next == null) {
                    continue;
                }
                Watched child = watch(watched, link.child());
                if (child.whole) {
                    // Every row of a table read whole is watched already; follow on from all of them once.
                    if (child.propagated.add(next)) {
                        todo.add(new Frontier(child, next, new ArrayList<>(child.rows.values())));
                    }
                    continue;
                }
                Set<List<Object>> values = new LinkedHashSet<>();
                for (Map<String, Object> parent : f.rows()) {
                    List<Object> v = new ArrayList<>();
                    for (String c : link.fk().referencedColumns()) {
                        v.add(parent.get(c));
                    }
                    if (!v.contains(null)) {
                        values.add(v);
                    }
                }
                if (values.isEmpty()) {
                    continue;
                }
                Set<List<Object>> seen = visited.computeIfAbsent(child.table.name() + "/" + next, k -> new HashSet<>());
                // First only the keys of the referencing rows (a small query even on a table with thousands of
                // columns, one per foreign key), then whole rows once, for the keys not read yet.
                List<String> pk = primaryKeyNames(child.table);
                List<List<Object>> freshKeys = new ArrayList<>();
                List<List<Object>> unread = new ArrayList<>();
                for (Map<String, Object> row : db.rowsByColumns(child.table.name(), pk, link.fk().columns(), values)) {
                    List<Object> k = key(child.table, row);
                    if (seen.add(k)) {
                        freshKeys.add(k);
                        if (!child.rows.containsKey(k)) {
                            unread.add(k);
                        }
                    }
                }
                if (!unread.isEmpty()) {
                    for (Map<String, Object> row : db.rowsByColumns(child.table.name(), pk, unread)) {
                        child.rows.putIfAbsent(key(child.table, row), row);
                    }
                }
                List<Map<String, Object>> fresh = new ArrayList<>();
                for (List<Object> k : freshKeys) {
                    Map<String, Object> row = child.rows.get(k);
                    if (row != null) {
                        fresh.add(row);
                    }
                }
                if (!fresh.isEmpty()) {
                    todo.add(new Frontier(child, next, fresh));
                }
            }
        }
        // Tables in scenario order, as the changes are reported.
        Map<String, Watched> ordered = new LinkedHashMap<>();
        for (String t : scenario.tables().keySet()) {
            if (watched.containsKey(t)) {
                ordered.put(t, watched.get(t));
            }
        }
        return () -> diff(table, event, own, ordered);
    }

    /** The table's watch, made on first use: a table read whole is read here, before the statement. */
    private Watched watch(Map<String, Watched> watched, Table t) throws SQLException {
        Watched w = watched.get(t.name());
        if (w == null) {
            w = new Watched(t, !keyIsStable(t));
            if (w.whole) {
                for (Map<String, Object> row : db.rows(t.name())) {
                    w.rows.put(key(t, row), row);
                }
            }
            watched.put(t.name(), w);
        }
        return w;
    }

    /**
     * True when no rule can change a row's primary key, so that a row can be found again by it: the
     * table has a primary key and no foreign key with an acting rule (ON DELETE SET NULL / SET
     * DEFAULT, any ON UPDATE rule) shares a column with it.
     */
    private static boolean keyIsStable(Table t) {
        List<String> pk = primaryKeyNames(t);
        if (pk.isEmpty()) {
            return false;
        }
        for (ForeignKey fk : t.allForeignKeys()) {
            boolean acts = consequence(fk, Event.DELETE) == Event.UPDATE || consequence(fk, Event.UPDATE) != null;
            if (acts && fk.columns().stream().anyMatch(pk::contains)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> primaryKeyNames(Table t) {
        List<String> pk = new ArrayList<>();
        for (Column c : t.primaryKey()) {
            pk.add(c.name());
        }
        return pk;
    }

    /**
     * The tables whose rows rules can delete or change when rows of {@code table} see {@code event}
     * (the table itself only when a rule leads back to it). Empty when no rule can act.
     */
    public Set<String> reachable(String table, Event event) {
        String cacheKey = table + "/" + event;
        Set<String> cached = reachableCache.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        Set<String> states = new HashSet<>();
        Set<String> tables = new LinkedHashSet<>();
        Deque<Object[]> todo = new ArrayDeque<>();
        todo.add(new Object[] {table, event});
        while (!todo.isEmpty()) {
            Object[] s = todo.poll();
            String parent = (String) s[0];
            Event ev = (Event) s[1];
            for (Link link : referencedBy.getOrDefault(parent, List.of())) {
                Event next = consequence(link.fk(), ev);
                if (next != null) {
                    String child = link.child().name();
                    tables.add(child);
                    if (states.add(child + "/" + next)) {
                        todo.add(new Object[] {child, next});
                    }
                }
            }
        }
        reachableCache.put(cacheKey, tables);
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

    private List<RowChange> diff(String target, Event event, Set<List<Object>> own,
                                 Map<String, Watched> before) throws SQLException {
        Map<String, Map<List<Object>, Map<String, Object>>> deleted = new LinkedHashMap<>();
        Map<String, Map<List<Object>, Map<String, Object>[]>> changed = new LinkedHashMap<>();
        for (Watched w : before.values()) {
            Table t = w.table;
            Map<List<Object>, Map<String, Object>> after = new LinkedHashMap<>();
            List<Map<String, Object>> now = w.whole ? db.rows(t.name())
                    : db.rowsByColumns(t.name(), primaryKeyNames(t), w.rows.keySet());
            for (Map<String, Object> row : now) {
                after.put(key(t, row), row);
            }
            Map<List<Object>, Map<String, Object>> gone = new LinkedHashMap<>();
            Map<List<Object>, Map<String, Object>[]> diffs = new LinkedHashMap<>();
            List<Map<String, Object>> appeared = w.whole ? new ArrayList<>(after.values()) : new ArrayList<>();
            for (Map.Entry<List<Object>, Map<String, Object>> e : sortedByKey(w).entrySet()) {
                Map<String, Object> row = e.getValue();
                List<Object> k = e.getKey();
                Map<String, Object> current = after.get(k);
                if (current == null) {
                    if (!w.whole && event == Event.UPDATE && t.name().equals(target) && own.contains(k)) {
                        // The statement itself gave the row a new key: it was changed, not deleted.
                        diffs.put(k, pair(row, row));
                    } else {
                        gone.put(k, row);
                    }
                } else {
                    appeared.remove(current);
                    if (!current.equals(row)) {
                        diffs.put(k, pair(row, current));
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

    /**
     * The watched rows in primary-key order, as the database's {@code ORDER BY} of the key gives them
     * (a table read whole is in that order already).
     */
    private static Map<List<Object>, Map<String, Object>> sortedByKey(Watched w) {
        if (w.whole) {
            return w.rows;
        }
        Map<List<Object>, Map<String, Object>> sorted = new TreeMap<>(KEY_ORDER);
        sorted.putAll(w.rows);
        return sorted;
    }

    /** Keys compared column by column: NULL first, numbers by value, before text, text by code unit. */
    private static final Comparator<List<Object>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compareValues(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object x, Object y) {
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : -1) : 1;
        }
        if (x instanceof Number nx && y instanceof Number ny) {
            if (x instanceof Long lx && y instanceof Long ly) {
                return Long.compare(lx, ly);
            }
            return Double.compare(nx.doubleValue(), ny.doubleValue());
        }
        if (x instanceof Number || y instanceof Number) {
            return x instanceof Number ? -1 : 1;
        }
        if (x.getClass() == y.getClass() && x instanceof Comparable cx) {
            return cx.compareTo(y);
        }
        return String.valueOf(x).compareTo(String.valueOf(y));
    }

    private static List<Object> normalizedKey(List<Object> k) {
        List<Object> out = new ArrayList<>();
        for (Object v : k) {
            out.add(v instanceof Integer i ? (Object) i.longValue() : v);
        }
        return out;
    }
}
