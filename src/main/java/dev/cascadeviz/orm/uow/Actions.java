package dev.cascadeviz.orm.uow;

import dev.cascadeviz.orm.InstanceState;
import dev.cascadeviz.orm.Mapper;
import dev.cascadeviz.orm.OrmException;
import dev.cascadeviz.orm.Why;
import dev.cascadeviz.orm.dependency.DependencyProcessor;
import dev.cascadeviz.orm.persistence.Persistence;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The unit of work's action kinds, as in {@code unitofwork.py}. */
public final class Actions {

    private Actions() {
    }

    /**
     * {@code execute_aggregate}'s gathering: this action's state, then the states of the other
     * actions of the same kind ready in the same layer, which are taken out of {@code recs}.
     *
     * @param stateOf the state of a same-kind action, null for any other action
     */
    static List<InstanceState> takeStates(InstanceState first, Set<PostSortRec> recs,
                                          Function<PostSortRec, InstanceState> stateOf) {
        List<InstanceState> states = new ArrayList<>();
        states.add(first);
        for (Iterator<PostSortRec> it = recs.iterator(); it.hasNext(); ) {
            InstanceState s = stateOf.apply(it.next());
            if (s != null) {
                states.add(s);
                it.remove();
            }
        }
        return states;
    }

    /** {@code ProcessAll}: a dependency processor's saves or deletes for all its states. */
    public static final class ProcessAll extends PostSortRec {
        final DependencyProcessor processor;
        final boolean isdelete;
        final boolean fromparent;

        ProcessAll(DependencyProcessor processor, boolean isdelete, boolean fromparent) {
            this.processor = processor;
            this.isdelete = isdelete;
            this.fromparent = fromparent;
        }

        @Override
        List<Object> key() {
            return List.of("ProcessAll", processor, isdelete, fromparent);
        }

        @Override
        List<Comparable<?>> sortKey() {
            return List.of("ProcessAll", processor.sortKey(), isdelete);
        }

        @Override
        void execute(UnitOfWork uow) {
            List<InstanceState> states = new ArrayList<>();
            for (Mapper m : uow.mappersFor(processor, fromparent)) {
                List<InstanceState> ofMapper = new ArrayList<>();
                for (InstanceState s : uow.statesOf(m)) {
                    UnitOfWork.Entry e = uow.entry(s);
                    if (e.isdelete() == isdelete && !e.listonly()) {
                        ofMapper.add(s);
                    }
                }
                // _elements iterates the set uow.mappers[m]: by address
                states.addAll(uow.inSetOrder(m, ofMapper));
            }
            uow.session().because(Why.process(processor.prop(), isdelete), () -> {
                if (isdelete) {
                    processor.processDeletes(uow, states);
                } else {
                    processor.processSaves(uow, states);
                }
            });
        }

        @Override
        public String toString() {
            return "ProcessAll(" + processor + ", isdelete=" + isdelete + ")";
        }
    }

    /** {@code PostUpdateAll}: the post_update UPDATEs of one mapper. */
    public static final class PostUpdateAll extends PostSortRec {
        final Mapper mapper;
        final boolean isdelete;

        PostUpdateAll(Mapper mapper, boolean isdelete) {
            this.mapper = mapper;
            this.isdelete = isdelete;
        }

        @Override
        List<Object> key() {
            return List.of("PostUpdateAll", mapper, isdelete);
        }

        @Override
        List<Comparable<?>> sortKey() {
            return List.of("PostUpdateAll", mapper.sortKey(), isdelete);
        }

        @Override
        void execute(UnitOfWork uow) {
            UnitOfWork.PostUpdates pu = uow.postUpdates(mapper);
            List<InstanceState> states = new ArrayList<>();
            for (InstanceState s : pu.states) {
                UnitOfWork.Entry e = uow.entry(s);
                if (e == null) {
                    // uow.states[s]: a post update registered for an object the flush never took in
                    // (a one-to-many with post_update and passive_deletes='all' whose parent is deleted)
                    throw new OrmException("KeyError", "<sqlalchemy.orm.state.InstanceState object at 0x…>");
                }
                if (e.isdelete() == isdelete) {
                    states.add(s);
                }
            }
            Persistence.postUpdate(uow, mapper, states, pu.columns);
        }

        @Override
        public String toString() {
            return "PostUpdateAll(" + mapper + ", isdelete=" + isdelete + ")";
        }
    }

    /** {@code SaveUpdateAll}: INSERT/UPDATE of every state of a mapper registered for save. */
    public static final class SaveUpdateAll extends PostSortRec {
        final Mapper mapper;

        SaveUpdateAll(Mapper mapper) {
            this.mapper = mapper;
        }

        @Override
        List<Object> key() {
            return List.of("SaveUpdateAll", mapper);
        }

        @Override
        List<Comparable<?>> sortKey() {
            return List.of("SaveUpdateAll", mapper.sortKey());
        }

        @Override
        void execute(UnitOfWork uow) {
            Persistence.saveObj(uow, mapper, uow.statesFor(mapper, false, false));
        }

        @Override
        boolean breaksIntoStates(UnitOfWork uow) {
            return !uow.statesFor(mapper, false, false).isEmpty();
        }

        @Override
        List<PostSortRec> perStateFlushActions(UnitOfWork uow) {
            // states_for_mapper_hierarchy iterates uow.mappers[mapper], the set Preprocess iterates
            List<InstanceState> states = uow.inSetOrder(mapper, uow.statesFor(mapper, false, false));
            DeleteAll deleteAll = uow.deleteAll(mapper);
            List<PostSortRec> out = new ArrayList<>();
            for (InstanceState s : states) {
                SaveUpdateState action = uow.saveUpdateState(s);
                uow.addDependency(action, deleteAll);
                out.add(action);
            }
            for (DependencyProcessor dep : uow.depsOf(mapper)) {
                dep.perStateFlushActions(uow, uow.filterStatesForDep(dep, states), false);
            }
            return out;
        }

        @Override
        String aggregateLabel() {
            return "SaveUpdateAll(" + mapper.className() + ")";
        }

        @Override
        public String toString() {
            return "SaveUpdateAll(" + mapper + ")";
        }
    }

    /** {@code DeleteAll}: DELETE of every state of a mapper registered for delete. */
    public static final class DeleteAll extends PostSortRec {
        final Mapper mapper;

        DeleteAll(Mapper mapper) {
            this.mapper = mapper;
        }

        @Override
        List<Object> key() {
            return List.of("DeleteAll", mapper);
        }

        @Override
        List<Comparable<?>> sortKey() {
            return List.of("DeleteAll", mapper.sortKey());
        }

        @Override
        void execute(UnitOfWork uow) {
            Persistence.deleteObj(uow, mapper, uow.statesFor(mapper, true, false));
        }

        @Override
        boolean breaksIntoStates(UnitOfWork uow) {
            return !uow.statesFor(mapper, true, false).isEmpty();
        }

        @Override
        List<PostSortRec> perStateFlushActions(UnitOfWork uow) {
            // states_for_mapper_hierarchy iterates uow.mappers[mapper], the set Preprocess iterates
            List<InstanceState> states = uow.inSetOrder(mapper, uow.statesFor(mapper, true, false));
            SaveUpdateAll saveAll = uow.saveUpdateAll(mapper);
            List<PostSortRec> out = new ArrayList<>();
            for (InstanceState s : states) {
                DeleteState action = uow.deleteState(s);
                uow.addDependency(saveAll, action);
                out.add(action);
            }
            for (DependencyProcessor dep : uow.depsOf(mapper)) {
                dep.perStateFlushActions(uow, uow.filterStatesForDep(dep, states), true);
            }
            return out;
        }

        @Override
        String aggregateLabel() {
            return "DeleteAll(" + mapper.className() + ")";
        }

        @Override
        public String toString() {
            return "DeleteAll(" + mapper + ")";
        }
    }

    /** {@code ProcessState}: a dependency processor's work for one state (cycles). */
    public static final class ProcessState extends PostSortRec {
        final DependencyProcessor processor;
        final boolean isdelete;
        final InstanceState state;

        ProcessState(DependencyProcessor processor, boolean isdelete, InstanceState state) {
            this.processor = processor;
            this.isdelete = isdelete;
            this.state = state;
        }

        @Override
        List<Object> key() {
            return List.of("ProcessState", processor, isdelete, state);
        }

        @Override
        List<Comparable<?>> sortKey() {
            return List.of("ProcessState", processor.sortKey());
        }

        @Override
        void execute(UnitOfWork uow) {
            executeAggregate(uow, new LinkedHashSet<>());
        }

        @Override
        void executeAggregate(UnitOfWork uow, Set<PostSortRec> recs) {
            // [self.state] + [r.state for r in our_recs]: the popped record's state, then its
            // siblings' as the layer's set of records gives them, by the records' addresses, which
            // are not the states' (UnitOfWork.siblingsOrder)
            List<InstanceState> states = uow.siblingsOrder(this, takeStates(state, recs, r -> r instanceof ProcessState p
                    && p.processor == processor && p.isdelete == isdelete ? p.state : null));
            uow.session().because(Why.process(processor.prop(), isdelete), () -> {
                if (isdelete) {
                    processor.processDeletes(uow, states);
                } else {
                    processor.processSaves(uow, states);
                }
            });
        }

        @Override
        String aggregateLabel() {
            return "ProcessState(" + processor + ", delete=" + isdelete + ")";
        }

        @Override
        public String toString() {
            return "ProcessState(" + processor + ", " + state + ", delete=" + isdelete + ")";
        }
    }

    /** {@code SaveUpdateState}: INSERT/UPDATE of one state (cycles). */
    public static final class SaveUpdateState extends PostSortRec {
        final InstanceState state;

        SaveUpdateState(InstanceState state) {
            this.state = state;
        }

        @Override
        List<Object> key() {
            return List.of("SaveUpdateState", state);
        }

        @Override
        List<Comparable<?>> sortKey() {
            return List.of("ProcessState", state.mapper().sortKey());
        }

        @Override
        void execute(UnitOfWork uow) {
            executeAggregate(uow, new LinkedHashSet<>());
        }

        @Override
        void executeAggregate(UnitOfWork uow, Set<PostSortRec> recs) {
            List<InstanceState> states = takeStates(state, recs, r -> r instanceof SaveUpdateState s
                    && s.state.mapper() == state.mapper() ? s.state : null);
            Persistence.saveObj(uow, state.mapper(), states);
        }

        @Override
        String aggregateLabel() {
            return "SaveUpdateState(" + state.mapper().className() + ")";
        }

        @Override
        public String toString() {
            return "SaveUpdateState(" + state + ")";
        }
    }

    /** {@code DeleteState}: DELETE of one state (cycles); siblings ready at once go in one batch. */
    public static final class DeleteState extends PostSortRec {
        final InstanceState state;

        DeleteState(InstanceState state) {
            this.state = state;
        }

        @Override
        List<Object> key() {
            return List.of("DeleteState", state);
        }

        @Override
        List<Comparable<?>> sortKey() {
            return List.of("DeleteState", state.mapper().sortKey());
        }

        @Override
        void execute(UnitOfWork uow) {
            executeAggregate(uow, new LinkedHashSet<>());
        }

        @Override
        void executeAggregate(UnitOfWork uow, Set<PostSortRec> recs) {
            List<InstanceState> states = takeStates(state, recs, r -> r instanceof DeleteState d
                    && d.state.mapper() == state.mapper() ? d.state : null);
            List<InstanceState> toDelete = new ArrayList<>();
            for (InstanceState s : states) {
                if (uow.entry(s).isdelete()) {
                    toDelete.add(s);
                }
            }
            Persistence.deleteObj(uow, state.mapper(), toDelete);
        }

        @Override
        String aggregateLabel() {
            return "DeleteState(" + state.mapper().className() + ")";
        }

        @Override
        public String toString() {
            return "DeleteState(" + state + ")";
        }
    }
}
