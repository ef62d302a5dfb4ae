package dev.cascadeviz.orm.uow;

import dev.cascadeviz.orm.History;
import dev.cascadeviz.orm.InstanceState;
import dev.cascadeviz.orm.Mapper;
import dev.cascadeviz.orm.OrmException;
import dev.cascadeviz.orm.Passive;
import dev.cascadeviz.orm.PropSetOrder;
import dev.cascadeviz.orm.RelProp;
import dev.cascadeviz.orm.Session;
import dev.cascadeviz.orm.Why;
import dev.cascadeviz.orm.dependency.DependencyProcessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One flush ({@code unitofwork.UOWTransaction}): states registered for save or delete, the
 * dependency processors' preprocessors, the actions and their ordering edges, then a
 * topological sort and execution. Insertion-ordered collections stand in for Python's sets, so
 * where SQLAlchemy's order is not fixed this gives one of the orders it can produce.
 */
public final class UnitOfWork {

    /** {@code (isdelete, listonly)} of a registered state. */
    public record Entry(boolean isdelete, boolean listonly) {
    }

    /** States and columns awaiting a post_update UPDATE. */
    static final class PostUpdates {
        final Set<InstanceState> states = new LinkedHashSet<>();
        final Set<String> columns = new LinkedHashSet<>();
    }

    private record HistoryEntry(History history, Passive passive) {
    }

    private final Session session;
    final Map<Mapper, Set<DependencyProcessor>> deps = new LinkedHashMap<>();
    final Map<Mapper, Set<InstanceState>> mappers = new LinkedHashMap<>();
    final Map<List<Object>, Preprocess> presortActions = new LinkedHashMap<>();
    final Map<List<Object>, PostSortRec> postsortActions = new LinkedHashMap<>();
    final Set<List<PostSortRec>> dependencies = new LinkedHashSet<>();
    final Map<InstanceState, Entry> states = new LinkedHashMap<>();
    final Map<Mapper, PostUpdates> postUpdateStates = new LinkedHashMap<>();
    private final Map<Object, Object> memo = new HashMap<>();
    private final Map<List<Object>, HistoryEntry> histories = new HashMap<>();
    Set<PostSortRec> cycles = Set.of();

    public UnitOfWork(Session session) {
        this.session = session;
    }

    public Session session() {
        return session;
    }

    public boolean hasWork() {
        return !states.isEmpty();
    }

    /** {@code is_deleted}: registered for delete in this flush. */
    public boolean isDeleted(InstanceState state) {
        Entry e = states.get(state);
        return e != null && e.isdelete();
    }

    public Entry entry(InstanceState state) {
        return states.get(state);
    }

    public boolean isRegistered(InstanceState state) {
        return states.containsKey(state);
    }

    @SuppressWarnings("unchecked")
    public <T> T memo(Object key, Supplier<T> create) {
        return (T) memo.computeIfAbsent(key, k -> create.get());
    }

    /**
     * {@code get_attribute_history}, cached per state and attribute; a cached lookup is redone
     * only when its flag lacked the SQL_OK bit and the new one has it. PASSIVE_NO_INITIALIZE has
     * the bit, so the first lookup of a flush is the one kept: a parent whose unloaded collection
     * was read passively for its saves (a dirty parent) and that the same flush then deletes
     * (a delete cascade reaching it) is not loaded again when its delete is processed.
     */
    public History attributeHistory(InstanceState state, RelProp prop, Passive passive) {
        List<Object> key = List.of(state, prop);
        HistoryEntry cached = histories.get(key);
        if (cached != null) {
            if (!cached.passive().hasSqlOkBit() && passive.hasSqlOkBit()) {
                History h = session.because(Why.flushLoad(prop, isDeleted(state)),
                        () -> session.attributes().history(state, prop, Passive.OFF, true));
                histories.put(key, new HistoryEntry(h, passive));
                return h;
            }
            return cached.history();
        }
        History h = session.because(Why.flushLoad(prop, isDeleted(state)),
                () -> session.attributes().history(state, prop, passive, true));
        histories.put(key, new HistoryEntry(h, passive));
        return h;
    }

    /** The objects the cached histories hold ({@code UOWTransaction.attributes} keeps them alive during the flush). */
    public List<InstanceState> historyObjects() {
        List<InstanceState> out = new ArrayList<>();
        for (HistoryEntry e : histories.values()) {
            out.addAll(e.history().added());
            out.addAll(e.history().unchanged());
            out.addAll(e.history().deleted());
        }
        return out;
    }

    public void registerPreprocessor(DependencyProcessor processor, boolean fromparent) {
        presortActions.computeIfAbsent(List.of(processor, fromparent), k -> new Preprocess(processor, fromparent));
    }

    public boolean registerObject(InstanceState state, boolean isdelete) {
        return registerObject(state, isdelete, false, false, null, null);
    }

    /** {@code register_object}. */
    public boolean registerObject(InstanceState state, boolean isdelete, boolean listonly, boolean cancelDelete,
                                  String operation, RelProp prop) {
        if (state == null) {
            // session._contains_state() reads state.key: a None in a collection's history fails there
            throw new OrmException("AttributeError", "'NoneType' object has no attribute 'key'");
        }
        if (!session.containsState(state)) {
            if (!state.isFlushedDeleted() && operation != null) {
                session.warn("Object of type <" + state.mapper().className() + "> not in session, " + operation
                        + " operation along '" + prop + "' will not proceed");
            }
            return false;
        }
        if (!states.containsKey(state)) {
            Mapper mapper = state.mapper();
            if (!mappers.containsKey(mapper)) {
                perMapperFlushActions(mapper);
            }
            mappers.computeIfAbsent(mapper, m -> new LinkedHashSet<>()).add(state);
            states.put(state, new Entry(isdelete, listonly));
        } else if (!listonly && (isdelete || cancelDelete)) {
            states.put(state, new Entry(isdelete, false));
        }
        return true;
    }

    /** {@code remove_state_actions}: the state keeps its flag but its own actions are list-only. */
    public void removeStateActions(InstanceState state) {
        Entry e = states.get(state);
        if (e != null) {
            states.put(state, new Entry(e.isdelete(), true));
        }
    }

    public void registerPostUpdate(InstanceState state, List<String> columns) {
        PostUpdates pu = postUpdateStates.computeIfAbsent(state.mapper(), m -> new PostUpdates());
        pu.states.add(state);
        pu.columns.addAll(columns);
    }

    PostUpdates postUpdates(Mapper mapper) {
        return postUpdateStates.computeIfAbsent(mapper, m -> new PostUpdates());
    }

    private void perMapperFlushActions(Mapper mapper) {
        mappers.put(mapper, new LinkedHashSet<>());
        PostSortRec saves = saveUpdateAll(mapper);
        PostSortRec deletes = deleteAll(mapper);
        addDependency(saves, deletes);
        for (RelProp prop : mapper.relationships()) {
            if (!prop.viewonly()) {
                prop.processor().perPropertyPreprocessors(this);
            }
        }
        for (DependencyProcessor dep : mapper.dependencyProcessors()) {
            dep.perPropertyPreprocessors(this);
        }
    }

    public void addDependency(PostSortRec before, PostSortRec after) {
        List<PostSortRec> edge = new ArrayList<>(2);
        edge.add(before);
        edge.add(after);
        dependencies.add(edge);
    }

    /** The states of a mapper registered with the given flags ({@code states_for_mapper_hierarchy}). */
    public List<InstanceState> statesFor(Mapper mapper, boolean isdelete, boolean listonly) {
        List<InstanceState> out = new ArrayList<>();
        for (InstanceState s : statesOf(mapper)) {
            Entry e = states.get(s);
            if (e.isdelete() == isdelete && e.listonly() == listonly) {
                out.add(s);
            }
        }
        return out;
    }

    public Set<InstanceState> statesOf(Mapper mapper) {
        return mappers.getOrDefault(mapper, Set.of());
    }

    /**
     * States of one mapper as a set built from {@code uow.mappers[mapper]} iterates them: by
     * address, which nothing in the scenario fixes (see {@link dev.cascadeviz.orm.PropSetOrder}).
     */
    List<InstanceState> inSetOrder(Mapper mapper, List<InstanceState> states) {
        return session.propSetOrder().arrangeSet(
                PropSetOrder.FLUSH_KEY_PREFIX + mapper.className(), states, UnitOfWork::label);
    }

    /**
     * The states a per-state dependency action of a cycle processes together
     * ({@code ProcessState.execute_aggregate}: the popped record's state, then its siblings'):
     * by the addresses of the action records, which are objects of their own, so their order is
     * a set of its own ({@code flush:flush N ProcessState(...) states}), not the states' set
     * {@code uow.mappers[mapper]}: one flush can load the Bees' collections in one order and
     * delete their association rows in the other (fidelity/cycle_per_state_action_siblings_order,
     * r8402_0072). Unless told otherwise it is the states' set order, as before.
     */
    List<InstanceState> siblingsOrder(PostSortRec popped, List<InstanceState> states) {
        List<InstanceState> byStates = inSetOrder(states.get(0).mapper(), states);
        return session.propSetOrder().arrangeSet(PropSetOrder.FLUSH_KEY_PREFIX + "flush " + session.flushes() + " "
                + popped.aggregateLabel() + " states", byStates, UnitOfWork::label);
    }

    /** A state's name in a chosen set order: its class and identity, or its place among the new objects. */
    private static String label(InstanceState state) {
        if (state.key() == null) {
            return state.mapper().className() + "(new #" + state.insertOrder() + ")";
        }
        StringBuilder b = new StringBuilder(state.mapper().className()).append('(');
        for (int i = 0; i < state.key().size(); i++) {
            b.append(i == 0 ? "" : ", ").append(state.key().get(i));
        }
        return b.append(')').toString();
    }

    public boolean hasMapper(Mapper mapper) {
        return mappers.containsKey(mapper);
    }

    /** The mappers whose states a processor's action iterates ({@code IterateMappersMixin._mappers}). */
    List<Mapper> mappersFor(DependencyProcessor processor, boolean fromparent) {
        return List.of(fromparent ? processor.parent() : processor.mapper());
    }

    Set<DependencyProcessor> depsOf(Mapper mapper) {
        return deps.getOrDefault(mapper, Set.of());
    }

    List<InstanceState> filterStatesForDep(DependencyProcessor dep, List<InstanceState> states) {
        List<InstanceState> out = new ArrayList<>();
        for (InstanceState s : states) {
            if (s.mapper() == dep.parent()) {
                out.add(s);
            }
        }
        return out;
    }

    // ---- memoized actions ({@code PostSortRec.__new__})

    @SuppressWarnings("unchecked")
    private <T extends PostSortRec> T memoized(T candidate) {
        return (T) postsortActions.computeIfAbsent(candidate.key(), k -> candidate);
    }

    public Actions.SaveUpdateAll saveUpdateAll(Mapper mapper) {
        return memoized(new Actions.SaveUpdateAll(mapper));
    }

    public Actions.DeleteAll deleteAll(Mapper mapper) {
        return memoized(new Actions.DeleteAll(mapper));
    }

    public Actions.ProcessAll processAll(DependencyProcessor processor, boolean isdelete, boolean fromparent) {
        boolean existed = postsortActions.containsKey(List.of("ProcessAll", processor, isdelete, fromparent));
        Actions.ProcessAll rec = memoized(new Actions.ProcessAll(processor, isdelete, fromparent));
        if (!existed) {
            deps.computeIfAbsent(processor.parent(), m -> new LinkedHashSet<>()).add(processor);
        }
        return rec;
    }

    public Actions.PostUpdateAll postUpdateAll(Mapper mapper, boolean isdelete) {
        return memoized(new Actions.PostUpdateAll(mapper, isdelete));
    }

    public Actions.ProcessState processState(DependencyProcessor processor, boolean isdelete, InstanceState state) {
        return memoized(new Actions.ProcessState(processor, isdelete, state));
    }

    public Actions.SaveUpdateState saveUpdateState(InstanceState state) {
        return memoized(new Actions.SaveUpdateState(state));
    }

    public Actions.DeleteState deleteState(InstanceState state) {
        return memoized(new Actions.DeleteState(state));
    }

    public boolean inCycles(PostSortRec rec) {
        return cycles.contains(rec);
    }

    // ---- execution

    private List<PostSortRec> generateActions() {
        boolean again = true;
        while (again) {
            again = false;
            for (Preprocess p : new ArrayList<>(presortActions.values())) {
                if (p.execute(this)) {
                    again = true;
                }
            }
        }
        cycles = TopologicalSort.findCycles(dependencies, new ArrayList<>(postsortActions.values()));
        if (!cycles.isEmpty()) {
            // convert = {rec: set(rec.per_state_flush_actions(self)) for rec in cycles}: `cycles` is
            // a set of actions, iterated by address, and breaking a SaveUpdateAll or DeleteAll into
            // per-state actions asks each of its processors for get_all_pending, which loads what a
            // delete cascade needs: the order of those SELECTs is this set's order (PropSetOrder),
            // the actions' order of creation unless told otherwise
            List<PostSortRec> breaking = new ArrayList<>();
            for (PostSortRec rec : cycles) {
                if (rec.breaksIntoStates(this)) {
                    breaking.add(rec);
                }
            }
            breaking = session.propSetOrder().arrangeSet(
                    PropSetOrder.FLUSH_KEY_PREFIX + "flush " + session.flushes() + " cycles", breaking, PostSortRec::aggregateLabel);
            Map<PostSortRec, List<PostSortRec>> convert = new LinkedHashMap<>();
            for (PostSortRec rec : breaking) {
                convert.put(rec, rec.perStateFlushActions(this));
            }
            for (PostSortRec rec : cycles) {
                convert.computeIfAbsent(rec, r -> r.perStateFlushActions(this));
            }
            for (List<PostSortRec> edge : new ArrayList<>(dependencies)) {
                PostSortRec a = edge.get(0);
                PostSortRec b = edge.get(1);
                if (a == null || b == null || a.disabled || b.disabled || (cycles.contains(a) && cycles.contains(b))) {
                    dependencies.remove(edge);
                } else if (cycles.contains(a)) {
                    dependencies.remove(edge);
                    for (PostSortRec dep : convert.get(a)) {
                        addDependency(dep, b);
                    }
                } else if (cycles.contains(b)) {
                    dependencies.remove(edge);
                    for (PostSortRec dep : convert.get(b)) {
                        addDependency(a, dep);
                    }
                }
            }
        }
        List<PostSortRec> actions = new ArrayList<>();
        for (PostSortRec rec : postsortActions.values()) {
            if (!rec.disabled && !cycles.contains(rec)) {
                actions.add(rec);
            }
        }
        return actions;
    }

    /** {@code UOWTransaction.execute}. */
    public void execute() {
        List<PostSortRec> actions = generateActions();
        actions.sort((a, b) -> PostSortRec.compareSortKeys(a.sortKey(), b.sortKey()));
        Iterator<List<PostSortRec>> layers = TopologicalSort.sortAsSubsets(dependencies, actions);
        if (!cycles.isEmpty()) {
            int layer = 0;
            while (layers.hasNext()) {
                // set(subset).pop(): each layer's actions run by address (PropSetOrder), each
                // taking its siblings of the same kind along (execute_aggregate)
                layer++;
                List<PostSortRec> subset = session.propSetOrder().arrangeSet(
                        PropSetOrder.FLUSH_KEY_PREFIX + "flush " + session.flushes() + " cycle layer " + layer,
                        layers.next(), PostSortRec::aggregateLabel);
                Set<PostSortRec> set = new LinkedHashSet<>(subset);
                while (!set.isEmpty()) {
                    PostSortRec n = set.iterator().next();
                    set.remove(n);
                    n.executeAggregate(this, set);
                }
            }
        } else {
            while (layers.hasNext()) {
                for (PostSortRec rec : layers.next()) {
                    rec.execute(this);
                }
            }
        }
    }

    /** {@code finalize_flush_changes}: deleted states leave the session, the rest are committed. */
    public void finalizeFlushChanges() {
        List<InstanceState> deleted = new ArrayList<>();
        List<InstanceState> other = new ArrayList<>();
        states.forEach((s, e) -> (e.isdelete() ? deleted : other).add(s));
        session.removeNewlyDeleted(deleted);
        session.registerPersistent(other);
    }
}
