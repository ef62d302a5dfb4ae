package dev.cascadeviz.orm.dependency;

import dev.cascadeviz.model.CascadeOption;
import dev.cascadeviz.model.PassiveDeletes;
import dev.cascadeviz.model.mapping.Direction;
import dev.cascadeviz.orm.History;
import dev.cascadeviz.orm.InstanceState;
import dev.cascadeviz.orm.Mapper;
import dev.cascadeviz.orm.OrmException;
import dev.cascadeviz.orm.Passive;
import dev.cascadeviz.orm.RelProp;
import dev.cascadeviz.orm.uow.Actions;
import dev.cascadeviz.orm.uow.PostSortRec;
import dev.cascadeviz.orm.uow.UnitOfWork;
import dev.cascadeviz.trace.Cause;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code dependency.DependencyProcessor}: what one relationship contributes to a flush. The
 * subclasses, one per direction, add ordering edges between the parent's and the child's
 * save/delete actions and do the relationship's work (null out, delete, association rows).
 */
public abstract class DependencyProcessor {

    protected final RelProp prop;

    protected DependencyProcessor(RelProp prop) {
        this.prop = prop;
    }

    /** One processor per direction, as {@code DependencyProcessor.from_relationship}. */
    public static DependencyProcessor forRelationship(RelProp prop) {
        return switch (prop.direction()) {
            case ONE_TO_MANY -> new OneToManyDP(prop);
            case MANY_TO_ONE -> new ManyToOneDP(prop);
            case MANY_TO_MANY -> new ManyToManyDP(prop);
        };
    }

    /** The {@code DetectKeySwitch} of a many-to-one, kept by its target mapper. */
    public static DependencyProcessor keySwitch(RelProp prop) {
        return new DetectKeySwitch(prop);
    }

    public RelProp prop() {
        return prop;
    }

    /** The mapper owning the relationship. */
    public Mapper parent() {
        return prop.parent();
    }

    /** The relationship's target mapper. */
    public Mapper mapper() {
        return prop.mapper();
    }

    public String sortKey() {
        return prop.parent().sortKey() + "_" + prop.key();
    }

    protected boolean cascadeDelete() {
        return prop.cascades(CascadeOption.DELETE);
    }

    protected boolean cascadeDeleteOrphan() {
        return prop.cascades(CascadeOption.DELETE_ORPHAN);
    }

    protected boolean passiveDeletesAll() {
        return prop.passiveDeletes() == PassiveDeletes.ALL;
    }

    /** {@code _passive_delete_flag}. */
    protected Passive passiveDeleteFlag() {
        return prop.isPassiveDeletes() ? Passive.NO_INITIALIZE : Passive.OFF;
    }

    /** {@code hasparent}: the parent flag, not optimistic. */
    protected boolean hasParent(InstanceState child) {
        if (child == null) {
            // hasparent() reads state.parents: a None in a collection's history fails there
            throw new OrmException("AttributeError", "'NoneType' object has no attribute 'parents'");
        }
        return child.hasParent(prop, false);
    }

    public void perPropertyPreprocessors(UnitOfWork uow) {
        uow.registerPreprocessor(this, true);
    }

    public void perPropertyFlushActions(UnitOfWork uow) {
        PostSortRec afterSave = uow.processAll(this, false, true);
        PostSortRec beforeDelete = uow.processAll(this, true, true);
        PostSortRec parentSaves = uow.saveUpdateAll(parent());
        PostSortRec childSaves = uow.saveUpdateAll(mapper());
        PostSortRec parentDeletes = uow.deleteAll(parent());
        PostSortRec childDeletes = uow.deleteAll(mapper());
        perPropertyDependencies(uow, parentSaves, childSaves, parentDeletes, childDeletes, afterSave, beforeDelete);
    }

    protected abstract void perPropertyDependencies(UnitOfWork uow, PostSortRec parentSaves, PostSortRec childSaves,
                                                    PostSortRec parentDeletes, PostSortRec childDeletes,
                                                    PostSortRec afterSave, PostSortRec beforeDelete);

    protected abstract void perStateDependencies(UnitOfWork uow, PostSortRec saveParent, PostSortRec deleteParent,
                                                 PostSortRec childAction, PostSortRec afterSave,
                                                 PostSortRec beforeDelete, boolean isdelete, boolean childisdelete);

    /** {@code per_state_flush_actions}: the per-state form used when the mappers form a cycle. */
    public void perStateFlushActions(UnitOfWork uow, List<InstanceState> states, boolean isdelete) {
        PostSortRec childSaves = uow.saveUpdateAll(mapper());
        PostSortRec childDeletes = uow.deleteAll(mapper());
        PostSortRec beforeDelete = null;
        PostSortRec afterSave = null;
        if (isdelete) {
            uow.processAll(this, true, true).disable();
        } else {
            uow.processAll(this, false, true).disable();
        }
        List<PostSortRec[]> childActions = new ArrayList<>();
        boolean childInCycles;
        if (!uow.inCycles(childSaves)) {
            childActions.add(new PostSortRec[] {childSaves, null});
            childActions.add(new PostSortRec[] {childDeletes, childDeletes});
            childInCycles = false;
        } else {
            childInCycles = true;
        }
        PostSortRec parentSaves = null;
        PostSortRec parentDeletes = null;
        boolean parentInCycles = false;
        if (!isdelete) {
            parentSaves = uow.saveUpdateAll(parent());
            parentInCycles = uow.inCycles(parentSaves);
        } else {
            parentDeletes = uow.deleteAll(parent());
            parentInCycles = uow.inCycles(parentDeletes);
        }
        for (InstanceState state : states) {
            List<InstanceState> sum = uow.session().attributes().allPending(state, prop,
                    isdelete ? passiveDeleteFlag() : Passive.NO_INITIALIZE);
            if (sum.isEmpty()) {
                continue;
            }
            if (isdelete) {
                beforeDelete = uow.processState(this, true, state);
                if (parentInCycles) {
                    parentDeletes = uow.deleteState(state);
                }
            } else {
                afterSave = uow.processState(this, false, state);
                if (parentInCycles) {
                    parentSaves = uow.saveUpdateState(state);
                }
            }
            if (childInCycles) {
                childActions = new ArrayList<>();
                for (InstanceState child : sum) {
                    if (child == null || !uow.isRegistered(child)) {
                        childActions.add(new PostSortRec[] {null, null});
                    } else if (uow.entry(child).isdelete()) {
                        PostSortRec a = uow.deleteState(child);
                        childActions.add(new PostSortRec[] {a, a});
                    } else {
                        childActions.add(new PostSortRec[] {uow.saveUpdateState(child), null});
                    }
                }
            }
            for (PostSortRec[] ca : childActions) {
                boolean childIsDelete = ca[1] != null;
                perStateDependencies(uow, parentSaves, parentDeletes, ca[0], afterSave, beforeDelete, isdelete,
                        childIsDelete);
            }
        }
    }

    public void presortDeletes(UnitOfWork uow, List<InstanceState> states) {
    }

    public void presortSaves(UnitOfWork uow, List<InstanceState> states) {
    }

    public void processDeletes(UnitOfWork uow, List<InstanceState> states) {
    }

    public void processSaves(UnitOfWork uow, List<InstanceState> states) {
    }

    /** {@code prop_has_changes}: whether this relationship has anything to do for these states. */
    public boolean propHasChanges(UnitOfWork uow, List<InstanceState> states, boolean isdelete) {
        Passive passive;
        if (!isdelete || prop.isPassiveDeletes()) {
            passive = Passive.NO_INITIALIZE_PENDING;
        } else if (prop.direction() == Direction.MANY_TO_ONE) {
            passive = Passive.NO_FETCH_RELATED;
        } else {
            passive = Passive.OFF;
        }
        for (InstanceState s : states) {
            History h = uow.attributeHistory(s, prop, passive);
            if (h.hasChanges() || !h.unchanged().isEmpty()) {
                return true;
            }
        }
        return !states.isEmpty() && !prop.selfReferential() && uow.hasMapper(mapper());
    }

    /**
     * Registers a child for deletion with the reason, and everything its own delete cascade
     * reaches ({@code register_object(child, isdelete=True)} followed by
     * {@code mapper.cascade_iterator("delete", child)}, as the processors' presort steps do).
     */
    protected void registerDeleteWithCascade(UnitOfWork uow, InstanceState child, Cause why) {
        uow.session().explainDelete(child, why, false);
        uow.registerObject(child, true, false, false, "delete", prop);
        uow.session().flushCascadeDelete(child, st -> uow.registerObject(st, true));
    }

    /** {@code _verify_canload}: a None in a collection cannot be flushed. */
    protected void verifyCanload(InstanceState child) {
        if (prop.uselist() && child == null) {
            throw new OrmException("FlushError", "Can't flush None value found in collection "
                    + prop);
        }
    }

    /** {@code _post_update}: registers the state for a post_update of this relationship's columns. */
    protected void postUpdate(InstanceState state, UnitOfWork uow, List<InstanceState> related, boolean isM2oDelete) {
        for (InstanceState x : related) {
            if (!isM2oDelete || x != null) {
                List<String> cols = new ArrayList<>();
                prop.synchronizePairs().forEach(p -> cols.add(p.foreign().column()));
                uow.registerPostUpdate(state, cols);
                break;
            }
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + prop + ")";
    }

    /** Makes the edges a processor's direction needs between two actions. */
    protected static void edges(UnitOfWork uow, PostSortRec... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            uow.addDependency(pairs[i], pairs[i + 1]);
        }
    }

    protected static Actions.PostUpdateAll postUpdates(UnitOfWork uow, Mapper mapper, boolean isdelete) {
        return uow.postUpdateAll(mapper, isdelete);
    }
}
