package dev.cascadeviz.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Cascade;
import dev.cascadeviz.model.CascadeOption;
import dev.cascadeviz.model.PassiveDeletes;
import dev.cascadeviz.model.ReferentialAction;
import dev.cascadeviz.model.Relationship;
import dev.cascadeviz.model.Scenario;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FixScopeAndBlockedCascadeTest {

    @Test
    void theFixForOndeleteCascadeChangesOnlyPassiveDeletesAndKeepsTheCascadeAsWritten() {
        Scenario s = TinyScenarios.deleteArtist("cascade: 'all, delete'", "ondelete: CASCADE");
        Advice a = Advisor.check(s).stream()
                .filter(x -> x.kind() == Advice.Kind.ONDELETE_CASCADE_WITHOUT_PASSIVE_DELETES).findFirst().orElseThrow();
        Scenario fixed = a.fix().applyTo(s);
        Relationship songs = fixed.mappedClass("Artist").relationship("songs");
        assertEquals("all, delete", songs.cascade(), "the fix said nothing about the cascade's text");
        assertEquals(PassiveDeletes.TRUE, songs.passiveDeletes());
        assertTrue(a.fix().description().startsWith("Set passive_deletes=True on Artist.songs"), a.fix().description());
        assertEquals(s.withClass(s.mappedClass("Artist").withRelationship(
                s.mappedClass("Artist").relationship("songs").withPassiveDeletes(PassiveDeletes.TRUE))), fixed,
                "nothing else changed");
    }

    @Test
    void cascadeEditsTouchOnlyTheWordsTheyNeed() {
        Relationship r = Relationship.to("songs", "Song").withCascade("all, delete");
        assertSame(r, ScenarioChanges.cascade(r, EnumSet.of(CascadeOption.DELETE), Set.of()));
        assertEquals("all, delete, delete-orphan",
                ScenarioChanges.cascade(r, EnumSet.of(CascadeOption.DELETE_ORPHAN), Set.of()).cascade());
        Relationship removed = ScenarioChanges.cascade(r.withCascade("all, delete-orphan"), Set.of(),
                EnumSet.of(CascadeOption.DELETE, CascadeOption.DELETE_ORPHAN));
        Set<CascadeOption> expected = EnumSet.copyOf(Cascade.ALL);
        expected.remove(CascadeOption.DELETE);
        assertEquals(expected, removed.cascadeOptions());
        assertFalse(removed.cascade().contains("delete"), removed.cascade());
        assertEquals("save-update, merge, delete",
                ScenarioChanges.cascade(r.withCascade("save-update, merge"), EnumSet.of(CascadeOption.DELETE), Set.of()).cascade());
        assertEquals("delete", ScenarioChanges.cascade(r.withCascade("none"), EnumSet.of(CascadeOption.DELETE), Set.of()).cascade());
    }

    /** Users → posts (ON DELETE CASCADE, passive_deletes) → comments (no ON DELETE). */
    static Scenario blogWithBlockedCascade(String commentsFk) {
        return TinyScenarios.parse("""
                format: 1
                database: {engine: h2}
                tables:
                  users:
                    columns:
                      id: {type: integer, primary_key: true}
                  posts:
                    columns:
                      id: {type: integer, primary_key: true}
                      user_id: {type: integer, foreign_key: users.id, ondelete: CASCADE}
                  comments:
                    columns:
                      id: {type: integer, primary_key: true}
                      post_id: {type: integer, foreign_key: posts.id%s}
                classes:
                  User:
                    table: users
                    relationships:
                      posts: {target: Post, cascade: 'all, delete-orphan', passive_deletes: true}
                  Post:
                    table: posts
                  Comment:
                    table: comments
                rows:
                  users: [{id: 1}]
                  posts: [{id: 10, user_id: 1}]
                  comments: [{id: 100, post_id: 10}]
                steps:
                  - delete: User(1)
                  - commit
                """.formatted(commentsFk));
    }

    @Test
    void aForeignKeyFurtherDownThatBlocksTheDatabasesCascadeIsNamedBeforeTheRun() {
        Scenario s = blogWithBlockedCascade("");
        List<Advice> advice = Advisor.check(s);
        Advice a = advice.stream().filter(x -> x.kind() == Advice.Kind.PASSIVE_DELETES_CASCADE_BLOCKED).findFirst()
                .orElseThrow(() -> new AssertionError(advice.toString()));
        assertTrue(a.message().contains("comments.post_id → posts.id"), a.message());
        assertEquals("comments.post_id", a.foreignKey());
        Scenario fixed = a.fix().applyTo(s);
        assertEquals(ReferentialAction.CASCADE, fixed.table("comments").column("post_id").ondelete());
        assertTrue(Advisor.check(fixed).stream().noneMatch(x -> x.kind() == Advice.Kind.PASSIVE_DELETES_CASCADE_BLOCKED));
    }

    @Test
    void aChainThatCascadesOrSetsNullAllTheWayIsNotBlocked() {
        assertNull(BlockedDatabaseCascade.blocking(blogWithBlockedCascade(", ondelete: CASCADE"), "posts"));
        assertNull(BlockedDatabaseCascade.blocking(blogWithBlockedCascade(", ondelete: SET NULL"), "posts"));
        BlockedDatabaseCascade.Block b = BlockedDatabaseCascade.blocking(blogWithBlockedCascade(", ondelete: RESTRICT"), "posts");
        assertNotNull(b);
        assertEquals("comments", b.table());
    }
}
