package dev.cascadeviz.orm;

import dev.cascadeviz.model.CascadeOption;
import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.orm.sql.LabelStyle;
import dev.cascadeviz.orm.sql.SqlCompiler;
import dev.cascadeviz.orm.uow.UnitOfWork;
import dev.cascadeviz.trace.Cause;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * SQLAlchemy's {@code Session} with its defaults (autoflush, expire_on_commit), as far as the
 * scenario steps reach: the identity map, get, delete with its cascade, expunge, flush through
 * a {@link UnitOfWork}, commit, rollback and close.
 */
public final class Session {

    private record IdentityKey(Mapper mapper, List<Object> key) {
        // written out: a record's generated equals and hashCode go through method handles, which the
        // command line's C1-only JVM runs several times slower on every identity-map lookup
        @Override
        public boolean equals(Object o) {
            return o instanceof IdentityKey k && mapper == k.mapper && key.equals(k.key);
        }

        @Override
        public int hashCode() {
            return 31 * mapper.hashCode() + key.hashCode();
        }
    }

    private final Registry registry;
    private int flushes;
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
    /** Queries that do not autoflush themselves (NO_AUTOFLUSH, {@code AppenderQuery.autoflush(False)}). */
    private int noAutoflush;
    /** {@code session.autoflush = False} (merge): no query autoflushes. */
    private int autoflushOff;
    /** {@code session._new}: pending objects in the order they were added ({@code insert_order}). */
    final Set<InstanceState> pending = new LinkedHashSet<>();
    /** {@code transaction._new}: objects inserted in the current transaction. */
    final Set<InstanceState> transactionNew = new LinkedHashSet<>();
    private final SaveSide saveSide = new SaveSide(this);
    /**
     * What the steps hold, as variables in user code hold them (scenario-format.md): the objects
     * a step obtains and the collections it loads. The identity map is weak in SQLAlchemy: an
     * object nothing else references is freed by CPython at once and forgotten by the session.
     */
    private final List<Object> held = new ArrayList<>();
    /**
     * What waits on a reference cycle for CPython's cyclic collector, which runs at no fixed time
     * (kept for the rest of the run, as objects on cycles are): in 2.1 a Result iterated row by
     * row memoizes its row iterator, a closure over the Result itself (the Cython
     * {@code _iterator_getter}; 2.0's takes the Result as an argument), so the Result, its
     * QueryContext and that context's {@code top_level_context} stay, and their attributes hold
     * each subquery eager load's collections ({@code _SubqCollections._data}): per relationship,
     * the objects that load found by parent key. Identity set: a top-level query's collections
     * are reached by each of its nested queries.
     */
    private final Set<Map<RelProp, Map<List<Object>, List<InstanceState>>>> onCycles =
            Collections.newSetFromMap(new IdentityHashMap<>());
    /** Loads and cascade walks under way ({@link #working}). */
    private int working;

    public Session(Registry registry, Executor executor) {
        this.registry = registry;
        this.executor = executor;
    }

    /** How many flushes this session has begun (the current one included). */
    public int flushes() {
        return flushes;
    }

    /** The orders of this run's address-ordered Python sets ({@code _prop_set}, the flush's sets). */
    public PropSetOrder propSetOrder() {
        return registry.propSetOrder();
    }

    public Registry registry() {
        return registry;
    }

    public Attributes attributes() {
        return attributes;
    }

    /** The session calls of the save side: add, expire, refresh, transient objects. */
    public SaveSide saveSide() {
        return saveSide;
    }

    void identityPut(InstanceState state) {
        identityMap.put(new IdentityKey(state.mapper, state.key), state);
    }

    void identityRemove(InstanceState state) {
        if (state.key != null) {
            identityMap.remove(new IdentityKey(state.mapper, state.key), state);
        }
    }

    /** The object of the identity map with this key, or null. */
    public InstanceState identityGet(Mapper mapper, List<Object> key) {
        return identityMap.get(new IdentityKey(mapper, key));
    }

    public Collection<InstanceState> identityStates() {
        return identityMap.values();
    }

    void autoflushNow() {
        autoflush();
    }

    boolean loadExpired(InstanceState state) {
        return refreshOrForget(state);
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
        warnings.add(autoflushing ? message + AUTOFLUSH_WARNING : message);
    }

    /** What SQLAlchemy adds to a warning raised inside an autoflush. */
    private static final String AUTOFLUSH_WARNING = " (This warning originated from the Session 'autoflush' process, "
            + "which was invoked automatically in response to a user-initiated operation. Consider using "
            + "``no_autoflush`` context manager if this warning happened while initializing objects.)";

    /** What the session is doing now and why, innermost last. */
    private final Deque<Cause> actions = new ArrayDeque<>();
    /** Why each object marked for deletion is deleted. */
    private final List<InstanceState> deleteCauses = new ArrayList<>();
    /** Why each object's foreign key was written during the current flush. */
    private final Map<InstanceState, Cause> updateCauses = new HashMap<>();
    private boolean autoflushing;

    /** Why the statement being emitted now is emitted: the innermost action's reason, or null. */
    public Cause causeOfCurrentAction() {
        Cause c = actions.peek();
        return c == null || !autoflushing ? c : Why.autoflushRemark(c);
    }

    /** Runs an action with its reason, which the statements it emits inherit. */
    public <T> T because(Cause cause, Supplier<T> action) {
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

    /**
     * Remembers why an object is deleted; the first reason given wins unless {@code replace}. The
     * reason is kept on the object ({@link InstanceState#deleteCause}), and the object in
     * {@link #deleteCauses} so that a rollback or close can forget it: a map from object to reason
     * was looked up once per object as the flush deleted it, and written as the cascade met it,
     * about 10 ms of the benchmark's 37,449 deletions.
     */
    public void explainDelete(InstanceState state, Cause cause, boolean replace) {
        if (state.deleteCause == null) {
            if (cause == null) {
                return;
            }
            deleteCauses.add(state);
            state.deleteCause = cause;
        } else if (replace) {
            state.deleteCause = cause;
        }
    }

    /** Every object's reason for deletion forgotten (a rollback, a close). */
    private void forgetDeleteCauses() {
        for (InstanceState s : deleteCauses) {
            s.deleteCause = null;
        }
        deleteCauses.clear();
    }

    /** Why each pending object is inserted. */
    private final Map<InstanceState, Cause> saveCauses = new HashMap<>();

    void explainSave(InstanceState state, Cause cause) {
        saveCauses.putIfAbsent(state, cause);
    }

    /** Why a pending object is inserted, with the autoflush remark when an autoflush inserts it. */
    public Cause saveCause(InstanceState state) {
        Cause c = saveCauses.get(state);
        return c == null || !autoflushing ? c : Why.autoflushRemark(c);
    }

    /** Why an object is deleted, with the autoflush remark when an autoflush deletes it. */
    public Cause deleteCause(InstanceState state) {
        Cause c = state.deleteCause;
        return c == null || !autoflushing ? c : Why.autoflushRemark(c);
    }

    /** Remembers that the current action wrote one of this object's columns (the first writer explains it). */
    public void explainWrite(InstanceState state) {
        Cause c = actions.peek();
        if (c != null) {
            updateCauses.putIfAbsent(state, c);
        }
    }

    /**
     * The current action wrote the object's own many-to-one key: the most direct reason, so it
     * replaces one a collection's processor gave first (the same key reached from both sides).
     */
    public void explainOwnWrite(InstanceState state) {
        Cause c = actions.peek();
        if (c != null) {
            updateCauses.put(state, c);
        }
    }

    /** Why an object's row is updated in this flush, when an action wrote to it. */
    public Cause updateCause(InstanceState state) {
        Cause c = updateCauses.get(state);
        return c == null || !autoflushing ? c : Why.autoflushRemark(c);
    }

    // ---- identity map and loading

    /** {@code _contains_state}: pending in this session, or in its identity map. */
    public boolean containsState(InstanceState state) {
        if (state.session != this) {
            return false;
        }
        if (state.key == null) {
            return pending.contains(state);
        }
        return identityMap.get(new IdentityKey(state.mapper, state.key)) == state;
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
        return get(mapper, key, Why.get(mapper, key));
    }

    /** {@code session.get(cls, pk)} on behalf of another call (merge's cascade), whose reason its SELECT gives. */
    public InstanceState get(Mapper mapper, List<Object> key, Cause cause) {
        Object found = identityLookup(mapper, key, Passive.OFF);
        if (found instanceof InstanceState s) {
            return s;
        }
        return loadByPrimaryKey(mapper, key, cause);
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
                invokeAllEagers, ctx, EagerLoads.Consume.ALL);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * Runs a SELECT of a mapper's rows (after autoflush), with its eager loads, and maps the rows
     * to instances.
     */
    List<InstanceState> queryInstances(Mapper mapper, Table secondary, String where,
                                       List<Object> params, String orderBy, Cause cause, LoadPath path,
                                       boolean invokeAllEagers, Object ctx) {
        return queryInstances(mapper, secondary, where, params, orderBy, mapper.selectStyle(), cause, path,
                invokeAllEagers, ctx, EagerLoads.Consume.ALL);
    }

    /**
     * The same, its columns labelled in the given style (lazy loads and dynamic queries have their
     * own), its rows taken as {@code consume} says (a dynamic relationship's query is iterated).
     */
    List<InstanceState> queryInstances(Mapper mapper, Table secondary, String where,
                                       List<Object> params, String orderBy, LabelStyle style,
                                       Cause cause, LoadPath path, boolean invokeAllEagers, Object ctx,
                                       EagerLoads.Consume consume) {
        autoflush();
        RelProp lazyFrom = !invokeAllEagers && !path.entries().isEmpty()
                && path.entries().get(path.entries().size() - 1) instanceof RelProp p ? p : null;
        EagerLoads.Query q = new EagerLoads.Query(mapper, secondary, where, params, orderBy, style, cause, lazyFrom,
                consume);
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
     * as CPython frees it at once. What the kept objects, the objects that were there before the
     * load, or the session's strong sets reach stays (the extra rows' joined-loaded children that
     * the first row also holds, r5009_0005).
     */
    void releaseUnreferenced(int since, Collection<InstanceState> kept) {
        Set<InstanceState> fresh = new HashSet<>(created.subList(since, created.size()));
        List<InstanceState> roots = new ArrayList<>(kept);
        for (InstanceState s : identityMap.values()) {
            if (!fresh.contains(s)) {
                roots.add(s);
            }
        }
        forget(roots, fresh::contains);
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
        fill(state, row, null);
    }

    /** {@link #fill} of the named columns only (the populators of {@code only_load_props}); null: all. */
    static void fill(InstanceState state, List<Object> row, Set<String> names) {
        List<Column> cols = state.mapper.columns();
        for (int i = 0; i < cols.size(); i++) {
            if (names == null || names.contains(cols.get(i).name())) {
                state.dict.putIfAbsent(cols.get(i).name(), row.get(i));
            }
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

    /**
     * {@code state._load_expired}: SELECT the expired columns that were not set since (the
     * primary key always), by the committed key; false when the row is gone.
     */
    /**
     * {@code loading.load_on_ident} with {@code refresh_state}: the object's row SELECTed again by
     * key with the mapper's eager loaders, its columns labelled in {@code style} (session.refresh()
     * labels them as 2.1 does, in 2.0 too). Empty when the row is gone.
     */
    List<InstanceState> loadOnIdent(InstanceState state, LabelStyle style, Cause cause) {
        return loadOnIdent(state, style, cause, null);
    }

    /** The same limited to {@code only} ({@code only_load_props}; null: everything). */
    private List<InstanceState> loadOnIdent(InstanceState state, LabelStyle style, Cause cause, EagerLoads.OnlyLoad only) {
        return eagerLoads.load(new EagerLoads.Query(state.mapper, null, state.mapper.primaryKeyWhere(), state.key, "",
                style, cause), LoadPath.ROOT, true, state, only);
    }

    private boolean refreshOrForget(InstanceState state) {
        // _load_expired picks the attributes to load (expired and unmodified) before the query's
        // autoflush runs: a flush that deletes the row does not shrink the SELECT (r5005_0097)
        List<String> names = new ArrayList<>();
        List<ColumnType> types = new ArrayList<>();
        for (Column c : state.mapper.columns()) {
            if (c.primaryKey() || (!state.dict.containsKey(c.name()) && !state.committedColumns.containsKey(c.name()))) {
                names.add(c.name());
                types.add(c.type());
            }
        }
        // a whole-object expiry expired the relationships too: those not changed since are loaded
        // with their loaders (joined, immediate...), as only_load_props names them
        Set<RelProp> relationships = new LinkedHashSet<>();
        if (state.expired) {
            for (RelProp p : state.mapper.relationships()) {
                if (!state.related.containsKey(p) && !state.committedRelated.containsKey(p)
                        && !state.pendingMutations.containsKey(p)) {
                    relationships.add(p);
                }
            }
        }
        autoflush();
        boolean whole = names.size() == state.mapper.columns().size()
                && relationships.size() == state.mapper.relationships().size();
        if (whole || relationships.stream().anyMatch(Mapper::loadsEagerly)) {
            // load_on_ident with the mapper's eager loaders; with only_load_props, of the expired
            // relationships only, when the object is not expired whole
            EagerLoads.OnlyLoad only = whole ? null : new EagerLoads.OnlyLoad(Set.copyOf(names), relationships);
            if (loadOnIdent(state, state.mapper.selectStyle(), Why.refresh(state), only).isEmpty()) {
                removeNewlyDeleted(List.of(state));
                return false;
            }
            return true;
        }
        // only some attributes are expired: load_scalar_attributes SELECTs just those (and the key)
        String sql = state.mapper.cachedSelect("expired " + names,
                () -> SqlCompiler.selectColumns(state.mapper.selectStyle(), state.mapper.table(), names));
        List<List<Object>> rows = executor.query(sql, state.key, types, Why.refresh(state));
        if (rows.isEmpty()) {
            removeNewlyDeleted(List.of(state));
            return false;
        }
        for (int i = 0; i < names.size(); i++) {
            state.dict.putIfAbsent(names.get(i), rows.get(0).get(i));
        }
        state.expired = false;
        return true;
    }

    /** Persistent states in primary-key order ({@code persistence._sort_states}). */
    public List<InstanceState> sortStates(Collection<InstanceState> states) {
        List<InstanceState> sorted = new ArrayList<>(states);
        sorted.sort((a, b) -> compareKeys(a.key, b.key));
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
    void attach(InstanceState state) {
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

    static String identityKeyRepr(InstanceState state) {
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
            if (s.key == null) {
                pending.remove(s);
            } else {
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
        return cascadeIterator(type, state, null);
    }

    /**
     * The same walk; {@code haltOn} objects are neither returned nor walked through (save-update
     * stops at objects already in the session). save-update follows every pending member of a
     * relationship, removed ones included ({@code get_all_pending}); refresh-expire skips pending
     * objects unless the relationship has delete-orphan.
     */
    public List<InstanceState> cascadeIterator(String type, InstanceState state,
                                               Predicate<InstanceState> haltOn) {
        List<InstanceState> out = new ArrayList<>();
        working(() -> {
            visit(type, state, new LinkedHashSet<>(), out, haltOn, null, null);
            return null;
        });
        return out;
    }

    /**
     * The delete cascade a flush's presort step walks from an object it registers for deletion
     * ({@code for c, m, st_, dct_ in mapper.cascade_iterator("delete", child):
     * uowcommit.register_object(st_, isdelete=True)}), each object registered as the walk meets it.
     * The unit of work keeps states, not objects: inside {@link #presortCall} what the walk loads
     * through a dynamic relationship (which stores nothing) is freed by CPython as soon as the
     * walk moves past it, unless something else holds it.
     */
    public void flushCascadeDelete(InstanceState state, Consumer<InstanceState> register) {
        working(() -> {
            visit("delete", state, new LinkedHashSet<>(), new ArrayList<>(), null, null, register);
            return null;
        });
    }

    /**
     * One dependency processor's presort call of a flush ({@code presort_deletes} or
     * {@code presort_saves}). Its loop variable {@code c} holds the last object a delete cascade
     * walk met until the call returns; then what the walks loaded and nothing holds is freed.
     *
     * @param historyObjects the objects the flush's cached attribute histories hold
     */
    public void presortCall(Supplier<Collection<InstanceState>> historyObjects, Runnable body) {
        PresortCall outer = presortCall;
        PresortCall call = new PresortCall(historyObjects);
        presortCall = call;
        try {
            body.run();
            call.last = null;
            releaseLoose(call, List.of(), List.of());
        } finally {
            presortCall = outer;
        }
    }

    /** The presort call in progress (see {@link #presortCall}), or null. */
    private PresortCall presortCall;

    /** What a presort call's delete cascade walks loaded that only the walk holds. */
    private static final class PresortCall {
        final Supplier<Collection<InstanceState>> historyObjects;
        /** Objects a walk loaded through a dynamic relationship, or for such an object: what CPython may free. */
        final Set<InstanceState> loose = new HashSet<>();
        /** The object the call's loop variable holds (the one the walk met last). */
        InstanceState last;

        PresortCall(Supplier<Collection<InstanceState>> historyObjects) {
            this.historyObjects = historyObjects;
        }
    }

    /**
     * Frees the loose objects nothing holds: not the identity map's other objects, the object the
     * loop variable holds, the objects each walk level still has to visit ({@code visitables}'
     * queues), the dicts of the objects being walked (held even when their object is freed), nor
     * what the flush's cached histories hold.
     */
    private void releaseLoose(PresortCall call, Collection<CascadeFrame> frames, List<InstanceState> walkRoots) {
        if (call.loose.isEmpty()) {
            return;
        }
        List<InstanceState> roots = new ArrayList<>(walkRoots);
        if (call.last != null) {
            roots.add(call.last);
        }
        for (CascadeFrame f : frames) {
            roots.addAll(f.fresh.subList(f.nextChild, f.fresh.size()));
            for (Object v : f.dict.values()) {
                addStates(v, roots);
            }
        }
        roots.addAll(call.historyObjects.get());
        for (InstanceState s : identityMap.values()) {
            if (!call.loose.contains(s)) {
                roots.add(s);
            }
        }
        forget(roots, call.loose::contains);
        call.loose.removeIf(s -> s.freed);
    }

    /** The same walk (no halt), each object reached with the relationship it was reached along, in walk order. */
    public Map<InstanceState, RelProp> cascadeAlong(String type, InstanceState state) {
        Map<InstanceState, RelProp> along = new LinkedHashMap<>();
        working(() -> {
            visit(type, state, new LinkedHashSet<>(), new ArrayList<>(), null, along, null);
            return null;
        });
        return along;
    }

    /**
     * The depth-first walk of {@link #cascadeIterator}, with an explicit stack instead of
     * recursion (a self-referential chain 10,000 levels deep is walked as SQLAlchemy walks it,
     * without running out of thread stack). Order: for each relationship of an object in turn, its
     * value is read, then each newly met object is reported and walked completely before the next.
     */
    private void visit(String type, InstanceState root, Set<InstanceState> visited, List<InstanceState> out,
                       Predicate<InstanceState> haltOn, Map<InstanceState, RelProp> along,
                       Consumer<InstanceState> onYield) {
        PresortCall call = onYield != null ? presortCall : null;
        boolean delete = type.equals("delete");
        boolean saveUpdate = type.equals("save-update");
        CascadeOption option = CascadeOption.fromKeyword(type);
        ArrayDeque<CascadeFrame> stack = new ArrayDeque<>();
        stack.push(new CascadeFrame(root));
        while (!stack.isEmpty()) {
            CascadeFrame frame = stack.peek();
            if (frame.nextChild < frame.fresh.size()) {
                InstanceState child = frame.fresh.get(frame.nextChild++);
                if (call != null) {
                    // the loop variable moves on to this object: the one before it is freed unless held
                    call.last = child;
                    releaseLoose(call, stack, List.of(root));
                }
                if (delete) {
                    explainDelete(child, Why.cascadedDelete(frame.prop), false);
                } else if (child.key == null && saveUpdate) {
                    explainSave(child, Why.savedByCascade(frame.prop));
                }
                out.add(child);
                if (along != null) {
                    along.put(child, frame.prop);
                }
                if (onYield != null) {
                    onYield.accept(child);
                }
                stack.push(new CascadeFrame(child));
                continue;
            }
            if (!frame.props.hasNext()) {
                stack.pop();
                if (call != null && frame.state.freed) {
                    // the walk lets go of a freed object's dict: what only it held goes with it
                    releaseLoose(call, stack, List.of(root));
                }
                continue;
            }
            RelProp prop = frame.props.next();
            if (!prop.cascades(option)) {
                continue;
            }
            InstanceState state = frame.state;
            List<InstanceState> queue = new ArrayList<>();
            if (saveUpdate) {
                queue.addAll(attributes.allPending(state, prop, Passive.NO_INITIALIZE));
            } else {
                Passive passive = delete && !prop.isPassiveDeletes() ? Passive.OFF : Passive.NO_INITIALIZE;
                int createdBefore = created.size();
                // PASSIVE_OFF | NO_RAISE for a delete: lazy='raise' does not stop the delete cascade's load (2.x)
                Object value = call != null && state.freed ? freedObjectValue(frame, prop, passive)
                        : because(delete ? Why.cascadeLoad(prop) : null,
                        () -> Attributes.isDynamic(prop) ? attributes.dynamicCollection(state, prop, passive)
                                : attributes.get(state, prop, passive, false, delete));
                if (call != null && (Attributes.isDynamic(prop) || call.loose.contains(state))) {
                    call.loose.addAll(created.subList(createdBefore, created.size()));
                }
                if (value instanceof List<?> list) {
                    for (Object o : list) {
                        queue.add((InstanceState) o);
                    }
                } else if (value instanceof InstanceState s) {
                    queue.add(s);
                }
            }
            boolean skipPending = type.equals("refresh-expire") && !prop.cascades(CascadeOption.DELETE_ORPHAN);
            List<InstanceState> fresh = new ArrayList<>();
            for (InstanceState child : queue) {
                if (child == null || visited.contains(child) || (haltOn != null && haltOn.test(child))
                        || (skipPending && child.key == null)) {
                    continue;
                }
                visited.add(child);
                fresh.add(child);
            }
            frame.prop = prop;
            frame.fresh = fresh;
            frame.nextChild = 0;
        }
    }

    /** One object of the cascade walk: its relationships still to read, and the objects met through the current one. */
    private static final class CascadeFrame {
        final InstanceState state;
        final Iterator<RelProp> props;
        RelProp prop;
        List<InstanceState> fresh = List.of();
        int nextChild;

        /** The object's dict as the walk holds it: still there after CPython frees the object. */
        final Map<RelProp, Object> dict;

        CascadeFrame(InstanceState state) {
            this.state = state;
            this.props = state.mapper.relationships().iterator();
            this.dict = state.related;
        }
    }

    /**
     * A relationship of an object freed while the walk is still inside it
     * ({@code prop.cascade_iterator(type_, parent_state, parent_dict, ...)}): a loaded value comes
     * from the dict the walk holds; a lazy load finds no session and, with NO_RAISE, gives
     * PASSIVE_NO_RESULT; a dynamic relationship builds its query from {@code state.obj()}, which
     * is None ({@code object_mapper(None)}).
     */
    private static Object freedObjectValue(CascadeFrame frame, RelProp prop, Passive passive) {
        if (frame.dict.containsKey(prop)) {
            return frame.dict.get(prop);
        }
        if (Attributes.isDynamic(prop) && passive == Passive.OFF) {
            throw new OrmException("UnmappedInstanceError", "Class 'builtins.NoneType' is not mapped");
        }
        return null;
    }

    // ---- flush, commit, rollback

    private void autoflush() {
        if (!flushing && noAutoflush == 0 && autoflushOff == 0) {
            autoflushing = true;
            try {
                flush();
            } finally {
                autoflushing = false;
            }
        }
    }

    /** Runs an action with {@code session.autoflush} off, as merge does: no query in it flushes first. */
    <T> T withAutoflushOff(Supplier<T> action) {
        autoflushOff++;
        try {
            return action.get();
        } finally {
            autoflushOff--;
        }
    }

    /**
     * A query of its own inside another query's load (a selectin or subquery load, an immediate
     * load's lazy load): it autoflushes by its own options, whatever the outer query's
     * NO_AUTOFLUSH; with {@code flushFirst} it flushes before it runs (the eager load's SELECT).
     */
    <T> T asOwnQuery(boolean flushFirst, Supplier<T> action) {
        int saved = noAutoflush;
        noAutoflush = 0;
        try {
            if (flushFirst) {
                autoflush();
            }
            return action.get();
        } finally {
            noAutoflush = saved;
        }
    }

    /** Runs an action as under {@code NO_AUTOFLUSH}: loads inside it do not flush first. */
    <T> T withoutAutoflush(Supplier<T> action) {
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
        if (!deleted.isEmpty() || !pending.isEmpty()) {
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
        flushes++;
        UnitOfWork uow = new UnitOfWork(this);
        Set<InstanceState> marked = new LinkedHashSet<>(deleted.keySet());
        List<InstanceState> dirty = new ArrayList<>();
        for (InstanceState s : identityMap.values()) {
            if (s.modified && !marked.contains(s)) {
                dirty.add(s);
            }
        }
        Set<InstanceState> processed = new LinkedHashSet<>();
        List<InstanceState> proc = new ArrayList<>();
        for (InstanceState s : pending) {
            if (!marked.contains(s)) {
                proc.add(s);
            }
        }
        proc.addAll(dirty);
        // _flush iterates the sets new ∪ dirty, then deleted, by address: the class met first
        // registers first, and its preprocessors run first (PropSetOrder)
        for (InstanceState s : flushSetOrder("saved", proc)) {
            if (pending.contains(s)) {
                saveSide.registerNew(uow, s);
            } else {
                boolean orphan = s.mapper.isOrphan(s) && s.hasIdentity();
                uow.registerObject(s, orphan);
            }
            processed.add(s);
        }
        List<InstanceState> toDelete = new ArrayList<>();
        for (InstanceState s : marked) {
            if (!processed.contains(s)) {
                toDelete.add(s);
            }
        }
        for (InstanceState s : flushSetOrder("deleted", toDelete)) {
            uow.registerObject(s, true);
        }
        if (!uow.hasWork()) {
            return;
        }
        try {
            uow.execute();
            uow.finalizeFlushChanges();
            if (working == 0) {
                // what the flush let go of (old values, removed items) is freed at once
                forgetUnreferenced();
            }
        } catch (RuntimeException e) {
            if (!(e instanceof RunCancelledException)) {
                executor.rollback();
            }
            throw e;
        }
    }

    /**
     * The order in which a flush registers {@code states} (one of {@code _flush}'s sets): only the
     * order in which their classes first appear matters, so that is what a chosen order decides.
     */
    private List<InstanceState> flushSetOrder(String which, List<InstanceState> states) {
        return registry.propSetOrder().arrangeSet(PropSetOrder.FLUSH_KEY_PREFIX + "classes " + which, states,
                s -> s.mapper.className());
    }

    /** {@code _remove_newly_deleted}: out of the identity map, remembered by the transaction. */
    public void removeNewlyDeleted(List<InstanceState> states) {
        for (InstanceState s : states) {
            transactionDeleted.add(s);
            if (s.key != null) {
                identityMap.remove(new IdentityKey(s.mapper, s.key), s);
            }
            deleted.remove(s);
            s.deleteCause = null;
            s.deleted = true;
        }
    }

    /** {@code _register_persistent}: the flushed values are now the committed ones. */
    public void registerPersistent(List<InstanceState> states) {
        for (InstanceState s : states) {
            List<Object> key = s.primaryKeyValues();
            if (s.key == null || !s.key.equals(key)) {
                if (key.contains(null)) {
                    throw new OrmException("FlushError", "Instance " + s.repr() + " has a NULL identity key.  If this "
                            + "is an auto-generated value, check that the database table allows generation of new "
                            + "primary key values, and that the mapped Column object is configured to expect these "
                            + "generated values.  Ensure also that this flush() is not occurring at an inappropriate "
                            + "time, such as within a load() event.");
                }
                if (s.key != null) {
                    identityMap.remove(new IdentityKey(s.mapper, s.key), s);
                } else {
                    pending.remove(s);
                    transactionNew.add(s);
                }
                s.key = key;
                identityMap.put(new IdentityKey(s.mapper, key), s);
            }
            s.commitAll();
        }
    }

    /**
     * Runs a load or a cascade walk: the objects it works on are referenced by its own variables
     * (rows, lists) until it ends, so a flush inside it (an autoflush) frees nothing.
     */
    <T> T working(Supplier<T> action) {
        working++;
        try {
            return action.get();
        } finally {
            working--;
        }
    }

    /** Subquery collections a 2.1 Result left on a reference cycle keeps ({@link #onCycles}), filled as it goes. */
    void keepOnCycle(Map<RelProp, Map<List<Object>, List<InstanceState>>> subqueryCollections) {
        onCycles.add(subqueryCollections);
    }

    /**
     * True the first time the engine compiles this statement ({@code Engine._compiled_cache}, a
     * 500-entry LRU, more than a run fills): later runs of the same statement reuse that
     * compilation. An expanding IN renders one {@code ?} per value but is one cache entry.
     */
    boolean compiledFirstTime(String sql) {
        return compiled.add(EXPANDED_IN.matcher(sql).replaceAll("IN (?)"));
    }

    private static final Pattern EXPANDED_IN = Pattern.compile("IN \\(\\?(, \\?)*\\)");
    /** The statements the engine compiled so far ({@link #compiledFirstTime}). */
    private final Set<String> compiled = new HashSet<>();

    /** A step holds this object or loaded collection until the run ends (null is ignored). */
    void hold(Object value) {
        if (value instanceof InstanceState || value instanceof List<?>) {
            held.add(value);
        }
    }

    /**
     * {@code WeakInstanceDict}: forgets the objects CPython frees once nothing references them
     * (after each step, after a flush that no load or cascade walk is inside, and where a step
     * clears loaded state: commit, rollback, expire).
     * References are the steps' variables, the session's strong sets (new, deleted, modified
     * objects), the modified objects a flush deleted (until the commit) and every live object's
     * loaded relationship values, committed values and pending collection changes, those of
     * objects outside the identity map included. Reference counting frees what is not reachable
     * from those, except objects on a reference cycle and what they reach (left to the cyclic
     * collector, which runs at no fixed time): so an object is forgotten exactly when peeling
     * unreferenced objects off the unreachable ones reaches it.
     */
    void forgetUnreferenced() {
        forget(List.of(), s -> true);
    }

    /** Forgets the {@code candidate} objects of the identity map that the roots (and the usual references) do not keep. */
    private void forget(List<InstanceState> extraRoots, Predicate<InstanceState> candidate) {
        if (identityMap.isEmpty()) {
            // nothing to forget: without this, a run that adds objects step by step walked every
            // pending object after every step (74,899 steps building a 37,449-row tree: 9 minutes)
            return;
        }
        if (everyObjectIsARoot()) {
            return;
        }
        Set<InstanceState> alive = new HashSet<>();
        Deque<InstanceState> todo = new ArrayDeque<>();
        for (InstanceState s : extraRoots) {
            reach(s, alive, todo);
        }
        for (Object h : held) {
            reach(h, alive, todo);
        }
        for (Map<RelProp, Map<List<Object>, List<InstanceState>>> collections : onCycles) {
            for (Map<List<Object>, List<InstanceState>> byParent : collections.values()) {
                for (List<InstanceState> found : byParent.values()) {
                    reach(found, alive, todo);
                }
            }
        }
        for (InstanceState s : pending) {
            reach(s, alive, todo);
        }
        for (InstanceState s : deleted.keySet()) {
            reach(s, alive, todo);
        }
        for (InstanceState s : transactionDeleted) {
            // a flush deleted it after it was modified: its state's _strong_obj (set by
            // _modified_event while attached; cleared by _commit_all, _expire and detaching, none
            // of which a flush does to a deleted state) references the object, whose __dict__
            // references the state, and SessionTransaction._deleted is a WeakKeyDictionary: a
            // cycle, kept with what it references until commit or rollback detaches the state
            if (s.modified && s.session == this) {
                reach(s, alive, todo);
            }
        }
        for (InstanceState s : identityMap.values()) {
            if (s.modified) {
                reach(s, alive, todo);
            }
        }
        while (!todo.isEmpty()) {
            for (InstanceState t : references(todo.pop())) {
                reach(t, alive, todo);
            }
        }
        List<InstanceState> unreachable = new ArrayList<>();
        for (InstanceState s : identityMap.values()) {
            if (!alive.contains(s) && candidate.test(s)) {
                unreachable.add(s);
            }
        }
        if (unreachable.isEmpty()) {
            return;
        }
        addLiveOutsideIdentityMap(unreachable, alive);
        Map<InstanceState, Integer> refcount = new HashMap<>();
        unreachable.forEach(s -> refcount.put(s, 0));
        for (InstanceState s : unreachable) {
            for (InstanceState t : references(s)) {
                refcount.computeIfPresent(t, (k, n) -> n + 1);
            }
        }
        Deque<InstanceState> freed = new ArrayDeque<>();
        refcount.forEach((s, n) -> {
            if (n == 0) {
                freed.add(s);
            }
        });
        while (!freed.isEmpty()) {
            InstanceState s = freed.pop();
            identityRemove(s);
            // InstanceState._cleanup: a freed object's state has no session (a post load still
            // holding the state loads nothing for it)
            s.session = null;
            for (InstanceState t : references(s)) {
                Integer n = refcount.computeIfPresent(t, (k, c) -> c - 1);
                if (n != null && n == 0) {
                    freed.add(t);
                }
            }
            s.objectFreed();
        }
    }

    /**
     * Adds to the unreachable objects those outside the identity map (deleted by a flush,
     * expunged, detached by a commit) that they reference and nothing alive reaches. Such an
     * object still exists as long as something references it, and its own references count:
     * a flush-deleted parent whose loaded collection holds a child that references it back is a
     * cycle with that child, which reference counting never frees, so the child stays in the
     * identity map until the cyclic collector runs. If nothing but unreachable objects reference
     * it, it is freed with them.
     */
    private void addLiveOutsideIdentityMap(List<InstanceState> unreachable, Set<InstanceState> alive) {
        Set<InstanceState> seen = new HashSet<>(unreachable);
        Deque<InstanceState> todo = new ArrayDeque<>(unreachable);
        while (!todo.isEmpty()) {
            for (InstanceState t : references(todo.pop())) {
                if (!alive.contains(t) && seen.add(t)) {
                    if (!inIdentityMap(t)) {
                        unreachable.add(t);
                        todo.push(t);
                    }
                }
            }
        }
    }

    private boolean inIdentityMap(InstanceState state) {
        return state.key != null && identityMap.get(new IdentityKey(state.mapper, state.key)) == state;
    }

    /**
     * True when every object of the identity map is itself one of {@link #forget}'s roots (marked
     * for deletion, or modified): then every one is alive and the walk would free nothing. Deleting
     * the root of the 37,449-row benchmark marks every object; the walk after that step visited
     * them all and their references for nothing.
     */
    private boolean everyObjectIsARoot() {
        for (InstanceState s : identityMap.values()) {
            if (!s.modified && !deleted.containsKey(s)) {
                return false;
            }
        }
        return true;
    }

    private static void reach(Object value, Set<InstanceState> alive, Deque<InstanceState> todo) {
        if (value instanceof InstanceState s) {
            if (alive.add(s)) {
                todo.push(s);
            }
        } else if (value instanceof List<?> list) {
            for (Object o : list) {
                reach(o, alive, todo);
            }
        }
    }

    /** The objects one object's attributes reference strongly (with repeats, as reference counts count them). */
    private static List<InstanceState> references(InstanceState s) {
        List<InstanceState> out = new ArrayList<>();
        for (Object v : s.related.values()) {
            addStates(v, out);
        }
        for (Object v : s.committedRelated.values()) {
            addStates(v, out);
        }
        for (InstanceState.PendingCollection p : s.pendingMutations.values()) {
            out.addAll(p.added);
            out.addAll(p.removed);
        }
        return out;
    }

    private static void addStates(Object v, List<InstanceState> out) {
        if (v instanceof InstanceState st) {
            out.add(st);
        } else if (v instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof InstanceState st) {
                    out.add(st);
                }
            }
        }
    }

    /** {@code session.commit()}: flush until clean, COMMIT, detach the deleted, expire the rest. */
    public void commit() {
        for (int i = 0; i < 100 && !isClean(); i++) {
            flush();
        }
        executor.commit();
        transactionNew.clear();
        for (InstanceState s : transactionDeleted) {
            s.session = null;
            s.detached = true;
        }
        transactionDeleted.clear();
        for (InstanceState s : identityMap.values()) {
            s.expire();
        }
        forgetUnreferenced();
    }

    /** {@code session.rollback()}: ROLLBACK, restore deleted objects, expire everything. */
    public void rollback() {
        executor.rollback();
        saveSide.rollbackNew();
        Set<InstanceState> restore = new LinkedHashSet<>(transactionDeleted);
        restore.addAll(deleted.keySet());
        for (InstanceState s : restore) {
            s.deleted = false;
            if (s.session == this && s.key != null) {
                identityMap.put(new IdentityKey(s.mapper, s.key), s);
            }
        }
        deleted.clear();
        forgetDeleteCauses();
        transactionDeleted.clear();
        for (InstanceState s : identityMap.values()) {
            s.expire();
        }
        forgetUnreferenced();
    }

    /**
     * {@code session.close()}: {@code expunge_all()} first, then the transaction closes (ROLLBACK)
     * without restoring a snapshot: an object a flush of this transaction inserted stays detached
     * with its key (its row is gone), a pending one becomes transient.
     */
    public void close() {
        executor.rollback();
        saveSide.forgetPending();
        for (InstanceState s : identityMap.values()) {
            s.session = null;
            s.detached = true;
        }
        identityMap.clear();
        deleted.clear();
        forgetDeleteCauses();
        transactionDeleted.clear();
    }
}
