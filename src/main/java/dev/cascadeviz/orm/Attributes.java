package dev.cascadeviz.orm;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.mapping.Direction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;

/**
 * The attribute system ({@code orm.attributes}) for one session: reading columns (refreshing
 * expired objects), reading relationships (lazy loading, honouring the passive flags),
 * histories, and the events of changing a relationship — parent flags, modified flags and
 * back_populates propagation.
 */
public final class Attributes {

    private final Session session;

    Attributes(Session session) {
        this.session = session;
    }

    // ---- columns

    /** A column's current value, refreshing an expired object first ({@code PASSIVE_OFF}). */
    public Object columnValue(InstanceState state, String column) {
        if (!state.dict.containsKey(column) && state.expired) {
            session.refresh(state);
        }
        return state.dict.get(column);
    }

    /** A column's value if loaded, else null. */
    public Object columnValueIfLoaded(InstanceState state, String column) {
        return state.dict.get(column);
    }

    /** The committed (original) value: what locates the row in UPDATE and DELETE. */
    public Object committedColumnValue(InstanceState state, String column) {
        if (!state.dict.containsKey(column) && !state.committedColumns.containsKey(column) && state.expired) {
            session.refresh(state);
        }
        return state.committedColumnValue(column);
    }

    /**
     * {@code mapper._get_committed_state_attr_by_column} as {@code _collect_delete_commands} reads a
     * primary key (PASSIVE_RETURN_NO_VALUE): for an object CPython freed, {@code state.dict} is
     * {@code {}} and a column attribute has no loader, so {@code get} gives {@code NO_VALUE}, which
     * is not None and goes into the DELETE.
     */
    public Object committedColumnValueForDelete(InstanceState state, String column) {
        if (state.freed && !state.expired && !state.committedColumns.containsKey(column)) {
            return InstanceState.NO_VALUE;
        }
        return committedColumnValue(state, column);
    }

    /** Sets a column attribute ({@code ScalarAttributeImpl.set}): records the original, marks modified. */
    public void setColumnValue(InstanceState state, String column, Object value) {
        state.setColumn(column, value);
        session.markModified(state);
    }

    /** Whether the column's value differs from its committed one (it goes into an UPDATE). */
    public boolean columnChanged(InstanceState state, String column) {
        if (!state.committedColumns.containsKey(column)) {
            return false;
        }
        Object original = state.committedColumns.get(column);
        if (original == InstanceState.NO_VALUE) {
            return true;
        }
        return !Values.pythonEquals(state.dict.get(column), original);
    }

    /** A column whose committed value was replaced by another ({@code history.deleted} not empty). */
    public boolean columnReplaced(InstanceState state, String column) {
        if (!state.committedColumns.containsKey(column)) {
            return false;
        }
        Object original = state.committedColumns.get(column);
        return original != InstanceState.NO_VALUE && !Values.pythonEquals(state.dict.get(column), original);
    }

    // ---- relationships: reading

    /**
     * The value of a relationship attribute: a list for collections, a state or null for
     * scalars, or {@link InstanceState#NO_RESULT} when it is not loaded and may not be now.
     */
    public Object get(InstanceState state, RelProp prop, Passive passive) {
        return get(state, prop, passive, false);
    }

    Object get(InstanceState state, RelProp prop, Passive passive, boolean againstCommitted) {
        return get(state, prop, passive, againstCommitted, false);
    }

    /**
     * @param againstCommitted {@code LOAD_AGAINST_COMMITTED}: a many-to-one loads by the committed key
     * @param noRaise {@code NO_RAISE}: lazy='raise' does not raise (the flush's own loads)
     */
    Object get(InstanceState state, RelProp prop, Passive passive, boolean againstCommitted, boolean noRaise) {
        return get(state, prop, passive, againstCommitted, noRaise, true);
    }

    /**
     * {@code initOk}: INIT_OK, whether a scalar whose loader gives ATTR_EMPTY (a pending object's
     * many-to-one, a noload relationship) reads as its default None; without it, NO_VALUE.
     */
    private Object get(InstanceState state, RelProp prop, Passive passive, boolean againstCommitted, boolean noRaise,
                       boolean initOk) {
        if (isDynamic(prop)) {
            return passive.callablesOk() ? dynamicQuery(state, prop) : InstanceState.NO_RESULT;
        }
        if (state.related.containsKey(prop)) {
            return state.related.get(prop);
        }
        if (!prop.uselist() && state.committedRelated.containsKey(prop)
                && state.committedRelated.get(prop) != InstanceState.NO_VALUE) {
            return InstanceState.NO_VALUE;
        }
        if (!passive.callablesOk()) {
            return InstanceState.NO_RESULT;
        }
        if (!prop.uselist() && Loader.attrEmpty(state, prop)) {
            // the loader gives ATTR_EMPTY: the default None is returned but not stored
            // (ScalarObjectAttributeImpl._default_value), so the attribute keeps no history
            return initOk ? null : InstanceState.NO_VALUE;
        }
        Object loaded = session.loader().load(state, prop, passive, againstCommitted, noRaise);
        if (loaded == InstanceState.NO_RESULT) {
            return InstanceState.NO_RESULT;
        }
        if (loaded == InstanceState.WAS_SET) {
            return state.related.get(prop);
        }
        setCommittedValue(state, prop, loaded);
        return state.related.get(prop);
    }

    /** A collection's live list, loading it with SQL if needed. */
    @SuppressWarnings("unchecked")
    public List<InstanceState> collection(InstanceState state, RelProp prop) {
        return (List<InstanceState>) get(state, prop, Passive.OFF);
    }

    @SuppressWarnings("unchecked")
    void setCommittedValue(InstanceState state, RelProp prop, Object value) {
        if (prop.uselist()) {
            List<InstanceState> list = new ArrayList<>((List<InstanceState>) value);
            state.related.put(prop, list);
            state.committedRelated.remove(prop);
            InstanceState.PendingCollection pending = state.pendingMutations.remove(prop);
            if (pending != null) {
                state.committedRelated.put(prop, new ArrayList<>(list));
                session.markModified(state);
                for (InstanceState s : pending.added) {
                    list.add(s);
                }
                for (InstanceState s : pending.removed) {
                    list.remove(s);
                }
            }
        } else {
            state.related.put(prop, value);
            state.committedRelated.remove(prop);
        }
    }

    /**
     * {@code get_history}: for a collection compares with the committed list; for a scalar with
     * the committed value. Blank when the attribute is not loaded and may not be loaded.
     */
    /** {@code lazy='dynamic'}: the attribute is a query; it is never loaded, each use runs it. */
    static boolean isDynamic(RelProp prop) {
        return prop.mapping().relationship().effectiveLazy().equals("dynamic");
    }

    /**
     * {@code DynamicAttributeImpl.get_history}: the appends and removes since the last flush;
     * with INIT_OK on a persistent object reconciled against the rows the query returns
     * ({@code CollectionHistory(apply_to=...)}).
     */
    private History dynamicHistory(InstanceState state, RelProp prop, Passive passive) {
        InstanceState.PendingCollection pending = state.pendingMutations.get(prop);
        List<InstanceState> added = pending == null ? List.of() : pending.added;
        List<InstanceState> removed = pending == null ? List.of() : pending.removed;
        if (!passive.callablesOk() || !state.hasIdentity()) {
            return new History(new ArrayList<>(added), List.of(), new ArrayList<>(removed)); // may hold None
        }
        List<InstanceState> unchanged = dynamicQuery(state, prop);
        List<InstanceState> a = new ArrayList<>();
        for (InstanceState s : added) {
            if (!unchanged.contains(s)) {
                a.add(s);
            }
        }
        List<InstanceState> d = new ArrayList<>();
        for (InstanceState s : removed) {
            if (unchanged.contains(s)) {
                d.add(s);
            }
        }
        List<InstanceState> u = new ArrayList<>(unchanged);
        u.removeAll(d);
        return new History(a, u, d);
    }

    /**
     * {@code WriteOnlyAttributeImpl.get_all_pending}: the collection history's {@code all_items}
     * ({@link #dynamicCollection}'s added and rows, then removed). With INIT_OK on a persistent object that history runs
     * the query again, uncached: the flush's per-state actions of a delete in a cycle send it a
     * second time after {@code presort_deletes} did (r5002_0047).
     */
    private List<InstanceState> dynamicAllPending(InstanceState state, RelProp prop, Passive passive) {
        List<InstanceState> out = dynamicCollection(state, prop, passive);
        InstanceState.PendingCollection pending = state.pendingMutations.get(prop);
        if (pending != null) {
            for (InstanceState s : pending.removed) {
                if (!out.contains(s)) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /**
     * What a cascade walks of a dynamic relationship ({@code RelationshipProperty._value_as_iterable}
     * over {@code WriteOnlyAttributeImpl.get_collection}): the history's {@code added_plus_unchanged}.
     * Without INIT_OK (every cascade but a delete without passive_deletes) that is the stored history,
     * whose items are the appends since the last flush; with it, on a persistent object, the appends
     * and then the rows the query returns. Removed items are not left out.
     */
    List<InstanceState> dynamicCollection(InstanceState state, RelProp prop, Passive passive) {
        InstanceState.PendingCollection pending = state.pendingMutations.get(prop);
        List<InstanceState> out = new ArrayList<>(pending == null ? List.of() : pending.added);
        if (passive.callablesOk() && state.hasIdentity()) {
            for (InstanceState s : dynamicQuery(state, prop)) {
                if (!out.contains(s)) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private List<InstanceState> dynamicQuery(InstanceState state, RelProp prop) {
        if (state.session == null && state.hasIdentity()) {
            // DynamicCollectionHistory(apply_to=...) makes AppenderQuery(attr, state).autoflush(False),
            // whose copy (AppenderMixin._generate) needs object_session(state.obj()): None for a
            // detached object, and object_session(None) for a freed one raises (dynamic.py, _generate)
            if (state.freed) {
                throw new OrmException("UnmappedInstanceError", "Class 'builtins.NoneType' is not mapped");
            }
            throw new OrmException("DetachedInstanceError", "Parent instance " + state.repr()
                    + " is not bound to a Session, and no contextual session is established; lazy load operation"
                    + " of attribute '" + prop.key() + "' cannot proceed");
        }
        return session.withoutAutoflush(() -> {
            @SuppressWarnings("unchecked")
            List<InstanceState> rows = (List<InstanceState>) session.loader().load(state, prop, Passive.OFF, false, true);
            return rows;
        });
    }

    @SuppressWarnings("unchecked")
    public History history(InstanceState state, RelProp prop, Passive passive, boolean againstCommitted) {
        if (isDynamic(prop)) {
            return dynamicHistory(state, prop, passive);
        }
        // ScalarObjectAttributeImpl.get_history reads the value without INIT_OK: an attribute never
        // set and never loadable (a pending object's many-to-one) has a blank history, not [None]
        Object current = state.related.containsKey(prop) ? state.related.get(prop)
                : get(state, prop, passive, againstCommitted, true, prop.uselist());
        if (current == InstanceState.NO_RESULT) {
            InstanceState.PendingCollection pending = state.pendingMutations.get(prop);
            if (passive == Passive.NO_INITIALIZE_PENDING && pending != null) {
                return new History(List.copyOf(pending.added), List.of(), List.copyOf(pending.removed));
            }
            return History.BLANK;
        }
        if (prop.uselist()) {
            if (current == InstanceState.NO_VALUE) {
                return History.BLANK;
            }
            Object original = state.committedRelated.get(prop);
            if (original == InstanceState.NO_VALUE) {
                return new History(List.copyOf((List<InstanceState>) current), List.of(), List.of());
            }
            return History.fromCollection((List<InstanceState>) original, (List<InstanceState>) current);
        }
        return scalarHistory(state, prop, current, passive);
    }

    private History scalarHistory(InstanceState state, RelProp prop, Object current, Passive passive) {
        if (!state.committedRelated.containsKey(prop)) {
            if (current == InstanceState.NO_VALUE) {
                return History.BLANK;
            }
            return new History(List.of(), nullableList(current), List.of());
        }
        Object original = state.committedRelated.get(prop);
        if (deferredHistory(prop) && original == InstanceState.NO_RESULT && state.hasIdentity()) {
            // _deferred_history: the value replaced without loading it is loaded now, against the
            // committed key, without autoflush and without lazy='raise' (DEFERRED_HISTORY_LOAD).
            // It goes into this history only: committed_state keeps PASSIVE_NO_RESULT, so
            // get_all_pending (the flush's per-state actions in a cycle) does not see it
            Object loaded = session.withoutAutoflush(() -> session.loader().loadDeferredHistory(state, prop));
            if (loaded != InstanceState.NO_RESULT) {
                original = loaded;
            }
        }
        if (current == original && current != InstanceState.NO_VALUE) {
            return new History(List.of(), nullableList(current), List.of());
        }
        List<InstanceState> deleted;
        if (original == InstanceState.NO_RESULT || original == InstanceState.NO_VALUE || original == null) {
            deleted = List.of();
            if (current == InstanceState.NO_RESULT || current == InstanceState.NO_VALUE) {
                current = null;
            }
        } else {
            deleted = List.of((InstanceState) original);
        }
        if (current == InstanceState.NO_VALUE) {
            return new History(List.of(), List.of(), deleted);
        }
        return new History(nullableList(current), List.of(), deleted);
    }

    private static List<InstanceState> nullableList(Object value) {
        return Collections.singletonList((InstanceState) value);
    }

    /** {@code get_all_pending}: current members plus those removed since the last commit. */
    @SuppressWarnings("unchecked")
    public List<InstanceState> allPending(InstanceState state, RelProp prop, Passive passive) {
        if (isDynamic(prop)) {
            return dynamicAllPending(state, prop, passive);
        }
        if (prop.uselist()) {
            if (!state.related.containsKey(prop)) {
                return List.of();
            }
            List<InstanceState> current = (List<InstanceState>) state.related.get(prop);
            List<InstanceState> out = new ArrayList<>(current);
            Object original = state.committedRelated.get(prop);
            if (original instanceof List<?> orig) {
                for (Object o : orig) {
                    if (!current.contains(o)) {
                        out.add((InstanceState) o);
                    }
                }
            }
            return out;
        }
        Object current;
        if (state.related.containsKey(prop)) {
            current = state.related.get(prop);
        } else if (passive.callablesOk()) {
            current = get(state, prop, passive);
        } else {
            return List.of();
        }
        List<InstanceState> out = new ArrayList<>();
        out.add(current instanceof InstanceState s ? s : null);
        Object original = state.committedRelated.get(prop);
        if (original instanceof InstanceState o && o != current) {
            out.add(o);
        }
        return out;
    }

    // ---- relationships: changing

    /** {@code _deferred_history}: a scalar that is not a many-to-one by primary key. */
    private static boolean deferredHistory(RelProp prop) {
        return prop.direction() != Direction.MANY_TO_ONE || !prop.useGet();
    }

    /** {@code collection.append(child)} on a loaded or unloaded collection. */
    public void append(InstanceState state, RelProp prop, InstanceState child, boolean fromBackref, Passive passive) {
        if (isDynamic(prop)) {
            // DynamicAttributeImpl: no collection to load; the change goes into its collection history.
            // Its append event carries the save-update cascade too (track_cascade_events, before the backref)
            if (!fromBackref) {
                session.saveSide().attributeEvent(state, prop, child);
            }
            fireAppendEvent(state, prop, child, fromBackref);
            state.pendingMutations.computeIfAbsent(prop, p -> new InstanceState.PendingCollection()).append(child);
            return;
        }
        Object coll = get(state, prop, passive);
        if (!fromBackref) {
            session.saveSide().attributeEvent(state, prop, child);
        }
        if (coll == InstanceState.NO_RESULT) {
            fireAppendEvent(state, prop, child, fromBackref);
            state.pendingMutations.computeIfAbsent(prop, p -> new InstanceState.PendingCollection()).append(child);
        } else {
            fireAppendEvent(state, prop, child, fromBackref);
            @SuppressWarnings("unchecked")
            List<InstanceState> list = (List<InstanceState>) state.related.get(prop);
            list.add(child);
        }
    }

    /**
     * {@code collection.remove(child)}; with {@code pop} a missing item is ignored, otherwise
     * it raises ValueError as Python's list does.
     */
    public void remove(InstanceState state, RelProp prop, InstanceState child, boolean fromBackref, Passive passive,
                       boolean pop) {
        if (isDynamic(prop)) {
            fireRemoveEvent(state, prop, child, fromBackref);
            state.pendingMutations.computeIfAbsent(prop, p -> new InstanceState.PendingCollection()).remove(child);
            return;
        }
        Object coll = get(state, prop, passive);
        if (coll == InstanceState.NO_RESULT) {
            fireRemoveEvent(state, prop, child, fromBackref);
            state.pendingMutations.computeIfAbsent(prop, p -> new InstanceState.PendingCollection()).remove(child);
            return;
        }
        fireRemoveEvent(state, prop, child, fromBackref);
        @SuppressWarnings("unchecked")
        List<InstanceState> list = (List<InstanceState>) state.related.get(prop);
        if (!list.remove(child) && !pop) {
            throw new OrmException("ValueError", "list.remove(x): x not in list");
        }
    }

    /**
     * {@code collections.bulk_replace}: a collection set to a new list; members no longer there
     * are removed, new ones appended (with their events), and the list takes the new order.
     */
    @SuppressWarnings("unchecked")
    public void replaceCollection(InstanceState state, RelProp prop, List<InstanceState> values) {
        Object coll = get(state, prop, Passive.OFF);
        List<InstanceState> old = coll instanceof List<?> l ? new ArrayList<>((List<InstanceState>) l) : List.of();
        for (InstanceState v : values) {
            if (!old.contains(v)) {
                append(state, prop, v, false, Passive.OFF);
            }
        }
        for (InstanceState o : old) {
            if (!values.contains(o)) {
                remove(state, prop, o, false, Passive.OFF, true);
            }
        }
        Object now = state.related.get(prop);
        if (now instanceof List<?> l) {
            List<InstanceState> list = (List<InstanceState>) l;
            list.clear();
            list.addAll(values);
        }
    }

    /** Sets a scalar relationship ({@code ScalarObjectAttributeImpl.set}). */
    public void set(InstanceState state, RelProp prop, InstanceState value, boolean fromBackref, Passive passive,
                    InstanceState checkOld, boolean pop) {
        Object old;
        // active_history: anything but a plain many-to-one, or single_parent's validator
        // LazyLoader.init_class_attribute: no relationship has active history unless asked for;
        // anything but a plain many-to-one has "deferred history", loaded by the flush (history());
        // single_parent's validator needs the old value now
        boolean activeHistory = prop.mapping().relationship().isSingleParent();
        if (state.related.containsKey(prop)) {
            old = state.related.get(prop);
        } else if (activeHistory) {
            // PASSIVE_ONLY_PERSISTENT | NO_AUTOFLUSH | LOAD_AGAINST_COMMITTED, whatever the caller's flag
            old = session.withoutAutoflush(() -> get(state, prop, Passive.OFF, true));
        } else if (Loader.attrEmpty(state, prop)) {
            // get(PASSIVE_NO_FETCH ^ INIT_OK): nothing to load and no default, NO_VALUE (so the
            // history says the value was set, even to None)
            old = InstanceState.NO_RESULT;
        } else {
            old = get(state, prop, Passive.NO_FETCH, true, true);
            if (old == InstanceState.NO_VALUE) {
                old = InstanceState.NO_RESULT;
            }
        }
        if (checkOld != null && old != InstanceState.NO_RESULT && old != checkOld) {
            if (pop) {
                return;
            }
            throw new OrmException("ValueError", "Object " + checkOld.repr() + " not associated with "
                    + state.repr() + " on attribute '" + prop.key() + "'");
        }
        if (!fromBackref && old != value) {
            session.saveSide().attributeEvent(state, prop, value);
        }
        fireReplaceEvent(state, prop, value, old, fromBackref);
        state.related.put(prop, value);
    }

    private void fireAppendEvent(InstanceState state, RelProp prop, InstanceState child, boolean fromBackref) {
        if (!fromBackref && prop.backPopulatesProp() != null && child != null) {
            backrefAppend(state, prop.backPopulatesProp(), child);
        }
        modifiedEvent(state, prop, InstanceState.NO_VALUE);
        if (child != null) {
            child.setHasParent(prop, state, true);
        }
    }

    private void fireRemoveEvent(InstanceState state, RelProp prop, InstanceState child, boolean fromBackref) {
        if (child != null) {
            child.setHasParent(prop, state, false);
        }
        if (!fromBackref && prop.backPopulatesProp() != null && child != null && !stillListed(state, prop, child)) {
            backrefRemove(state, prop.backPopulatesProp(), child);
        }
        modifiedEvent(state, prop, InstanceState.NO_VALUE);
        session.saveSide().orphanEvent(state, prop, child);
    }

    /**
     * {@code emit_backref_from_collection_remove_event}'s {@code check_for_dupes_on_remove}: a
     * list may hold an object twice (a backref append does not look), and removing one of them
     * leaves the other, so the many-to-one on the other side keeps its value.
     */
    private static boolean stillListed(InstanceState state, RelProp prop, InstanceState child) {
        if (!prop.uselist() || isDynamic(prop) || prop.backPopulatesProp().uselist() || isDynamic(prop.backPopulatesProp())
                || !(state.related.get(prop) instanceof List<?> list)) {
            return false;
        }
        return list.stream().filter(o -> o == child).count() > 1;
    }

    private void fireReplaceEvent(InstanceState state, RelProp prop, InstanceState value, Object previous,
                                  boolean fromBackref) {
        if (previous != value && previous instanceof InstanceState p) {
            p.setHasParent(prop, state, false);
        }
        if (!fromBackref && prop.backPopulatesProp() != null && previous != value) {
            RelProp reverse = prop.backPopulatesProp();
            if (previous instanceof InstanceState oldChild) {
                if (reverse.uselist()) {
                    remove(oldChild, reverse, state, true, Passive.NO_FETCH, true);
                } else {
                    set(oldChild, reverse, null, true, Passive.NO_FETCH, state, true);
                }
            }
            if (value != null) {
                backrefAppend(state, reverse, value);
            }
        } else if (fromBackref && value != null && previous != value && previous instanceof InstanceState oldChild
                && prop.backPopulatesProp() != null && prop.backPopulatesProp().uselist()) {
            // emit_backref_from_scalar_set_event: set by the other side's append, the old value still
            // loses this object from its collection (only the collection's own remove token, or a
            // scalar's replace token, stops that); the new value's append is the initiator itself
            remove(oldChild, prop.backPopulatesProp(), state, true, Passive.NO_FETCH, true);
        }
        modifiedEvent(state, prop, previous);
        if (value != null) {
            value.setHasParent(prop, state, true);
        }
        if (previous != value && previous instanceof InstanceState p) {
            session.saveSide().orphanEvent(state, prop, p);
        }
    }

    private void backrefAppend(InstanceState state, RelProp reverse, InstanceState child) {
        if (reverse.uselist()) {
            append(child, reverse, state, true, Passive.NO_FETCH);
        } else {
            set(child, reverse, state, true, Passive.NO_FETCH, null, false);
        }
    }

    private void backrefRemove(InstanceState state, RelProp reverse, InstanceState child) {
        if (reverse.uselist()) {
            remove(child, reverse, state, true, Passive.NO_FETCH, true);
        } else {
            set(child, reverse, null, true, Passive.NO_FETCH, state, true);
        }
    }

    /** {@code InstanceState._modified_event}: remember the committed value once, mark modified. */
    @SuppressWarnings("unchecked")
    private void modifiedEvent(InstanceState state, RelProp prop, Object previous) {
        if (!state.committedRelated.containsKey(prop)) {
            Object committed;
            if (prop.uselist()) {
                committed = state.related.containsKey(prop)
                        ? new ArrayList<>((List<InstanceState>) state.related.get(prop)) : InstanceState.NO_VALUE;
            } else {
                committed = previous;
            }
            state.committedRelated.put(prop, committed);
        }
        session.markModified(state);
    }

    /** Python's equality for column values: numbers by value. */
    static final class Values {
        private Values() {
        }

        static boolean pythonEquals(Object a, Object b) {
            if (a instanceof Number x && b instanceof Number y) {
                return x.doubleValue() == y.doubleValue();
            }
            return Objects.equals(a, b);
        }
    }
}
