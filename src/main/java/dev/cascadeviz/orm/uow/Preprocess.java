package dev.cascadeviz.orm.uow;

import dev.cascadeviz.orm.InstanceState;
import dev.cascadeviz.orm.Mapper;
import dev.cascadeviz.orm.dependency.DependencyProcessor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code unitofwork.Preprocess}: runs a dependency processor's presort step over the states
 * not yet seen (which may register more states), and sets up its flush actions once it has
 * something to do.
 */
final class Preprocess {

    private final DependencyProcessor processor;
    private final boolean fromparent;
    private final Set<InstanceState> processed = new LinkedHashSet<>();
    private boolean setupFlushActions;

    Preprocess(DependencyProcessor processor, boolean fromparent) {
        this.processor = processor;
        this.fromparent = fromparent;
    }

    boolean execute(UnitOfWork uow) {
        List<InstanceState> deleteStates = new ArrayList<>();
        List<InstanceState> saveStates = new ArrayList<>();
        for (Mapper mapper : uow.mappersFor(processor, fromparent)) {
            for (InstanceState state : new ArrayList<>(uow.statesOf(mapper))) {
                if (processed.contains(state)) {
                    continue;
                }
                UnitOfWork.Entry e = uow.entry(state);
                if (!e.listonly()) {
                    (e.isdelete() ? deleteStates : saveStates).add(state);
                }
            }
        }
        // delete_states and save_states are sets of states: iterated by address
        deleteStates = inSetOrder(uow, deleteStates);
        saveStates = inSetOrder(uow, saveStates);
        if (!deleteStates.isEmpty()) {
            List<InstanceState> states = deleteStates;
            uow.session().presortCall(uow::historyObjects, () -> processor.presortDeletes(uow, states));
            processed.addAll(deleteStates);
        }
        if (!saveStates.isEmpty()) {
            List<InstanceState> states = saveStates;
            uow.session().presortCall(uow::historyObjects, () -> processor.presortSaves(uow, states));
            processed.addAll(saveStates);
        }
        if (deleteStates.isEmpty() && saveStates.isEmpty()) {
            return false;
        }
        if (!setupFlushActions && (processor.propHasChanges(uow, deleteStates, true)
                || processor.propHasChanges(uow, saveStates, false))) {
            processor.perPropertyFlushActions(uow);
            setupFlushActions = true;
        }
        return true;
    }

    private static List<InstanceState> inSetOrder(UnitOfWork uow, List<InstanceState> states) {
        return states.isEmpty() ? states : uow.inSetOrder(states.get(0).mapper(), states);
    }
}
