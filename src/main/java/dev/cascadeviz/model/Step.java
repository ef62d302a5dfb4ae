package dev.cascadeviz.model;

/** One session call of a scenario's {@code steps}; see docs/scenario-format.md for each kind. */
public sealed interface Step {

    /** {@code session.get(Artist, 1)} */
    record Get(ObjectRef object) implements Step {
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
}
