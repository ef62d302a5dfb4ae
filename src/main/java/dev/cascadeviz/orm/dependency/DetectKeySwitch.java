package dev.cascadeviz.orm.dependency;

import dev.cascadeviz.orm.InstanceState;
import dev.cascadeviz.orm.Passive;
import dev.cascadeviz.orm.RelProp;
import dev.cascadeviz.orm.Why;
import dev.cascadeviz.orm.persistence.Sync;
import dev.cascadeviz.orm.uow.PostSortRec;
import dev.cascadeviz.orm.uow.UnitOfWork;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code dependency.DetectKeySwitch}: for a many-to-one with no one-to-many partner that
 * handles it, when the referenced object's primary key changes, the objects in the session that
 * point at it get the new key: written by their own UPDATE with passive_updates=False, only in
 * memory with True (the database's ON UPDATE rule changes the rows).
 */
final class DetectKeySwitch extends DependencyProcessor {

    DetectKeySwitch(RelProp prop) {
        super(prop);
    }

    @Override
    public void perPropertyPreprocessors(UnitOfWork uow) {
        RelProp reverse = prop.reverse();
        if (reverse != null && (prop.passiveUpdates() || !reverse.passiveUpdates())) {
            return;
        }
        uow.registerPreprocessor(this, false);
    }

    @Override
    public void perPropertyFlushActions(UnitOfWork uow) {
        PostSortRec parentSaves = uow.saveUpdateAll(parent());
        PostSortRec afterSave = uow.processAll(this, false, false);
        uow.addDependency(parentSaves, afterSave);
    }

    @Override
    public void perStateFlushActions(UnitOfWork uow, List<InstanceState> states, boolean isdelete) {
    }

    @Override
    protected void perPropertyDependencies(UnitOfWork uow, PostSortRec parentSaves, PostSortRec childSaves,
                                           PostSortRec parentDeletes, PostSortRec childDeletes,
                                           PostSortRec afterSave, PostSortRec beforeDelete) {
    }

    @Override
    protected void perStateDependencies(UnitOfWork uow, PostSortRec saveParent, PostSortRec deleteParent,
                                        PostSortRec childAction, PostSortRec afterSave, PostSortRec beforeDelete,
                                        boolean isdelete, boolean childisdelete) {
    }

    @Override
    public void presortSaves(UnitOfWork uow, List<InstanceState> states) {
        if (!prop.passiveUpdates()) {
            processKeySwitches(states, uow);
        }
    }

    @Override
    public boolean propHasChanges(UnitOfWork uow, List<InstanceState> states, boolean isdelete) {
        return !isdelete && prop.passiveUpdates() && !keySwitchers(uow, states).isEmpty();
    }

    @Override
    public void processSaves(UnitOfWork uow, List<InstanceState> states) {
        processKeySwitches(states, uow);
    }

    private Set<InstanceState> keySwitchers(UnitOfWork uow, List<InstanceState> states) {
        Set<InstanceState> switched = uow.memo(List.of("pk_switchers", this, true), LinkedHashSet::new);
        Set<InstanceState> notSwitched = uow.memo(List.of("pk_switchers", this, false), LinkedHashSet::new);
        for (InstanceState s : states) {
            if (!switched.contains(s) && !notSwitched.contains(s)) {
                (pksChanged(uow, s) ? switched : notSwitched).add(s);
            }
        }
        return switched;
    }

    private boolean pksChanged(UnitOfWork uow, InstanceState state) {
        if (!state.hasIdentity()) {
            return false;
        }
        for (var pair : prop.synchronizePairs()) {
            if (uow.session().attributes().columnReplaced(state, pair.referenced().column())) {
                return true;
            }
        }
        return false;
    }

    /** A linear search of the identity map for objects pointing at a switched key. */
    private void processKeySwitches(List<InstanceState> states, UnitOfWork uow) {
        Set<InstanceState> switchers = keySwitchers(uow, states);
        if (switchers.isEmpty()) {
            return;
        }
        for (InstanceState state : new ArrayList<>(uow.session().identityStates())) {
            if (state.mapper() != parent()) {
                continue;
            }
            Object related = uow.session().attributes().get(state, prop,
                    prop.passiveUpdates() ? Passive.NO_INITIALIZE : Passive.OFF);
            if (related instanceof InstanceState r && switchers.contains(r)) {
                uow.registerObject(state, false, prop.passiveUpdates(), false, null, null);
                uow.session().because(Why.keyChanged(prop), () -> Sync.populate(uow.session(), r, state,
                        prop.synchronizePairs()));
            }
        }
    }
}
