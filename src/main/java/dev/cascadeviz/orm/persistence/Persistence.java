package dev.cascadeviz.orm.persistence;

import dev.cascadeviz.db.DatabaseValues;
import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.orm.InstanceState;
import dev.cascadeviz.orm.Mapper;
import dev.cascadeviz.orm.OrmException;
import dev.cascadeviz.orm.Session;
import dev.cascadeviz.orm.Why;
import dev.cascadeviz.orm.sql.SqlCompiler;
import dev.cascadeviz.orm.uow.UnitOfWork;
import dev.cascadeviz.trace.Cause;
import dev.cascadeviz.trace.RowChange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code orm.persistence}: the UPDATE and DELETE statements of a flush, for states sorted by
 * primary key, consecutive rows with the same columns sent as one executemany.
 */
public final class Persistence {

    private Persistence() {
    }

    private record Update(InstanceState state, List<String> setColumns, List<Object> params, List<Object> key,
                          Cause cause) {
    }

    /** {@code save_obj} for persistent states: UPDATE the columns whose value changed. */
    public static void saveObj(UnitOfWork uow, Mapper mapper, Collection<InstanceState> states) {
        Session session = uow.session();
        Table table = mapper.table();
        List<Update> updates = new ArrayList<>();
        List<InstanceState> inserts = new ArrayList<>();
        List<InstanceState> persistent = new ArrayList<>();
        List<InstanceState> rowSwitches = new ArrayList<>();
        for (InstanceState state : states) {
            if (state.hasIdentity()) {
                persistent.add(state);
                continue;
            }
            // _organize_states_for_save: a new object with the key of a persistent one
            InstanceState existing = state.currentKey().contains(null) ? null
                    : session.identityGet(mapper, state.currentKey());
            if (existing != null && existing != state && !existing.isFlushedDeleted()) {
                if (!uow.isDeleted(existing)) {
                    session.saveSide().warnConflict(state, existing);
                } else {
                    uow.removeStateActions(existing);
                    rowSwitches.add(state);
                    continue;
                }
            }
            inserts.add(state);
        }
        inserts.sort(Comparator.comparingLong(Inserts::insertOrder));
        for (InstanceState state : rowSwitches) {
            List<String> set = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            List<Object> key = new ArrayList<>();
            for (Column c : table.columns().values()) {
                if (c.primaryKey()) {
                    key.add(session.attributes().columnValueIfLoaded(state, c.name()));
                } else if (session.attributes().columnChanged(state, c.name())) {
                    set.add(c.name());
                    params.add(bound(session.attributes().columnValueIfLoaded(state, c.name()), c));
                }
            }
            if (!set.isEmpty()) {
                List<Object> all = new ArrayList<>(params);
                all.addAll(key);
                updates.add(new Update(state, set, all, key, Why.rowSwitch(state)));
            }
        }
        for (InstanceState state : session.sortStates(persistent)) {
            List<String> set = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            for (Column c : table.columns().values()) {
                if (session.attributes().columnChanged(state, c.name())) {
                    set.add(c.name());
                    params.add(bound(session.attributes().columnValueIfLoaded(state, c.name()), c));
                }
            }
            if (set.isEmpty()) {
                continue;
            }
            List<Object> key = committedKey(session, table, state, "update table");
            List<Object> all = new ArrayList<>(params);
            all.addAll(key);
            Cause cause = session.updateCause(state);
            updates.add(new Update(state, set, all, key, cause != null ? cause : Why.columnsSet(state, set)));
        }
        emitUpdates(session, table, updates);
        Inserts.emit(session, table, inserts);
    }

    /**
     * A value as SQLAlchemy's SQLite types bind it (booleans 1/0, dates and date-times as text
     * with microseconds): what the statement's parameters show.
     */
    static Object bound(Object value, Column c) {
        return DatabaseValues.toDatabase(value, c.type(), Engine.SQLITE);
    }

    /**
     * The row's committed primary key, which locates it in UPDATE and DELETE; a NULL in it is
     * SQLAlchemy's FlushError ("Can't update table t using NULL for primary key value ...").
     */
    private static List<Object> committedKey(Session session, Table table, InstanceState state, String action) {
        List<Object> key = new ArrayList<>();
        for (Column pk : table.primaryKey()) {
            Object v = action.startsWith("delete") ? session.attributes().committedColumnValueForDelete(state, pk.name())
                    : session.attributes().committedColumnValue(state, pk.name());
            if (v == null) {
                throw new OrmException("FlushError", "Can't " + action + " " + table.name()
                        + " using NULL for primary key value on column " + table.name() + "." + pk.name());
            }
            key.add(v);
        }
        return key;
    }

    /** {@code post_update}: UPDATE only the post_update columns whose value changed. */
    public static void postUpdate(UnitOfWork uow, Mapper mapper, Collection<InstanceState> states, Set<String> columns) {
        Session session = uow.session();
        Table table = mapper.table();
        List<Update> updates = new ArrayList<>();
        for (InstanceState state : session.sortStates(states)) {
            List<String> set = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            List<Object> key = new ArrayList<>();
            for (Column c : table.columns().values()) {
                if (c.primaryKey()) {
                    key.add(session.attributes().columnValue(state, c.name()));
                } else if (columns.contains(c.name()) && session.attributes().columnChanged(state, c.name())) {
                    set.add(c.name());
                    params.add(session.attributes().columnValueIfLoaded(state, c.name()));
                }
            }
            if (!set.isEmpty()) {
                List<Object> all = new ArrayList<>(params);
                all.addAll(key);
                updates.add(new Update(state, set, all, key, Why.postUpdate(mapper, set)));
            }
        }
        emitUpdates(session, table, updates);
    }

    private static void emitUpdates(Session session, Table table, List<Update> updates) {
        int i = 0;
        while (i < updates.size()) {
            List<String> cols = updates.get(i).setColumns();
            int j = i;
            List<List<Object>> paramSets = new ArrayList<>();
            List<RowChange> changes = new ArrayList<>();
            List<Cause> causes = new ArrayList<>();
            while (j < updates.size() && updates.get(j).setColumns().equals(cols)) {
                Update u = updates.get(j);
                causes.add(u.cause());
                paramSets.add(u.params());
                Map<String, Object> after = new LinkedHashMap<>();
                for (int k = 0; k < cols.size(); k++) {
                    after.put(cols.get(k), u.params().get(k));
                }
                changes.add(new RowChange(table.name(), RowChange.Kind.UPDATE, u.key(), null, after, null));
                j++;
            }
            String sql = SqlCompiler.updateByPrimaryKey(table, cols);
            int matched = session.executor().execute(sql, paramSets, table.name(), RowChange.Kind.UPDATE, keys(updates, i, j),
                    changes, updateCause(session, causes));
            if (matched != paramSets.size()) {
                throw new OrmException("StaleDataError", "UPDATE statement on table '" + table.name()
                        + "' expected to update " + paramSets.size() + " row(s); " + matched + " were matched.");
            }
            i = j;
        }
    }

    /** The writers' reasons; an UPDATE no relationship asked for was a change to the object itself. */
    private static Cause updateCause(Session session, List<Cause> causes) {
        Cause c = Why.combine(causes);
        return c != null ? c : session.causeOfCurrentAction();
    }

    private static List<List<Object>> keys(List<Update> updates, int from, int to) {
        List<List<Object>> keys = new ArrayList<>();
        for (int k = from; k < to; k++) {
            keys.add(updates.get(k).key());
        }
        return keys;
    }

    /** {@code delete_obj}: one DELETE by primary key for all the states, executemany when several. */
    public static void deleteObj(UnitOfWork uow, Mapper mapper, Collection<InstanceState> states) {
        if (states.isEmpty()) {
            return;
        }
        Session session = uow.session();
        Table table = mapper.table();
        List<List<Object>> paramSets = new ArrayList<>();
        List<RowChange> changes = new ArrayList<>();
        List<Cause> causes = new ArrayList<>();
        for (InstanceState state : session.sortStates(states)) {
            causes.add(session.deleteCause(state));
            List<Object> key = committedKey(session, table, state, "delete from table");
            paramSets.add(key);
            changes.add(new RowChange(table.name(), RowChange.Kind.DELETE, key, null, null, null));
        }
        String sql = mapper.deleteByPrimaryKey();
        Cause cause = Why.combine(causes);
        unbindableKey(session, sql, paramSets, cause);
        int matched = session.executor().execute(sql, paramSets, table.name(), RowChange.Kind.DELETE, paramSets, changes,
                cause != null ? cause : session.causeOfCurrentAction());
        if (matched != paramSets.size()) {
            session.warn("DELETE statement on table '" + table.name() + "' expected to delete " + paramSets.size()
                    + " row(s); " + matched + " were matched.  Please set confirm_deleted_rows=False within the "
                    + "mapper configuration to prevent this warning.");
        }
    }

    /**
     * A key read from a freed object holds {@code NO_VALUE}: SQLAlchemy sends the DELETE with it
     * (as its log prints it) and sqlite3 cannot bind it, at the first set that has one.
     */
    private static void unbindableKey(Session session, String sql, List<List<Object>> paramSets, Cause cause) {
        int position = 0;
        for (List<Object> set : paramSets) {
            for (int i = 0; i < set.size() && position == 0; i++) {
                if (InstanceState.isNoValue(set.get(i))) {
                    position = i + 1;
                }
            }
            if (position > 0) {
                break;
            }
        }
        if (position == 0) {
            return;
        }
        List<List<Object>> shown = new ArrayList<>();
        for (List<Object> set : paramSets) {
            List<Object> row = new ArrayList<>();
            for (Object v : set) {
                row.add(InstanceState.isNoValue(v) ? InstanceState.NO_VALUE_TEXT : v);
            }
            shown.add(row);
        }
        throw session.executor().unbindable(sql, shown, position, InstanceState.NO_VALUE_TYPE,
                cause != null ? cause : session.causeOfCurrentAction());
    }

    /** The association table's columns the row gives, in table order. */
    private static List<String> givenColumns(Table secondary, Map<String, Object> row) {
        List<String> cols = new ArrayList<>();
        for (String c : secondary.columns().keySet()) {
            if (row.containsKey(c)) {
                cols.add(c);
            }
        }
        return cols;
    }

    /** The row's values of those columns, as one parameter set. */
    private static List<Object> values(List<String> cols, Map<String, Object> row) {
        List<Object> params = new ArrayList<>();
        for (String c : cols) {
            params.add(row.get(c));
        }
        return params;
    }

    /** {@code ManyToManyDP._run_crud}: DELETE association rows, every secondary column given. */
    public static void deleteSecondaryRows(UnitOfWork uow, Table secondary, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Session session = uow.session();
        List<String> cols = givenColumns(secondary, rows.get(0));
        List<List<Object>> paramSets = new ArrayList<>();
        List<RowChange> changes = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            List<Object> params = values(cols, row);
            paramSets.add(params);
            changes.add(new RowChange(secondary.name(), RowChange.Kind.DELETE, params, row, null, null));
        }
        String sql = SqlCompiler.delete(secondary, cols);
        int matched = session.executor().execute(sql, paramSets, secondary.name(), RowChange.Kind.DELETE, null, changes,
                session.causeOfCurrentAction());
        if (matched != paramSets.size()) {
            throw new OrmException("StaleDataError", "DELETE statement on table '" + secondary.name()
                    + "' expected to delete " + paramSets.size() + " row(s); Only " + matched + " were matched.");
        }
    }

    /** {@code ManyToManyDP._run_crud}: INSERT association rows, executemany when several. */
    public static void insertSecondaryRows(UnitOfWork uow, Table secondary, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Session session = uow.session();
        List<String> cols = givenColumns(secondary, rows.get(0));
        List<List<Object>> paramSets = new ArrayList<>();
        List<RowChange> changes = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            List<Object> params = values(cols, row);
            paramSets.add(params);
            changes.add(new RowChange(secondary.name(), RowChange.Kind.INSERT, params, null, row, null));
        }
        String sql = SqlCompiler.insert(secondary, cols, List.of());
        session.executor().insert(sql, paramSets, sql, paramSets, changes, session.causeOfCurrentAction());
    }
}
