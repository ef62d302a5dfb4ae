package dev.cascadeviz.orm;

import static dev.cascadeviz.advice.TinyScenarios.artists;
import static dev.cascadeviz.advice.TinyScenarios.deleteArtist;
import static dev.cascadeviz.advice.TinyScenarios.posts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.trace.Cause;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceStatement;
import org.junit.jupiter.api.Test;

/** The cause the simulator gives each statement, on real runs of small scenarios. */
class StatementCauseTest {

    private static Trace run(Scenario s) {
        Trace t = new Simulator().run(s, null);
        for (TraceStatement st : t.statements()) {
            assertNotNull(st.why(), "every statement has a cause: " + st.sql());
        }
        return t;
    }

    /** The first statement starting with the given text. */
    private static Cause causeOf(Trace t, String sqlStart) {
        return t.statements().stream().filter(s -> s.sql().startsWith(sqlStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + sqlStart + " in " + t.statements())).why();
    }

    @Test
    void aSessionGetSelectSaysTheObjectWasNotInTheIdentityMap() {
        Cause c = causeOf(run(deleteArtist("", "")), "SELECT artist");
        assertTrue(c.text().startsWith("session.get(Artist, 1)"), c.text());
        assertNull(c.relationship());
    }

    @Test
    void theCollectionSelectOfADeleteCascadeNamesTheRelationshipAndPassiveDeletes() {
        Cause c = causeOf(run(deleteArtist("cascade: 'all, delete'", "")), "SELECT song");
        assertEquals("Artist.songs must be loaded because its cascade includes delete and passive_deletes is False",
                c.text());
        assertEquals("Artist.songs", c.relationship());
        assertEquals("song.artist_id", c.foreignKey());
        assertEquals("passive_deletes", c.setting());
    }

    @Test
    void aCascadedDeleteNamesTheCascadeThatReachedTheChildren() {
        Cause c = causeOf(run(deleteArtist("cascade: 'all, delete'", "")), "DELETE FROM song");
        assertEquals("Artist.songs", c.relationship());
        assertEquals("cascade", c.setting());
        assertTrue(c.text().contains("deleting an Artist deletes the Song objects in it"), c.text());
    }

    @Test
    void theExplicitlyDeletedObjectsDeleteNamesSessionDelete() {
        Cause c = causeOf(run(deleteArtist("cascade: 'all, delete'", "")), "DELETE FROM artist");
        assertEquals("session.delete(Artist(1)) marked it for deletion", c.text());
    }

    @Test
    void theNullingUpdateSaysTheRelationshipHasNoDeleteCascade() {
        Cause c = causeOf(run(deleteArtist("", "")), "UPDATE song SET artist_id");
        assertTrue(c.text().startsWith("Artist.songs has no delete cascade, so the ORM detaches the children"), c.text());
        assertEquals("song.artist_id", c.foreignKey());
        assertEquals("cascade", c.setting());
    }

    @Test
    void theSelectBeforeNullingSaysPassiveDeletesIsFalse() {
        Cause c = causeOf(run(deleteArtist("", "")), "SELECT song");
        assertTrue(c.text().contains("has no delete cascade and passive_deletes is False"), c.text());
        assertEquals("passive_deletes", c.setting());
    }

    @Test
    void associationRowsGoFirstForAManyToMany() {
        Cause c = causeOf(run(posts("", "", "", "delete: Post(1)", "commit")), "DELETE FROM post_tag");
        assertTrue(c.text().startsWith("Post.tags is many-to-many; association rows in post_tag go first"), c.text());
        assertEquals("Post.tags", c.relationship());
        assertEquals("secondary", c.setting());
        assertEquals("post_tag.post_id, post_tag.tag_id", c.foreignKey());
    }

    @Test
    void anOrphanDeleteNamesDeleteOrphan() {
        Trace t = run(artists("cascade: 'all, delete-orphan'", "", "", "engine: h2",
                "remove: {item: Song(2), from: Artist(1).songs}", "commit"));
        Cause c = causeOf(t, "DELETE FROM song");
        assertTrue(c.text().contains("has delete-orphan in its cascade"), c.text());
        assertEquals("Artist.songs", c.relationship());
    }

    @Test
    void aStepThatLoadsACollectionSaysTheRelationshipIsLazy() {
        Cause c = causeOf(run(artists("", "", "", "engine: h2", "load: Artist(1).songs")), "SELECT song");
        assertEquals("Artist.songs is lazy='select', so the step's access to Artist(1).songs loads it now", c.text());
        assertEquals("lazy", c.setting());
    }

    @Test
    void anObjectUsedAfterCommitIsRefreshedBecauseOfExpireOnCommit() {
        Trace t = run(artists("", "", "", "engine: h2", "get: Artist(1)", "commit", "load: Artist(1).songs"));
        Cause c = t.statements().get(1).why();
        assertEquals("expire_on_commit", c.setting(), c.text());
        assertTrue(c.text().startsWith("Artist(1) was expired"), c.text());
    }

    @Test
    void changesFlushedByAnAutoflushSaySo() {
        Trace t = run(artists("", "", "", "engine: h2", "remove: {item: Song(2), from: Artist(1).songs}",
                "get: Song(3)"));
        Cause c = causeOf(t, "UPDATE song");
        assertTrue(c.text().contains("autoflush"), c.text());
        assertEquals("Artist.songs", c.relationship());
    }

    @Test
    void settingAManyToOneWritesItsForeignKey() {
        Cause c = causeOf(run(artists("", "", "", "engine: h2", "set: {attr: Song(3).artist, value: Artist(1)}",
                "flush")), "UPDATE song");
        assertEquals("Song.artist was changed, so song.artist_id is written to match", c.text());
    }

    @Test
    void rowsTheDatabaseChangedNameTheRuleThatDidIt() {
        Trace t = run(deleteArtist("cascade: 'all, delete', passive_deletes: true", "ondelete: CASCADE"));
        TraceStatement delete = t.statements().get(t.statements().size() - 1);
        assertEquals("song.artist_id ON DELETE CASCADE", delete.databaseChanges().get(0).foreignKey());
        assertTrue(delete.changes().stream().allMatch(r -> r.foreignKey() == null));
    }
}
