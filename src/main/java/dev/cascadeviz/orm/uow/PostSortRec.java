package dev.cascadeviz.orm.uow;

import java.util.List;
import java.util.Set;

/**
 * An action sorted and executed by the unit of work ({@code unitofwork.PostSortRec}). Each kind
 * is memoized per unit of work by its key, so asking for the same action twice gives one node.
 */
public abstract class PostSortRec {

    boolean disabled;

    /** The memo key: kind plus arguments. */
    abstract List<Object> key();

    /** {@code sort_key}: compared element by element, like Python tuples of strings and booleans. */
    abstract List<Comparable<?>> sortKey();

    abstract void execute(UnitOfWork uow);

    /** Executes this action together with others of its kind from {@code recs} (cycles only). */
    void executeAggregate(UnitOfWork uow, Set<PostSortRec> recs) {
        execute(uow);
    }

    /**
     * What this action is called in a chosen order of a cycle's layer: actions that
     * {@code execute_aggregate} runs together (the per-state actions of one kind and class or
     * processor) share it.
     */
    String aggregateLabel() {
        return toString();
    }

    /** The per-state actions replacing this one when it is part of a cycle. */
    List<PostSortRec> perStateFlushActions(UnitOfWork uow) {
        return List.of();
    }

    /**
     * Whether {@link #perStateFlushActions} has states to break into (a SaveUpdateAll or DeleteAll
     * with states): only those actions' order among a flush's cycles can show, in the loads their
     * processors make for the states.
     */
    boolean breaksIntoStates(UnitOfWork uow) {
        return false;
    }

    public boolean isDisabled() {
        return disabled;
    }

    public void disable() {
        disabled = true;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareSortKeys(List<Comparable<?>> a, List<Comparable<?>> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
