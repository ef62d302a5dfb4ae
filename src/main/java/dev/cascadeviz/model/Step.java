package dev.cascadeviz.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One session call of a scenario's {@code steps}; see docs/scenario-format.md for each kind. */
public sealed interface Step {

    /** {@code session.get(Artist, 1)}; with {@code as}, {@code o1 = session.get(Artist, 1)}. */
    record Get(ObjectRef object, String as) implements Step {
        public Get(ObjectRef object) {
            this(object, null);
        }
    }

    /** {@code session.get(Artist, 1).songs} */
    record Load(ObjectRef object, String attribute) implements Step {
    }

    /** {@code session.delete(session.get(Artist, 1))} */
    record Delete(ObjectRef object) implements Step {
    }

    /** {@code session.get(Artist, 1).songs.remove(session.get(Song, 2))} */
    record Remove(ObjectRef item, ObjectRef parent, String attribute) implements Step {
    }

    /** {@code session.get(Song, 2).artist = session.get(Artist, 3)}; value null sets None. */
    record Set(ObjectRef object, String attribute, ObjectRef value) implements Step {
    }

    /** {@code session.expunge(session.get(Artist, 1))} */
    record Expunge(ObjectRef object) implements Step {
    }

    /** {@code session.flush()} */
    record Flush() implements Step {
    }

    /** {@code session.commit()} */
    record Commit() implements Step {
    }

    /** {@code session.rollback()} */
    record Rollback() implements Step {
    }

    /**
     * {@code o1 = Order(note="rush")}: a transient object, no SQL.
     *
     * @param as the name bound to it, or null
     * @param values column values in the order written (Long, String, Double, Boolean, BigDecimal or null)
     */
    record New(String as, String className, Map<String, Object> values) implements Step {
        public New {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /** {@code session.add(o1)} */
    record Add(ObjectRef object) implements Step {
    }

    /** {@code o1.items.append(i1)}: the parent, then its collection, then the item. */
    record Append(ObjectRef item, ObjectRef parent, String attribute) implements Step {
    }

    /** {@code order.note = "late"}: a column attribute set to a literal (null sets None). */
    record SetColumn(ObjectRef object, String column, Object value) implements Step {
    }

    /** {@code m2 = session.merge(m1)}; {@code as} may be null. */
    record Merge(ObjectRef object, String as) implements Step {
    }

    /** {@code session.refresh(obj)} */
    record Refresh(ObjectRef object) implements Step {
    }

    /** {@code session.expire(obj)} */
    record Expire(ObjectRef object) implements Step {
    }

    /** {@code session.expire_all()} */
    record ExpireAll() implements Step {
    }

    /** {@code session.close()}: every object becomes detached; later steps use the same session. */
    record Close() implements Step {
    }
}
