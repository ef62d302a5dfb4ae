package dev.cascadeviz.orm.dependency;

import dev.cascadeviz.orm.History;
import dev.cascadeviz.orm.InstanceState;
import dev.cascadeviz.orm.Passive;
import dev.cascadeviz.orm.RelProp;
import dev.cascadeviz.orm.Why;
import dev.cascadeviz.orm.persistence.Sync;
import dev.cascadeviz.orm.uow.PostSortRec;
import dev.cascadeviz.orm.uow.UnitOfWork;
import java.util.List;

/**
 * {@code ManyToOneDP}: the parent (this relationship's owner) holds the foreign key to the
 * target. A delete cascade here deletes the referenced object after the referencing one.
 */
final class ManyToOneDP extends DependencyProcessor {

    ManyToOneDP(RelProp prop) {
        super(prop);
    }

    @Override
    protected void perPropertyDependencies(UnitOfWork uow, PostSortRec parentSaves, PostSortRec childSaves,
                                           PostSortRec parentDeletes, PostSortRec childDeletes,
                                           PostSortRec afterSave, PostSortRec beforeDelete) {
        if (prop.postUpdate()) {
            PostSortRec parentPostUpdates = postUpdates(uow, parent(), false);
            PostSortRec parentPreUpdates = postUpdates(uow, parent(), true);
            edges(uow, childSaves, afterSave, parentSaves, afterSave, afterSave, parentPostUpdates,
                    afterSave, parentPreUpdates, beforeDelete, parentPreUpdates, parentPreUpdates, childDeletes,
                    parentPreUpdates, parentDeletes);
        } else {
            edges(uow, childSaves, afterSave, afterSave, parentSaves, parentSaves, childDeletes,
                    parentDeletes, childDeletes);
        }
    }

    @Override
    protected void perStateDependencies(UnitOfWork uow, PostSortRec saveParent, PostSortRec deleteParent,
                                        PostSortRec childAction, PostSortRec afterSave, PostSortRec beforeDelete,
                                        boolean isdelete, boolean childisdelete) {
        if (prop.postUpdate()) {
            if (!isdelete) {
                PostSortRec parentPostUpdates = postUpdates(uow, parent(), false);
                if (childisdelete) {
                    edges(uow, afterSave, parentPostUpdates, parentPostUpdates, childAction);
                } else {
                    edges(uow, saveParent, afterSave, childAction, afterSave, afterSave, parentPostUpdates);
                }
            } else {
                PostSortRec parentPreUpdates = postUpdates(uow, parent(), true);
                edges(uow, beforeDelete, parentPreUpdates, parentPreUpdates, deleteParent, parentPreUpdates,
                        childAction);
            }
        } else if (!isdelete) {
            if (!childisdelete) {
                edges(uow, childAction, afterSave, afterSave, saveParent);
            } else {
                edges(uow, afterSave, saveParent);
            }
        } else if (childisdelete) {
            edges(uow, deleteParent, childAction);
        }
    }

    @Override
    public void presortDeletes(UnitOfWork uow, List<InstanceState> states) {
        if (!cascadeDelete() && !cascadeDeleteOrphan()) {
            return;
        }
        for (InstanceState state : states) {
            History history = uow.attributeHistory(state, prop, passiveDeleteFlag());
            if (!history.present()) {
                continue;
            }
            List<InstanceState> todelete = cascadeDeleteOrphan() ? history.sum() : history.nonDeleted();
            for (InstanceState child : todelete) {
                if (child == null) {
                    continue;
                }
                registerDeleteWithCascade(uow, child, Why.cascadedDelete(prop));
            }
        }
    }

    @Override
    public void presortSaves(UnitOfWork uow, List<InstanceState> states) {
        for (InstanceState state : states) {
            uow.registerObject(state, false, false, false, "add", prop);
            if (cascadeDeleteOrphan()) {
                History history = uow.attributeHistory(state, prop, passiveDeleteFlag());
                if (history.present()) {
                    for (InstanceState child : history.deleted()) {
                        if (child != null && !hasParent(child)) {
                            registerDeleteWithCascade(uow, child, Why.orphanDelete(prop));
                        }
                    }
                }
            }
        }
    }

    @Override
    public void processDeletes(UnitOfWork uow, List<InstanceState> states) {
        if (prop.postUpdate() && !cascadeDeleteOrphan() && !passiveDeletesAll()) {
            for (InstanceState state : states) {
                clear(state, uow);
                History history = uow.attributeHistory(state, prop, passiveDeleteFlag());
                if (history.present()) {
                    postUpdate(state, uow, history.sum(), true);
                }
            }
        }
    }

    @Override
    public void processSaves(UnitOfWork uow, List<InstanceState> states) {
        for (InstanceState state : states) {
            History history = uow.attributeHistory(state, prop, Passive.NO_INITIALIZE);
            if (!history.present()) {
                continue;
            }
            if (!history.added().isEmpty()) {
                for (InstanceState child : history.added()) {
                    populate(state, child, uow, "add");
                }
            } else if (!history.deleted().isEmpty()) {
                clear(state, uow);
            }
            if (prop.postUpdate()) {
                postUpdate(state, uow, history.sum(), false);
            }
        }
    }

    /** {@code _synchronize(state, None, clearkeys=True)}: blank this object's own foreign key. */
    private void clear(InstanceState state, UnitOfWork uow) {
        if (state == null || (!prop.postUpdate() && uow.isDeleted(state))) {
            return;
        }
        Sync.clear(uow.session(), state, prop.synchronizePairs());
    }

    private void populate(InstanceState state, InstanceState child, UnitOfWork uow, String operation) {
        if (state == null || (!prop.postUpdate() && uow.isDeleted(state))) {
            return;
        }
        if (child != null && !uow.session().containsState(child)) {
            uow.session().warn("Object of type <" + child.mapper().className() + "> not in session, " + operation
                    + " operation along '" + prop + "' won't proceed");
            return;
        }
        if (child == null) {
            Sync.clear(uow.session(), state, prop.synchronizePairs());
        } else {
            Sync.populate(uow.session(), child, state, prop.synchronizePairs());
            uow.session().explainOwnWrite(state);
        }
    }
}
