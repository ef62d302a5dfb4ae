package dev.cascadeviz.orm;

import dev.cascadeviz.model.CascadeOption;
import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.orm.sql.LabelStyle;
import dev.cascadeviz.orm.sql.SqlCompiler;
import dev.cascadeviz.orm.uow.UnitOfWork;
import dev.cascadeviz.trace.Cause;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The session calls that put objects into a session and take their state back from the
 * database, as {@code orm/session.py} does them: transient objects, {@code add} with its
 * save-update cascade (also when an object is appended or assigned), pending objects in a flush,
 * {@code expire}, {@code expire_all} and {@code refresh} with the refresh-expire cascade, and
 * pending objects becoming transient again on rollback or close.
 */
public final class SaveSide {

    private final Session session;
    private long insertOrder;

    SaveSide(Session session) {
        this.session = session;
    }

    /** {@code Order(note="rush")}: a transient object; each value set records no committed value. */
    public InstanceState newObject(Mapper mapper, Map<String, Object> values) {
        InstanceState state = new InstanceState(mapper, null);
        values.forEach(state::setColumn);
        return state;
    }

    /** {@code session.add(obj)} */
    public void add(InstanceState state) {
        saveOrUpdateState(state, Why.added(state));
    }

    /** {@code _save_or_update_state}: the object, then everything its save-update cascade reaches. */
    private void saveOrUpdateState(InstanceState state, Cause why) {
        saveOrUpdateImpl(state, why);
        for (InstanceState s : session.cascadeIterator("save-update", state, session::containsState)) {
            saveOrUpdateImpl(s, null);
        }
    }

    private void saveOrUpdateImpl(InstanceState state, Cause why) {
        if (state.key == null) {
            if (session.containsState(state)) {
                return;
            }
            state.session = session;
            state.detached = false;
            state.insertOrder = ++insertOrder;
            session.pending.add(state);
            if (why != null) {
                session.explainSave(state, why);
            }
            return;
        }
        if (state.deleted) {
            throw new OrmException("InvalidRequestError", "Instance '" + state.repr() + "' has been deleted.  "
                    + "Use the make_transient() function to send this object back to the transient state.");
        }
        if (!session.containsState(state)) {
            session.attach(state);
        }
    }

    /**
     * {@code unitofwork.track_cascade_events}: appending or assigning an object to an attribute of
     * an object in this session adds it too when the relationship has save-update; not when the
     * change arrives through the other side of back_populates (the 2.0 rule).
     */
    void attributeEvent(InstanceState owner, RelProp prop, InstanceState item) {
        if (item == null || owner.session != session || !prop.cascades(CascadeOption.SAVE_UPDATE)
                || session.containsState(item)) {
            return;
        }
        saveOrUpdateState(item, Why.savedByCascade(prop));
    }

    /**
     * {@code track_cascade_events}' remove and replace: an object taken out of a delete-orphan
     * relationship that is pending and now has no parent leaves the session again (it was never
     * flushed, so there is nothing to delete).
     */
    void orphanEvent(InstanceState owner, RelProp prop, InstanceState item) {
        if (item == null || !prop.cascades(CascadeOption.DELETE_ORPHAN) || !item.mapper.isOrphan(item)) {
            return;
        }
        if (owner.session == session && item.key == null && session.pending.contains(item)) {
            session.expunge(item);
        }
    }

    /**
     * A pending object goes into the flush; one whose key is that of a persistent object
     * gets SQLAlchemy's warning (its INSERT then fails on the key).
     */
    public void registerNew(UnitOfWork uow, InstanceState state) {
        uow.registerObject(state, false);
    }

    /** SQLAlchemy's warning when a new object's key is that of a persistent one not being deleted. */
    public void warnConflict(InstanceState state, InstanceState existing) {
        InstanceState probe = new InstanceState(state.mapper, state.primaryKeyValues());
        session.warn("New instance " + state.repr() + " with identity key " + Session.identityKeyRepr(probe)
                + " conflicts with persistent instance " + existing.repr());
    }

    /** Rollback and close: pending objects, and those inserted in the transaction, become transient. */
    void rollbackNew() {
        for (InstanceState s : new ArrayList<>(session.transactionNew)) {
            session.identityRemove(s);
            s.key = null;
            s.session = null;
        }
        forgetPending();
    }

    /** The pending objects leave the session (transient again); nothing is new in the transaction any more. */
    void forgetPending() {
        for (InstanceState s : session.pending) {
            s.session = null;
        }
        session.transactionNew.clear();
        session.pending.clear();
    }

    private void requirePersistent(InstanceState state) {
        if (state.key == null || state.session != session || !session.containsState(state)) {
            throw new OrmException("InvalidRequestError", "Instance '" + state.repr()
                    + "' is not persistent within this Session");
        }
    }

    /** {@code session.expire(obj)}: it and what its refresh-expire cascade reaches forget their loaded state. */
    public void expire(InstanceState state) {
        requirePersistent(state);
        expireWithCascade(state, "session.expire(" + Why.name(state) + ")");
    }

    /**
     * Expires the object and what its refresh-expire cascade reaches, each remembering why (the
     * call, or the relationship the cascade went along) for the SELECT that loads it again.
     * Returns the relationships the cascade went along to an object it expired.
     */
    private List<String> expireWithCascade(InstanceState state, String call) {
        Map<InstanceState, RelProp> along = session.cascadeAlong("refresh-expire", state);
        List<InstanceState> all = new ArrayList<>();
        all.add(state);
        all.addAll(along.keySet());
        Set<String> travelled = new LinkedHashSet<>();
        for (InstanceState s : all) {
            if (s.key != null) {
                s.expire();
                RelProp prop = along.get(s);
                s.expiredBy = prop == null ? Why.expiredByStep(s, call) : Why.expiredAlong(prop, s, call);
                if (prop != null) {
                    travelled.add(prop.toString());
                }
            } else if (session.pending.remove(s)) {
                s.session = null;
            }
        }
        session.forgetUnreferenced();
        return List.copyOf(travelled);
    }

    /** {@code session.expire_all()} */
    public void expireAll() {
        for (InstanceState s : session.identityStates()) {
            s.expire();
            s.expiredBy = Why.expiredByStep(s, "session.expire_all()");
        }
        session.forgetUnreferenced();
    }

    /**
     * {@code session.refresh(obj)}: expire it (with its refresh-expire cascade), then SELECT every
     * column by key; that SELECT carries no column labels, in 2.0 as in 2.1.
     */
    public void refresh(InstanceState state) {
        requirePersistent(state);
        List<String> travelled = expireWithCascade(state, "session.refresh(" + Why.name(state) + ")");
        session.autoflushNow();
        if (session.loadOnIdent(state, LabelStyle.DISAMBIGUATE_ONLY, Why.refreshStep(state, travelled)).isEmpty()) {
            throw new OrmException("InvalidRequestError", "Could not refresh instance '" + state.repr() + "'");
        }
    }

    /** {@code session.merge(obj)}: autoflush, then {@code _merge} with its merge cascade. */
    public InstanceState merge(InstanceState state) {
        session.autoflushNow();
        return session.withAutoflushOff(() -> merge(state, new HashMap<>(), new HashSet<>(), null));
    }

    /** {@code _merge}; {@code along} the relationship the merge cascade reached the object by (null for the one given). */
    private InstanceState merge(InstanceState state, Map<InstanceState, InstanceState> recursive,
                                Set<List<Object>> visitedProps, RelProp along) {
        if (recursive.containsKey(state)) {
            return recursive.get(state);
        }
        Mapper mapper = state.mapper;
        List<Object> key = state.key;
        boolean keyIsPersistent = true;
        if (key == null) {
            if (session.pending.contains(state)) {
                session.warn("Instance " + state.repr() + " is already pending in this Session yet is being merged "
                        + "again; this is probably not what you want to do");
            }
            key = state.primaryKeyValues();
            keyIsPersistent = !key.contains(null);
        }
        InstanceState merged = keyIsPersistent ? session.identityGet(mapper, key) : null;
        if (merged != null && merged.expired) {
            merged = session.get(mapper, key);
        } else if (merged == null && keyIsPersistent) {
            merged = along == null ? session.get(mapper, key) : session.get(mapper, key, Why.mergeGet(along, mapper, key));
        }
        if (merged == null) {
            merged = new InstanceState(mapper, null);
            saveOrUpdateState(merged, along == null ? Why.merged(merged) : Why.mergedAlong(along, merged));
        }
        recursive.put(state, merged);
        if (state == merged) {
            return merged;
        }
        copyInto(state, merged, recursive, visitedProps);
        return merged;
    }

    private void copyInto(InstanceState state, InstanceState merged, Map<InstanceState, InstanceState> recursive,
                          Set<List<Object>> visitedProps) {
        Mapper mapper = state.mapper;
        for (Column c : mapper.columns()) {
            if (state.dict.containsKey(c.name())) {
                Object v = state.dict.get(c.name());
                if (!merged.dict.containsKey(c.name()) || !Objects.equals(merged.dict.get(c.name()), v)
                        || merged.key == null) {
                    session.attributes().setColumnValue(merged, c.name(), v);
                }
            }
        }
        for (RelProp prop : mapper.relationships()) {
            if (prop.viewonly()) {
                continue;
            }
            RelProp reverse = prop.backPopulatesProp();
            if (reverse != null && visitedProps.contains(List.of(state, reverse))) {
                continue;
            }
            if (!prop.cascades(CascadeOption.MERGE) || !state.related.containsKey(prop)) {
                continue;
            }
            Object value = state.related.get(prop);
            if (prop.uselist()) {
                session.because(Why.mergeLoad(prop, merged),
                        () -> session.attributes().get(merged, prop, Passive.OFF));
                List<InstanceState> dest = new ArrayList<>();
                @SuppressWarnings("unchecked")
                List<InstanceState> items = new ArrayList<>((List<InstanceState>) value);
                for (InstanceState item : items) {
                    visitedProps.add(List.of(item, prop));
                    InstanceState m = merge(item, recursive, visitedProps, prop);
                    if (m != null) {
                        dest.add(m);
                    }
                }
                session.attributes().replaceCollection(merged, prop, dest);
            } else {
                InstanceState current = (InstanceState) value;
                InstanceState m = null;
                if (current != null) {
                    visitedProps.add(List.of(current, prop));
                    m = merge(current, recursive, visitedProps, prop);
                }
                InstanceState target = m;
                session.attributes().set(merged, prop, target, false, Passive.OFF, null, false);
            }
        }
    }
}
