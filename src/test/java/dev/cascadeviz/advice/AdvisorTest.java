package dev.cascadeviz.advice;

import static dev.cascadeviz.advice.TinyScenarios.artists;
import static dev.cascadeviz.advice.TinyScenarios.deleteArtist;
import static dev.cascadeviz.advice.TinyScenarios.orderLines;
import static dev.cascadeviz.advice.TinyScenarios.posts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.advice.Advice.Kind;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.orm.Simulator;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each warning on a scenario that has the mistake, and its fix: once applied the warning is
 * gone and the run changes the way the warning said.
 */
class AdvisorTest {

    private static Advice only(Scenario s, Kind kind) {
        List<Advice> found = Advisor.check(s).stream().filter(a -> a.kind() == kind).toList();
        assertEquals(1, found.size(), "one " + kind + " in " + Advisor.check(s));
        return found.get(0);
    }

    /** Applies the warning's fix and checks the warning is gone. */
    private static Scenario fixed(Scenario s, Kind kind) {
        Scenario after = only(s, kind).fix().applyTo(s);
        assertTrue(Advisor.check(after).stream().noneMatch(a -> a.kind() == kind), "fixed: " + Advisor.check(after));
        return after;
    }

    private static Trace run(Scenario s) {
        return new Simulator().run(s, null);
    }

    private static long count(Trace t, String sqlStart) {
        return t.statements().stream().filter(s -> s.sql().startsWith(sqlStart)).count();
    }

    private static List<Object> ids(Trace t, String table) {
        return t.tables().get(table).stream().map(r -> r.get("id")).toList();
    }

    @Test
    void aScenarioWhoseSettingsAgreeHasNoWarnings() {
        assertEquals(List.of(), Advisor.check(deleteArtist("cascade: 'all, delete-orphan', passive_deletes: true",
                "ondelete: CASCADE")));
    }

    @Test
    void onDeleteCascadeWithoutPassiveDeletesWarnsThatTheOrmNullsTheKeyFirst() {
        Advice a = only(deleteArtist("", "ondelete: CASCADE"), Kind.ONDELETE_CASCADE_WITHOUT_PASSIVE_DELETES);
        assertEquals("Artist.songs", a.relationship());
        assertEquals("song.artist_id", a.foreignKey());
        assertTrue(a.message().contains("song.artist_id ON DELETE CASCADE"), a.message());
        assertTrue(a.message().contains("sets song.artist_id to NULL first"), a.message());
    }

    @Test
    void settingPassiveDeletesLeavesTheDeleteToTheDatabaseRule() {
        Scenario before = deleteArtist("", "ondelete: CASCADE");
        Trace t0 = run(before);
        assertEquals(1, count(t0, "UPDATE song SET artist_id"));
        Trace t1 = run(fixed(before, Kind.ONDELETE_CASCADE_WITHOUT_PASSIVE_DELETES));
        assertEquals(0, count(t1, "UPDATE"));
        assertEquals(1, count(t1, "DELETE"));
        TraceStatement delete = t1.statements().get(t1.statements().size() - 1);
        assertEquals(2, delete.databaseChanges().size());
        assertEquals(List.of(3L), ids(t1, "song"));
    }

    @Test
    void passiveDeletesWithoutADatabaseRuleWarnsThatNobodyDeletesTheChildren() {
        Advice a = only(deleteArtist("cascade: 'all, delete', passive_deletes: true", ""),
                Kind.PASSIVE_DELETES_WITHOUT_DATABASE_RULE);
        assertEquals("song.artist_id", a.foreignKey());
        assertEquals("Give song.artist_id ON DELETE CASCADE", a.fix().description());
    }

    @Test
    void givingTheForeignKeyOnDeleteCascadeLetsTheDeleteSucceed() {
        Scenario before = deleteArtist("cascade: 'all, delete', passive_deletes: true", "");
        assertEquals("IntegrityError", run(before).error().type());
        Trace t1 = run(fixed(before, Kind.PASSIVE_DELETES_WITHOUT_DATABASE_RULE));
        assertNull(t1.error());
        assertEquals(List.of(3L), ids(t1, "song"));
    }

    @Test
    void sqliteWithForeignKeysOffWarnsThatTheRulesWillNotRun() {
        Scenario s = artists("cascade: 'all, delete', passive_deletes: true", "ondelete: CASCADE", "",
                "engine: sqlite, foreign_keys: false", "delete: Artist(1)", "commit");
        Advice a = only(s, Kind.SQLITE_FOREIGN_KEYS_OFF);
        assertTrue(a.message().contains("PRAGMA foreign_keys=ON"), a.message());
        Trace t0 = run(s);
        assertEquals(List.of(1L, 2L, 3L), ids(t0, "song"));
        Trace t1 = run(fixed(s, Kind.SQLITE_FOREIGN_KEYS_OFF));
        assertEquals(List.of(3L), ids(t1, "song"));
        assertFalse(t1.statements().get(t1.statements().size() - 1).databaseChanges().isEmpty());
    }

    @Test
    void aNotNullForeignKeyWithoutDeleteCascadeWarnsOfTheIntegrityError() {
        Advice a = only(deleteArtist("", "nullable: false"), Kind.NOT_NULL_FOREIGN_KEY_WITHOUT_DELETE_CASCADE);
        assertTrue(a.message().contains("NOT NULL constraint failed: song.artist_id"), a.message());
    }

    @Test
    void addingDeleteToTheCascadeDeletesTheChildrenInsteadOfNullingThem() {
        Scenario before = deleteArtist("", "nullable: false");
        Trace t0 = run(before);
        assertEquals("IntegrityError", t0.error().type());
        assertEquals(1, count(t0, "UPDATE song"));
        Trace t1 = run(fixed(before, Kind.NOT_NULL_FOREIGN_KEY_WITHOUT_DELETE_CASCADE));
        assertNull(t1.error());
        assertEquals(0, count(t1, "UPDATE"));
        assertEquals(1, count(t1, "DELETE FROM song"));
    }

    @Test
    void deleteOrphanWithoutDeleteUsesSqlalchemysWording() {
        Scenario s = deleteArtist("cascade: 'save-update, delete-orphan'", "");
        Advice a = only(s, Kind.DELETE_ORPHAN_WITHOUT_DELETE);
        assertEquals("The 'delete-orphan' cascade option requires 'delete'.", a.message());
        assertTrue(run(s).warnings().contains(a.message()), "SQLAlchemy warns the same at configure time");
    }

    @Test
    void addingDeleteNextToDeleteOrphanDeletesTheChildrenWithTheParent() {
        Scenario before = deleteArtist("cascade: 'save-update, delete-orphan'", "");
        Trace t0 = run(before);
        assertEquals(1, count(t0, "UPDATE song"));
        Trace t1 = run(fixed(before, Kind.DELETE_ORPHAN_WITHOUT_DELETE));
        assertEquals(0, count(t1, "UPDATE"));
        assertEquals(1, count(t1, "DELETE FROM song"));
        assertTrue(t1.warnings().isEmpty(), t1.warnings().toString());
    }

    @Test
    void deleteCascadeOnAManyToOneWarnsThatTheSharedParentGoes() {
        Scenario s = artists("", "", "cascade: 'all, delete'", "engine: h2", "delete: Song(1)", "commit");
        assertEquals("Song.artist", only(s, Kind.DELETE_CASCADE_ON_MANY_TO_ONE).relationship());
    }

    @Test
    void removingDeleteFromTheManyToOneKeepsTheArtist() {
        Scenario before = artists("", "", "cascade: 'all, delete'", "engine: h2", "delete: Song(1)", "commit");
        assertEquals(1, count(run(before), "DELETE FROM artist"));
        Trace t1 = run(fixed(before, Kind.DELETE_CASCADE_ON_MANY_TO_ONE));
        assertEquals(0, count(t1, "DELETE FROM artist"));
        assertEquals(List.of(1L, 2L), ids(t1, "artist"));
        assertEquals(List.of(2L, 3L), ids(t1, "song"));
    }

    @Test
    void aForeignKeyInsideThePrimaryKeyWithoutDeleteCascadeWarnsOfTheBlankOut() {
        Advice a = only(orderLines("", "delete: Order(1)", "commit"), Kind.PRIMARY_KEY_FOREIGN_KEY_WITHOUT_DELETE_CASCADE);
        assertEquals("line.order_id", a.foreignKey());
        assertTrue(a.message().contains("blank-out primary key column"), a.message());
        assertTrue(Advisor.check(orderLines("", "delete: Order(1)", "commit")).stream()
                .noneMatch(x -> x.kind() == Kind.NOT_NULL_FOREIGN_KEY_WITHOUT_DELETE_CASCADE));
    }

    @Test
    void addingDeleteCascadeDeletesTheLinesInsteadOfBlankingTheirKey() {
        Scenario before = orderLines("", "delete: Order(1)", "commit");
        Trace t0 = run(before);
        assertNotNull(t0.error());
        assertTrue(t0.error().message().contains("blank-out primary key column"), t0.error().message());
        Trace t1 = run(fixed(before, Kind.PRIMARY_KEY_FOREIGN_KEY_WITHOUT_DELETE_CASCADE));
        assertNull(t1.error());
        assertEquals(1, count(t1, "DELETE FROM line"));
        assertEquals(List.of(), t1.tables().get("line"));
    }

    private static Scenario cascadingBothWays() {
        return posts("cascade: 'all, delete', back_populates: posts", "cascade: 'all, delete', back_populates: tags",
                "", "delete: Post(1)", "commit");
    }

    @Test
    void deleteCascadeOnBothSidesOfAManyToManyWarnsThatEverythingLinkedGoes() {
        Advice a = only(cascadingBothWays(), Kind.CASCADE_ON_BOTH_SIDES_OF_MANY_TO_MANY);
        assertTrue(a.message().startsWith("Post.tags and Tag.posts both cascade delete across post_tag"), a.message());
        assertEquals("Tag.posts", a.relationship());
    }

    @Test
    void removingTheFarSidesDeleteCascadeKeepsTheOtherPost() {
        Trace t0 = run(cascadingBothWays());
        assertEquals(List.of(), ids(t0, "post"));
        Trace t1 = run(fixed(cascadingBothWays(), Kind.CASCADE_ON_BOTH_SIDES_OF_MANY_TO_MANY));
        assertEquals(List.of(2L), ids(t1, "post"));
        assertEquals(List.of(), ids(t1, "tag"));
    }

    private static Scenario mappedTwice() {
        return posts("", "", "", "load: Tag(1).posts", "load: Post(1).tags", "delete: Post(1)", "delete: Tag(1)",
                "commit");
    }

    @Test
    void theSameAssociationTableMappedTwiceWarnsInSqlalchemysWords() {
        Advice a = only(mappedTwice(), Kind.ASSOCIATION_TABLE_MAPPED_TWICE);
        assertTrue(a.message().startsWith("relationship 'Post.tags' will copy column post.id to column "
                + "post_tag.post_id, which conflicts with relationship(s): 'Tag.posts'"), a.message());
    }

    @Test
    void linkingBothSidesWithBackPopulatesDeletesEachAssociationRowOnce() {
        Trace t0 = run(mappedTwice());
        assertEquals("StaleDataError", t0.error().type());
        Trace t1 = run(fixed(mappedTwice(), Kind.ASSOCIATION_TABLE_MAPPED_TWICE));
        assertNull(t1.error());
        assertEquals(1, count(t1, "DELETE FROM post_tag"));
        assertEquals(List.of(Map.of("post_id", 2L, "tag_id", 2L)), t1.tables().get("post_tag"));
    }
}
