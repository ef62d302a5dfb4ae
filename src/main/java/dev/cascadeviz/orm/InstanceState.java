package dev.cascadeviz.orm;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.trace.Cause;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One mapped object's state, as SQLAlchemy's {@code InstanceState}: its identity, loaded column
 * values with their committed originals, loaded relationship values, pending collection
 * mutations, parent flags and lifecycle flags. Identity is object identity.
 */
public final class InstanceState {

    /** Marker for "no value" in committed relationship state ({@code NO_VALUE}). */
    static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "NO_VALUE";
        }
    };
    /** Whether a value is the {@code NO_VALUE} marker. */
    public static boolean isNoValue(Object value) {
        return value == NO_VALUE;
    }

    /** How SQLAlchemy's {@code NO_VALUE} prints ({@code str(LoaderCallableStatus.NO_VALUE)}), and its type's name. */
    public static final String NO_VALUE_TEXT = "LoaderCallableStatus.NO_VALUE";
    public static final String NO_VALUE_TYPE = "LoaderCallableStatus";

    /** Marker for "not loaded and not loadable now" ({@code PASSIVE_NO_RESULT}). */
    static final Object NO_RESULT = new Object() {
        @Override
        public String toString() {
            return "PASSIVE_NO_RESULT";
        }
    };

    /** A lazy load found the attribute set meanwhile, by the refresh its own key needed ({@code ATTR_WAS_SET}). */
    static final Object WAS_SET = new Object() {
        @Override
        public String toString() {
            return "ATTR_WAS_SET";
        }
    };

    final Mapper mapper;
    List<Object> key;
    /** Column values present (loaded); absent keys are unloaded or expired. */
    final Map<String, Object> dict = new HashMap<>();
    /** {@code committed_state} for columns: the value before the first change. */
    final Map<String, Object> committedColumns = new LinkedHashMap<>();
    /**
     * Loaded relationship values: a mutable list for collections, a state or null for scalars.
     * Replaced by an empty map when the object is freed: whoever still holds the old one (a
     * cascade walk, as {@code mapper.cascade_iterator} holds the object's {@code __dict__}) keeps it.
     */
    Map<RelProp, Object> related = new HashMap<>();
    /** {@code committed_state} for relationships: a list copy, a state, null or NO_VALUE. */
    final Map<RelProp, Object> committedRelated = new HashMap<>();
    /** {@code _pending_mutations}: changes to collections that are not loaded. */
    final Map<RelProp, PendingCollection> pendingMutations = new HashMap<>();
    /** {@code parents}: per relationship holding this object, the parent or FALSE. */
    final Map<RelProp, Object> parents = new HashMap<>();
    /** Relationships given a lazy loader of their own by the query that loaded this object. */
    final Set<RelProp> instanceLazy = new HashSet<>();
    boolean modified;
    boolean expired;
    /** Why the object was expired when a session call or cascade did it (not a commit or rollback); null else. */
    Cause expiredBy;
    /** Why its session marked it for deletion, until the flush deletes it or the session forgets it; null else. */
    Cause deleteCause;
    /** Flushed as deleted in the current transaction ({@code state._deleted}). */
    boolean deleted;
    boolean detached;
    /** {@code insert_order}: when a transient object became pending (the order of its INSERT). */
    long insertOrder;
    Session session;
    /** Its made-up CPython address, written out only when a message shows it. */
    private final long address;

    InstanceState(Mapper mapper, List<Object> key) {
        this.mapper = mapper;
        this.key = key;
        this.address = mapper.nextAddress();
    }

    public Mapper mapper() {
        return mapper;
    }

    public List<Object> key() {
        return key;
    }

    /** The session this object belongs to, or null once detached. */
    public Session session() {
        return session;
    }

    /** True once a flush deleted its row ({@code state._deleted}). */
    public boolean isFlushedDeleted() {
        return deleted;
    }

    public boolean hasIdentity() {
        return key != null;
    }

    /** {@code insert_order}: when it became pending. */
    public long insertOrder() {
        return insertOrder;
    }

    /** The current primary-key values, in key column order (null where not set). */
    public List<Object> currentKey() {
        return primaryKeyValues();
    }

    /** Pending: added to a session, not yet flushed. */
    public boolean isPending() {
        return key == null && session != null;
    }

    /** A column's current value if loaded, else null (what an INSERT sends). */
    public Object loadedValue(String column) {
        return dict.get(column);
    }

    /** Whether a column has a value in the object's dict (set, or loaded and not expired). */
    public boolean hasValue(String column) {
        return dict.containsKey(column);
    }

    /** After its INSERT: the generated key goes into the dict ({@code _postfetch}). */
    public void postfetch(String column, Object value) {
        dict.put(column, value);
    }

    /** Python's repr of the object, e.g. {@code <Song at 0x7f3a5c000050>}. */
    public String repr() {
        return "<" + mapper.className() + " at 0x" + Long.toHexString(address) + ">";
    }

    public boolean isLoaded(RelProp prop) {
        return related.containsKey(prop);
    }

    /** {@code AttributeImpl.hasparent}. */
    public boolean hasParent(RelProp prop, boolean optimistic) {
        Object p = parents.get(prop);
        if (p == null) {
            return optimistic;
        }
        return p != Boolean.FALSE;
    }

    /** {@code AttributeImpl.sethasparent}: keeps a newer parent when an old one lets go. */
    void setHasParent(RelProp prop, InstanceState parent, boolean value) {
        if (value) {
            parents.put(prop, parent);
            return;
        }
        Object last = parents.get(prop);
        if (last instanceof InstanceState lastParent && lastParent != parent
                && (lastParent.key == null || !lastParent.key.equals(parent.key))) {
            return;
        }
        parents.put(prop, Boolean.FALSE);
    }

    /** The current value of a column, or the committed one when asked. */

    Object committedColumnValue(String column) {
        if (committedColumns.containsKey(column)) {
            Object v = committedColumns.get(column);
            return v == NO_VALUE ? null : v;
        }
        return dict.get(column);
    }

    /** Sets a column attribute, recording the committed value the first time. */
    void setColumn(String column, Object value) {
        if (!committedColumns.containsKey(column)) {
            committedColumns.put(column, dict.containsKey(column) ? dict.get(column) : NO_VALUE);
        }
        dict.put(column, value);
    }

    /** The primary-key values in primary-key column order, from the current values. */
    List<Object> primaryKeyValues() {
        List<Object> pk = new ArrayList<>();
        for (Column c : mapper.primaryKey()) {
            pk.add(dict.get(c.name()));
        }
        return pk;
    }

    /** {@code InstanceState._commit_all}: the current values become the committed ones. */
    void commitAll() {
        committedColumns.clear();
        committedRelated.clear();
        pendingMutations.clear();
        modified = false;
    }

    /** {@code InstanceState._expire}: forget everything loaded. */
    void expire() {
        expired = true;
        expiredBy = null;
        modified = false;
        committedColumns.clear();
        committedRelated.clear();
        pendingMutations.clear();
        parents.clear();
        dict.clear();
        related.clear();
    }

    /**
     * The object itself is gone (CPython freed it): {@code InstanceState.dict} is {@code {}} from
     * now on, so whatever still holds the state (a post load) reads no attribute of it.
     */
    void objectFreed() {
        freed = true;
        dict.clear();
        related = new HashMap<>();
    }

    /** True once CPython freed the object ({@link #objectFreed}): only its state is left. */
    boolean freed;

    @Override
    public String toString() {
        return repr();
    }

    /** Added and removed items of a collection that is not loaded. */
    static final class PendingCollection {
        final List<InstanceState> added = new ArrayList<>();
        final List<InstanceState> removed = new ArrayList<>();

        void append(InstanceState s) {
            if (removed.contains(s)) {
                removed.remove(s);
            } else if (!added.contains(s)) {
                added.add(s);
            }
        }

        void remove(InstanceState s) {
            if (added.contains(s)) {
                added.remove(s);
            } else if (!removed.contains(s)) {
                removed.add(s);
            }
        }
    }
}
