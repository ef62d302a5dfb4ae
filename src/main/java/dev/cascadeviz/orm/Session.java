package dev.cascadeviz.orm;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.orm.sql.LabelStyle;
import dev.cascadeviz.orm.sql.SqlCompiler;
import dev.cascadeviz.orm.uow.UnitOfWork;
import dev.cascadeviz.trace.Cause;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SQLAlchemy's {@code Session} with its defaults (autoflush, expire_on_commit), as far as the
 * scenario steps reach: the identity map, get, delete with its cascade, expunge, flush through
 * a {@link UnitOfWork}, commit, rollback and close.
 */
public final class Session {

    private record IdentityKey(Mapper mapper, List<Object> key) {
    }

    private final Registry registry;
    private final Executor executor;
    private final Attributes attributes = new Attributes(this);
    private final Loader loader = new Loader(this);
    private final EagerLoads eagerLoads = new EagerLoads(this);
    private final Map<IdentityKey, InstanceState> identityMap = new LinkedHashMap<>();
    /** {@code session._deleted}: marked for deletion, not yet flushed. */
    private final Map<InstanceState, Boolean> deleted = new LinkedHashMap<>();
    /** {@code transaction._deleted}: flushed as deleted in the current transaction. */
    private final Set<InstanceState> transactionDeleted = new LinkedHashSet<>();
    private final List<String> warnings = new ArrayList<>();
    private boolean flushing;
    private int noAutoflush;

    public Session(Registry registry, Executor executor) {
        this.registry = registry;
        this.executor = executor;
    }

    public Registry registry() {
        return registry;
    }

    public Attributes attributes() {
        return attributes;
    }

    Loader loader() {
        return loader;
    }

    public Executor executor() {
        return executor;
    }

    public List<String> warnings() {
        return warnings;
    }

    public void warn(String message) {
        warnings.add(message);
    }

    /** What the session is doing now and why, innermost last. */
    private final java.util.Deque<Cause> actions = new java.util.ArrayDeque<>();
    /** Why each object marked for deletion is deleted. */
    private final Map<InstanceState, Cause> deleteCauses = new java.util.HashMap<>();
    /** Why each object's foreign key was written during the current flush. */
    private final Map<InstanceState, Cause> updateCauses = new java.util.HashMap<>();
    private boolean autoflushing;

    /** Why the statement being emitted now is emitted: the innermost action's reason, or null. */
    public Cause causeOfCurrentAction() {
        Cause c = actions.peek();
        return c == null || !autoflushing ? c : Why.autoflushRemark(c);
    }

    /** Runs an action with its reason, which the statements it emits inherit. */
    public <T> T because(Cause cause, java.util.function.Supplier<T> action) {
        if (cause == null) {
            return action.get();
        }
        actions.push(cause);
        try {
            return action.get();
        } finally {
            actions.pop();
        }
    }

    public void because(Cause cause, Runnable action) {
        because(cause, () -> {
            action.run();
            return null;
        });
    }

    /** Remembers why an object is deleted; the first reason given wins unless {@code replace}. */
    public void explainDelete(InstanceState state, Cause cause, boolean replace) {
        if (replace) {
            deleteCauses.put(state, cause);
        } else {
            deleteCauses.putIfAbsent(state, cause);
        }
    }

    /** Why an object is deleted, with the autoflush remark when an autoflush deletes it. */
    public Cause deleteCause(InstanceState state) {
        Cause c = deleteCauses.get(state);
        return c == null || !autoflushing ? c : Why.autoflushRemark(c);
    }

    /** Remembers that the current action wrote one of this object's columns (the first writer explains it). */
    public void explainWrite(InstanceState state) {
        Cause c = actions.peek();
        if (c != null) {
            updateCauses.putIfAbsent(state, c);
        }
    }

    /** Why an object's row is updated in this flush, when an action wrote to it. */
    public Cause updateCause(InstanceState state) {
        Cause c = updateCauses.get(state);
        return c == null || !autoflushing ? c : Why.autoflushRemark(c);
    }

    // ---- identity map and loading

    public boolean containsState(InstanceState state) {
        return state.session == this && state.key != null
                && identityMap.get(new IdentityKey(state.mapper, state.key)) == state;
    }

    /** {@code loading.get_from_identity}: the object in the identity map, refreshed if expired. */
    Object identityLookup(Mapper mapper, List<Object> key, Passive passive) {
        InstanceState state = identityMap.get(new IdentityKey(mapper, key));
        if (state == null) {
            return null;
        }
        if (state.expired) {
            if (!passive.sqlOk()) {
                return InstanceState.NO_RESULT;
            }
            if (!passive.relatedObjectOk()) {
                return state;
            }
            if (!refreshOrForget(state)) {
                return null;
            }
        }
        return state;
    }

    /** {@code session.get(cls, pk)}. */
    public InstanceState get(Mapper mapper, List<Object> key) {
        Object found = identityLookup(mapper, key, Passive.OFF);
        if (found instanceof InstanceState s) {
            return s;
        }
        return loadByPrimaryKey(mapper, key, Why.get(mapper, key));
    }

    /** The SELECT of {@code session.get} (also a many-to-one's load): autoflush, then query. */
    InstanceState loadByPrimaryKey(Mapper mapper, List<Object> key, Cause cause) {
        return loadByPrimaryKey(mapper, key, cause, LoadPath.ROOT, true, null);
    }

    /**
     * {@code load_on_pk_identity} on a load path: a lazy many-to-one's get runs on
     * {@code [parent, relationship]}, does not apply eager loads to objects already present
     * ({@code invokeAllEagers} false), and joins an immediate load's post loads ({@code ctx}).
     */
    InstanceState loadByPrimaryKey(Mapper mapper, List<Object> key, Cause cause, LoadPath path, boolean invokeAllEagers,
                                   Object ctx) {
        // a lazy load's get asks for table-plus-column labels (none at all in 2.1); session.get does not
        LabelStyle style = invokeAllEagers ? mapper.selectStyle() : LabelStyle.ofLoads(mapper.selectStyle());
        List<InstanceState> rows = queryInstances(mapper, null, mapper.primaryKeyWhere(), key, "", style, cause, path,
                invokeAllEagers, ctx);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * Runs a SELECT of a mapper's rows (after autoflush), with its eager loads, and maps the rows
     * to instances.
     */
    List<InstanceState> queryInstances(Mapper mapper, dev.cascadeviz.model.Table secondary, String where,
                                       List<Object> params, String orderBy, Cause cause, LoadPath path,
                                       boolean invokeAllEagers, Object ctx) {
        return queryInstances(mapper, secondary, where, params, orderBy, mapper.selectStyle(), cause, path,
                invokeAllEagers, ctx);
    }

    /** The same, its columns labelled in the given style (lazy loads and dynamic queries have their own). */
    List<InstanceState> queryInstances(Mapper mapper, dev.cascadeviz.model.Table secondary, String where,
                                       List<Object> params, String orderBy, dev.cascadeviz.orm.sql.LabelStyle style,
                                       Cause cause, LoadPath path, boolean invokeAllEagers, Object ctx) {
        autoflush();
        RelProp lazyFrom = !invokeAllEagers && !path.entries().isEmpty()
                && path.entries().get(path.entries().size() - 1) instanceof RelProp p ? p : null;
        EagerLoads.Query q = new EagerLoads.Query(mapper, secondary, where, params, orderBy, style, cause, lazyFrom);
        return ctx == null ? eagerLoads.load(q, path, invokeAllEagers) : eagerLoads.loadNested(q, path, ctx);
    }

    /** Every object created from a row, in order: lets a load see which objects it created. */
    private final List<InstanceState> created = new ArrayList<>();

    int createdCount() {
        return created.size();
    }

    /**
     * The identity map holds objects weakly: an object a load created that nothing refers to
     * (the extra rows of a {@code uselist=False} lazy load) is gone again once the load returns,
     * as CPython frees it at once. Objects with changes are held by the session and stay.
     */
    void releaseUnreferenced(int since, java.util.Collection<InstanceState> kept) {
        for (InstanceState s : created.subList(since, created.size())) {
            if (!kept.contains(s) && !s.modified && s.key != null) {
                identityMap.remove(new IdentityKey(s.mapper, s.key), s);
                s.session = null;
            }
        }
    }

    /** The object of this identity in the identity map, or null. */
    InstanceState identityState(Mapper mapper, List<Object> key) {
        return identityMap.get(new IdentityKey(mapper, key));
    }

    /** A persistent object for a row just loaded, in the identity map. */
    InstanceState newPersistent(Mapper mapper, List<Object> key) {
        InstanceState state = new InstanceState(mapper, key);
        created.add(state);
        state.session = this;
        identityMap.put(new IdentityKey(mapper, key), state);
        return state;
    }

    private static List<ColumnType> types(Mapper mapper) {
        List<ColumnType> types = new ArrayList<>();
        for (Column c : mapper.columns()) {
            types.add(c.type());
        }
        return types;
    }

    /** {@code loading._instance}: an existing identity keeps its state (refilled if expired). */
    InstanceState instanceFromRow(Mapper mapper, List<Object> row) {
        List<Object> key = new ArrayList<>();
        List<Column> cols = mapper.columns();
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).primaryKey()) {
                key.add(row.get(i));
            }
        }
        IdentityKey ik = new IdentityKey(mapper, key);
        InstanceState state = identityMap.get(ik);
        if (state == null) {
            state = newPersistent(mapper, key);
            fill(state, row);
        } else if (state.expired) {
            fill(state, row);
        }
        return state;
    }

    static void fill(InstanceState state, List<Object> row) {
        List<Column> cols = state.mapper.columns();
        for (int i = 0; i < cols.size(); i++) {
            state.dict.putIfAbsent(cols.get(i).name(), row.get(i));
        }
        state.expired = false;
    }

    /** {@code state._load_expired}: SELECT the row again; ObjectDeletedError when it is gone. */
    void refresh(InstanceState state) {
        if (!refreshOrForget(state)) {
            throw new OrmException("ObjectDeletedError", "Instance '" + state.repr()
                    + "' has been deleted, or its row is otherwise not present.");
        }
    }

    private boolean refreshOrForget(InstanceState state) {
        autoflush();
        List<InstanceState> rows = eagerLoads.load(new EagerLoads.Query(state.mapper, null,
                state.mapper.primaryKeyWhere(), state.key, "", state.mapper.selectStyle(), Why.refresh(state), null),
                LoadPath.ROOT, true, state);
        if (rows.isEmpty()) {
            removeNewlyDeleted(List.of(state));
            return false;
        }
        return true;
    }

    /** Persistent states in primary-key order ({@code persistence._sort_states}). */
    public List<InstanceState> sortStates(Collection<InstanceState> states) {
        List<InstanceState> sorted = new ArrayList<>(states);
        sorted.sort(Comparator.comparing(InstanceState::key, Session::compareKeys));
        return sorted;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKeys(List<Object> a, List<Object> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            int c;
            if (x instanceof Number nx && y instanceof Number ny) {
                c = Double.compare(nx.doubleValue(), ny.doubleValue());
            } else if (x instanceof Comparable cx && y != null && x.getClass() == y.getClass()) {
                c = cx.compareTo(y);
            } else {
                throw new OrmException("InvalidRequestError", "Could not sort objects by primary key; primary key "
                        + "values must be sortable in Python (was: '<' not supported between instances)");
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    // ---- delete, expunge, cascades

    /** {@code session.delete(obj)}: mark it and everything its delete cascades reach. */
    public void delete(InstanceState state) {
        if (state.key == null) {
            throw new OrmException("InvalidRequestError", "Instance '" + state.repr() + "' is not persisted");
        }
        if (state.deleted) {
            throw new OrmException("InvalidRequestError", "Instance '" + state.repr() + "' has been deleted.  "
                    + "Use the make_transient() function to send this object back to the transient state.");
        }
        attach(state);
        if (deleted.containsKey(state)) {
            return;
        }
        List<InstanceState> cascaded = cascadeIterator("delete", state);
        explainDelete(state, Why.explicitDelete(state), true);
        deleted.put(state, Boolean.TRUE);
        for (InstanceState s : cascaded) {
            if (s.key != null) {
                attach(s);
                if (s.deleted) {
                    // _delete_impl: identity_map.add(state) even for an object an earlier flush
                    // deleted, which a loaded collection still holds: the next flush deletes it again
                    identityMap.putIfAbsent(new IdentityKey(s.mapper, s.key), s);
                }
                deleted.putIfAbsent(s, Boolean.TRUE);
            }
        }
    }

    /** {@code _before_attach} + {@code identity_map.add}: an expunged object comes back into the session. */
    private void attach(InstanceState state) {
        IdentityKey key = new IdentityKey(state.mapper, state.key);
        InstanceState present = identityMap.get(key);
        if (present != null && present != state) {
            throw new OrmException("InvalidRequestError", "Can't attach instance " + state.repr()
                    + "; another instance with key " + identityKeyRepr(state) + " is already present in this session.");
        }
        if (present == null && !state.deleted) {
            identityMap.put(key, state);
        }
        state.session = this;
        state.detached = false;
    }

    private static String identityKeyRepr(InstanceState state) {
        StringBuilder b = new StringBuilder("(<class '__main__." + state.mapper.className() + "'>, (");
        for (Object k : state.key) {
            b.append(k instanceof String str ? "'" + str + "'" : String.valueOf(k)).append(", ");
        }
        if (state.key.size() > 1) {
            b.setLength(b.length() - 2);
        }
        return b.append("), None)").toString();
    }

    /** {@code session.expunge(obj)} and its expunge cascade. */
    public void expunge(InstanceState state) {
        if (state.session != this) {
            throw new OrmException("InvalidRequestError", "Instance " + state.repr() + " is not present in this Session");
        }
        List<InstanceState> all = new ArrayList<>();
        all.add(state);
        all.addAll(cascadeIterator("expunge", state));
        for (InstanceState s : all) {
            if (s.key != null) {
                identityMap.remove(new IdentityKey(s.mapper, s.key), s);
            }
            deleted.remove(s);
            transactionDeleted.remove(s);
            s.session = null;
            s.detached = true;
        }
    }

    /**
     * {@code Mapper.cascade_iterator}: depth-first over the relationships whose cascade includes
     * the type, loading collections for a delete cascade unless passive_deletes is set.
     */
    public List<InstanceState> cascadeIterator(String type, InstanceState state) {
        List<InstanceState> out = new ArrayList<>();
        visit(type, state, new LinkedHashSet<>(), out);
        return out;
    }

    private void visit(String type, InstanceState state, Set<InstanceState> visited, List<InstanceState> out) {
        for (RelProp prop : state.mapper.relationships()) {
            if (!prop.mapping().cascade().contains(dev.cascadeviz.model.CascadeOption.fromKeyword(type))) {
                continue;
            }
            boolean delete = type.equals("delete");
            Passive passive = delete && !prop.isPassiveDeletes() ? Passive.OFF : Passive.NO_INITIALIZE;
            // relationships.cascade_iterator: PASSIVE_OFF | NO_RAISE for a delete, so lazy='raise' does not
            // stop the delete cascade's load (2.x)
            Object value = because(delete ? Why.cascadeLoad(prop) : null,
                    () -> attributes.get(state, prop, passive, false, delete));
            List<InstanceState> queue = new ArrayList<>();
            if (value instanceof List<?> list) {
                for (Object o : list) {
                    queue.add((InstanceState) o);
                }
            } else if (value instanceof InstanceState s) {
                queue.add(s);
            }
            List<InstanceState> fresh = new ArrayList<>();
            for (InstanceState child : queue) {
                if (child != null && visited.add(child)) {
                    fresh.add(child);
                }
            }
            for (InstanceState child : fresh) {
                if (delete) {
                    explainDelete(child, Why.cascadedDelete(prop), false);
                }
                out.add(child);
                visit(type, child, visited, out);
            }
        }
    }

    // ---- flush, commit, rollback

    private void autoflush() {
        if (!flushing && noAutoflush == 0) {
            autoflushing = true;
            try {
                flush();
            } finally {
                autoflushing = false;
            }
        }
    }

    /** Runs an action as under {@code NO_AUTOFLUSH}: loads inside it do not flush first. */
    <T> T withoutAutoflush(java.util.function.Supplier<T> action) {
        noAutoflush++;
        try {
            return action.get();
        } finally {
            noAutoflush--;
        }
    }

    /** {@code identity_map._modified}: states marked modified since they were last clean. */
    private final Set<InstanceState> modifiedStates = new LinkedHashSet<>();

    void markModified(InstanceState state) {
        state.modified = true;
        modifiedStates.add(state);
    }

    private boolean isClean() {
        if (!deleted.isEmpty()) {
            return false;
        }
        modifiedStates.removeIf(s -> !s.modified || !containsState(s));
        return modifiedStates.isEmpty();
    }

    /** {@code session.flush()}. */
    public void flush() {
        if (flushing) {
            throw new OrmException("InvalidRequestError", "Session is already flushing");
        }
        if (isClean()) {
            return;
        }
        flushing = true;
        try {
            flushImpl();
        } finally {
            flushing = false;
            updateCauses.clear();
        }
    }

    private void flushImpl() {
        UnitOfWork uow = new UnitOfWork(this);
        Set<InstanceState> marked = new LinkedHashSet<>(deleted.keySet());
        List<InstanceState> dirty = new ArrayList<>();
        for (InstanceState s : identityMap.values()) {
            if (s.modified && !marked.contains(s)) {
                dirty.add(s);
            }
        }
        Set<InstanceState> processed = new LinkedHashSet<>();
        for (InstanceState s : dirty) {
            boolean orphan = s.mapper.isOrphan(s) && s.hasIdentity();
            uow.registerObject(s, orphan);
            processed.add(s);
        }
        for (InstanceState s : marked) {
            if (!processed.contains(s)) {
                uow.registerObject(s, true);
            }
        }
        if (!uow.hasWork()) {
            return;
        }
        try {
            uow.execute();
            uow.finalizeFlushChanges();
        } catch (RuntimeException e) {
            if (!(e instanceof RunCancelledException)) {
                executor.rollback();
            }
            throw e;
        }
    }

    /** {@code _remove_newly_deleted}: out of the identity map, remembered by the transaction. */
    public void removeNewlyDeleted(List<InstanceState> states) {
        for (InstanceState s : states) {
            transactionDeleted.add(s);
            if (s.key != null) {
                identityMap.remove(new IdentityKey(s.mapper, s.key), s);
            }
            deleted.remove(s);
            deleteCauses.remove(s);
            s.deleted = true;
        }
    }

    /** {@code _register_persistent}: the flushed values are now the committed ones. */
    public void registerPersistent(List<InstanceState> states) {
        for (InstanceState s : states) {
            s.commitAll();
        }
    }

    /** {@code session.commit()}: flush until clean, COMMIT, detach the deleted, expire the rest. */
    public void commit() {
        for (int i = 0; i < 100 && !isClean(); i++) {
            flush();
        }
        executor.commit();
        for (InstanceState s : transactionDeleted) {
            s.session = null;
            s.detached = true;
        }
        transactionDeleted.clear();
        for (InstanceState s : identityMap.values()) {
            s.expire();
        }
    }

    /** {@code session.rollback()}: ROLLBACK, restore deleted objects, expire everything. */
    public void rollback() {
        executor.rollback();
        Set<InstanceState> restore = new LinkedHashSet<>(transactionDeleted);
        restore.addAll(deleted.keySet());
        for (InstanceState s : restore) {
            s.deleted = false;
            if (s.session == this && s.key != null) {
                identityMap.put(new IdentityKey(s.mapper, s.key), s);
            }
        }
        deleted.clear();
        deleteCauses.clear();
        transactionDeleted.clear();
        for (InstanceState s : identityMap.values()) {
            s.expire();
        }
    }

    /** {@code session.close()}: roll back the transaction and let go of every object. */
    public void close() {
        executor.rollback();
        for (InstanceState s : identityMap.values()) {
            s.session = null;
            s.detached = true;
        }
        identityMap.clear();
        deleted.clear();
        deleteCauses.clear();
        transactionDeleted.clear();
    }
}
