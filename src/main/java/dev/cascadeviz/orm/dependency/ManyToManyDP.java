package dev.cascadeviz.orm.dependency;

import dev.cascadeviz.orm.History;
import dev.cascadeviz.orm.InstanceState;
import dev.cascadeviz.orm.Passive;
import dev.cascadeviz.orm.RelProp;
import dev.cascadeviz.orm.Why;
import dev.cascadeviz.orm.persistence.Persistence;
import dev.cascadeviz.orm.uow.PostSortRec;
import dev.cascadeviz.orm.uow.UnitOfWork;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ManyToManyDP}: rows of the secondary table link the two sides; they are deleted
 * before either side, once per pair even when both directions are mapped.
 */
final class ManyToManyDP extends DependencyProcessor {

    ManyToManyDP(RelProp prop) {
        super(prop);
    }

    @Override
    protected void perPropertyDependencies(UnitOfWork uow, PostSortRec parentSaves, PostSortRec childSaves,
                                           PostSortRec parentDeletes, PostSortRec childDeletes,
                                           PostSortRec afterSave, PostSortRec beforeDelete) {
        edges(uow, parentSaves, afterSave, childSaves, afterSave, afterSave, childDeletes,
                beforeDelete, parentSaves, beforeDelete, parentDeletes, beforeDelete, childDeletes,
                beforeDelete, childSaves);
    }

    @Override
    protected void perStateDependencies(UnitOfWork uow, PostSortRec saveParent, PostSortRec deleteParent,
                                        PostSortRec childAction, PostSortRec afterSave, PostSortRec beforeDelete,
                                        boolean isdelete, boolean childisdelete) {
        if (!isdelete) {
            if (childisdelete) {
                edges(uow, saveParent, afterSave, afterSave, childAction);
            } else {
                edges(uow, saveParent, afterSave, childAction, afterSave);
            }
        } else {
            edges(uow, beforeDelete, childAction, beforeDelete, deleteParent);
        }
    }

    @Override
    public void presortDeletes(UnitOfWork uow, List<InstanceState> states) {
        if (!prop.isPassiveDeletes()) {
            for (InstanceState state : states) {
                uow.attributeHistory(state, prop, passiveDeleteFlag());
            }
        }
    }

    @Override
    public void presortSaves(UnitOfWork uow, List<InstanceState> states) {
        if (!cascadeDeleteOrphan()) {
            return;
        }
        for (InstanceState state : states) {
            History history = uow.attributeHistory(state, prop, Passive.NO_INITIALIZE);
            if (!history.present()) {
                continue;
            }
            for (InstanceState child : history.deleted()) {
                if (!hasParent(child)) {
                    registerDeleteWithCascade(uow, child, Why.orphanDelete(prop));
                }
            }
        }
    }

    @Override
    public void processDeletes(UnitOfWork uow, List<InstanceState> states) {
        List<Map<String, Object>> secondaryDelete = new ArrayList<>();
        Set<List<InstanceState>> processed = reversedProcessedSet(uow);
        List<List<InstanceState>> tmp = new ArrayList<>();
        for (InstanceState state : states) {
            History history = uow.attributeHistory(state, prop, passiveDeleteFlag());
            if (!history.present()) {
                continue;
            }
            for (InstanceState child : history.nonAdded()) {
                if (child == null || (processed != null && processed.contains(List.of(state, child)))) {
                    continue;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                if (!synchronize(state, child, row, uow, "delete")) {
                    continue;
                }
                secondaryDelete.add(row);
            }
            for (InstanceState c : history.nonAdded()) {
                if (c != null) {
                    tmp.add(List.of(c, state));
                }
            }
        }
        if (processed != null) {
            processed.addAll(tmp);
        }
        Persistence.deleteSecondaryRows(uow, prop.secondary(), secondaryDelete);
    }

    @Override
    public void processSaves(UnitOfWork uow, List<InstanceState> states) {
        List<Map<String, Object>> secondaryDelete = new ArrayList<>();
        Set<List<InstanceState>> processed = reversedProcessedSet(uow);
        List<List<InstanceState>> tmp = new ArrayList<>();
        List<Map<String, Object>> secondaryInsert = new ArrayList<>();
        for (InstanceState state : states) {
            History history = uow.attributeHistory(state, prop, Passive.NO_INITIALIZE_PENDING);
            if (!history.present()) {
                continue;
            }
            for (InstanceState child : history.added()) {
                if (processed != null && processed.contains(List.of(state, child))) {
                    continue;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                if (synchronize(state, child, row, uow, "add")) {
                    secondaryInsert.add(row);
                }
            }
            for (InstanceState child : history.deleted()) {
                if (processed != null && processed.contains(List.of(state, child))) {
                    continue;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                if (!synchronize(state, child, row, uow, "delete")) {
                    continue;
                }
                secondaryDelete.add(row);
            }
            for (InstanceState c : history.added()) {
                tmp.add(List.of(c, state));
            }
            for (InstanceState c : history.deleted()) {
                tmp.add(List.of(c, state));
            }
        }
        if (processed != null) {
            processed.addAll(tmp);
        }
        Persistence.deleteSecondaryRows(uow, prop.secondary(), secondaryDelete);
        Persistence.insertSecondaryRows(uow, prop.secondary(), secondaryInsert);
    }

    /** The (state, child) pairs already handled by either direction of this many-to-many. */
    private Set<List<InstanceState>> reversedProcessedSet(UnitOfWork uow) {
        if (prop.reverse() == null) {
            return null;
        }
        List<String> keys = new ArrayList<>(List.of(prop.key(), prop.reverse().key()));
        keys.sort(null);
        return uow.memo(List.of("reverse_key", keys), LinkedHashSet::new);
    }

    private boolean synchronize(InstanceState state, InstanceState child, Map<String, Object> row, UnitOfWork uow,
                                String operation) {
        verifyCanload(child);
        if (child == null) {
            return false;
        }
        if (!uow.session().containsState(child)) {
            if (!child.isFlushedDeleted()) {
                uow.session().warn("Object of type <" + child.mapper().className() + "> not in session, " + operation
                        + " operation along '" + prop + "' won't proceed");
            }
            return false;
        }
        prop.synchronizePairs().forEach(p ->
                row.put(p.foreign().column(), uow.session().attributes().columnValue(state, p.referenced().column())));
        prop.secondarySynchronizePairs().forEach(p ->
                row.put(p.foreign().column(), uow.session().attributes().columnValue(child, p.referenced().column())));
        return true;
    }
}
