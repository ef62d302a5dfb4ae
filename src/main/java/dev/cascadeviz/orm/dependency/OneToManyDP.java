package dev.cascadeviz.orm.dependency;

import dev.cascadeviz.orm.History;
import dev.cascadeviz.orm.InstanceState;
import dev.cascadeviz.orm.Passive;
import dev.cascadeviz.orm.RelProp;
import dev.cascadeviz.orm.Why;
import dev.cascadeviz.orm.persistence.Sync;
import dev.cascadeviz.orm.uow.PostSortRec;
import dev.cascadeviz.orm.uow.UnitOfWork;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code OneToManyDP}: the parent holds the collection, the child holds the foreign key. On
 * delete of the parent the children are deleted (delete cascade) or their keys nulled (no
 * delete cascade, unless passive_deletes='all'), before the parent's DELETE.
 */
final class OneToManyDP extends DependencyProcessor {

    OneToManyDP(RelProp prop) {
        super(prop);
    }

    @Override
    protected void perPropertyDependencies(UnitOfWork uow, PostSortRec parentSaves, PostSortRec childSaves,
                                           PostSortRec parentDeletes, PostSortRec childDeletes,
                                           PostSortRec afterSave, PostSortRec beforeDelete) {
        if (prop.postUpdate()) {
            PostSortRec childPostUpdates = postUpdates(uow, mapper(), false);
            PostSortRec childPreUpdates = postUpdates(uow, mapper(), true);
            edges(uow, childSaves, afterSave, parentSaves, afterSave, afterSave, childPostUpdates,
                    beforeDelete, childPreUpdates, childPreUpdates, parentDeletes, childPreUpdates, childDeletes);
        } else {
            edges(uow, parentSaves, afterSave, afterSave, childSaves, afterSave, childDeletes,
                    childSaves, parentDeletes, childDeletes, parentDeletes, beforeDelete, childSaves,
                    beforeDelete, childDeletes);
        }
    }

    @Override
    protected void perStateDependencies(UnitOfWork uow, PostSortRec saveParent, PostSortRec deleteParent,
                                        PostSortRec childAction, PostSortRec afterSave, PostSortRec beforeDelete,
                                        boolean isdelete, boolean childisdelete) {
        if (prop.postUpdate()) {
            PostSortRec childPostUpdates = postUpdates(uow, mapper(), false);
            PostSortRec childPreUpdates = postUpdates(uow, mapper(), true);
            if (!isdelete) {
                if (childisdelete) {
                    edges(uow, childAction, afterSave, afterSave, childPostUpdates);
                } else {
                    edges(uow, saveParent, afterSave, childAction, afterSave, afterSave, childPostUpdates);
                }
            } else {
                edges(uow, beforeDelete, childPreUpdates, childPreUpdates, deleteParent);
            }
        } else if (!isdelete) {
            edges(uow, saveParent, afterSave, afterSave, childAction, saveParent, childAction);
        } else {
            edges(uow, beforeDelete, childAction, childAction, deleteParent);
        }
    }

    @Override
    public void presortDeletes(UnitOfWork uow, List<InstanceState> states) {
        boolean shouldNullFks = !cascadeDelete() && !passiveDeletesAll();
        for (InstanceState state : states) {
            History history = uow.attributeHistory(state, prop, passiveDeleteFlag());
            if (history.present()) {
                for (InstanceState child : history.deleted()) {
                    if (child != null && !hasParent(child)) {
                        if (cascadeDeleteOrphan()) {
                            uow.session().explainDelete(child, Why.orphanDelete(prop), false);
                            uow.registerObject(child, true);
                        } else {
                            uow.registerObject(child, false);
                        }
                    }
                }
                if (shouldNullFks) {
                    for (InstanceState child : history.unchanged()) {
                        if (child != null) {
                            uow.registerObject(child, false, false, false, "delete", prop);
                        }
                    }
                }
            }
        }
    }

    @Override
    public void presortSaves(UnitOfWork uow, List<InstanceState> states) {
        Set<InstanceState> childrenAdded = uow.memo(List.of("children_added", this), LinkedHashSet::new);
        boolean shouldNullFks = !cascadeDeleteOrphan() && !passiveDeletesAll();
        for (InstanceState state : states) {
            boolean pksChanged = pksChanged(uow, state);
            History history = uow.attributeHistory(state, prop,
                    pksChanged && !prop.passiveUpdates() ? Passive.OFF : Passive.NO_INITIALIZE_PENDING);
            if (pksChanged && history.present()) {
                for (InstanceState child : history.unchanged()) {
                    if (child != null) {
                        uow.registerObject(child, false, prop.passiveUpdates(), false, "pk change", prop);
                    }
                }
            }
            if (history.present()) {
                for (InstanceState child : history.added()) {
                    if (child != null) {
                        uow.registerObject(child, false, false, true, "add", prop);
                    }
                }
                childrenAdded.addAll(history.added());
                for (InstanceState child : history.deleted()) {
                    if (!cascadeDeleteOrphan()) {
                        if (shouldNullFks) {
                            uow.registerObject(child, false, false, false, "delete", prop);
                        }
                    } else if (!hasParent(child)) {
                        registerDeleteWithCascade(uow, child, Why.orphanDelete(prop));
                    }
                }
            }
        }
    }

    @Override
    public void processDeletes(UnitOfWork uow, List<InstanceState> states) {
        if (!prop.postUpdate() && passiveDeletesAll()) {
            return;
        }
        Set<InstanceState> childrenAdded = uow.memo(List.of("children_added", this), LinkedHashSet::new);
        for (InstanceState state : states) {
            History history = uow.attributeHistory(state, prop, passiveDeleteFlag());
            if (!history.present()) {
                continue;
            }
            for (InstanceState child : history.deleted()) {
                if (child != null && !hasParent(child)) {
                    synchronize(state, child, true, uow);
                    if (prop.postUpdate()) {
                        postUpdate(child, uow, List.of(state), false);
                    }
                }
            }
            if (prop.postUpdate() || !cascadeDelete()) {
                Set<InstanceState> unchanged = new LinkedHashSet<>(history.unchanged());
                unchanged.removeAll(childrenAdded);
                for (InstanceState child : unchanged) {
                    if (child != null) {
                        synchronize(state, child, true, uow);
                        if (prop.postUpdate()) {
                            postUpdate(child, uow, List.of(state), false);
                        }
                    }
                }
            }
        }
    }

    @Override
    public void processSaves(UnitOfWork uow, List<InstanceState> states) {
        boolean shouldNullFks = !cascadeDeleteOrphan() && !passiveDeletesAll();
        for (InstanceState state : states) {
            History history = uow.attributeHistory(state, prop, Passive.NO_INITIALIZE);
            if (!history.present()) {
                continue;
            }
            for (InstanceState child : history.added()) {
                synchronizePopulate(state, child, uow);
                if (child != null && prop.postUpdate()) {
                    postUpdate(child, uow, List.of(state), false);
                }
            }
            for (InstanceState child : history.deleted()) {
                if (shouldNullFks && !cascadeDeleteOrphan() && !hasParent(child)) {
                    synchronize(state, child, true, uow);
                }
            }
            if (pksChanged(uow, state)) {
                for (InstanceState child : history.unchanged()) {
                    uow.session().because(Why.keyChanged(prop), () -> synchronizePopulate(state, child, uow));
                }
            }
        }
    }

    /** {@code sync.source_modified}: a referenced column of the parent changed from a committed value. */
    private boolean pksChanged(UnitOfWork uow, InstanceState state) {
        for (var pair : prop.synchronizePairs()) {
            if (uow.session().attributes().columnReplaced(state, pair.referenced().column())) {
                return true;
            }
        }
        return false;
    }

    /** {@code _synchronize} with clearkeys: blank the child's foreign key. */
    private void synchronize(InstanceState state, InstanceState child, boolean clearKeys, UnitOfWork uow) {
        verifyCanload(child);
        if (child == null || (!prop.postUpdate() && uow.isDeleted(child))) {
            return;
        }
        Sync.clear(uow.session(), child, prop.synchronizePairs());
    }

    private void synchronizePopulate(InstanceState state, InstanceState child, UnitOfWork uow) {
        verifyCanload(child);
        if (child == null || (!prop.postUpdate() && uow.isDeleted(child))) {
            return;
        }
        Sync.populate(uow.session(), state, child, prop.synchronizePairs());
    }
}
