package dev.cascadeviz.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.editing.RelationshipPlan.Kind;
import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.Point;
import dev.cascadeviz.model.Relationship;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.mapping.MappingResolver;
import dev.cascadeviz.scenario.ScenarioCheck;
import dev.cascadeviz.scenario.ScenarioFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelEditsTest {

    @Test
    void theSixClassModelBuiltByEditsIsOneTheLoaderAndTheMapperAccept() throws Exception {
        Scenario s = SixClassModel.build();
        assertEquals(List.of("User", "Profile", "Post", "Comment", "Tag"), List.copyOf(s.classes().keySet()));
        assertTrue(s.tables().containsKey("post_tags"));
        // the proposed keys were created on the right side
        assertEquals("users.id", s.table("profiles").column("users_id").foreignKey());
        assertEquals("users.id", s.table("posts").column("users_id").foreignKey());
        assertEquals("posts.id", s.table("comments").column("posts_id").foreignKey());
        assertEquals("users.id", s.table("comments").column("users_id").foreignKey());
        assertEquals(Boolean.FALSE, s.mappedClass("User").relationship("profile").uselist());
        assertEquals("tags", s.mappedClass("Tag").relationship("posts").backPopulates());
        assertEquals("post_tags", s.mappedClass("Tag").relationship("posts").secondary());
        MappingResolver.resolveStructure(s); // throws if SQLAlchemy would refuse the mapping
        assertEquals(List.of(), ScenarioCheck.problems(s));
        assertEquals(s, ScenarioFiles.parse(ScenarioFiles.toYaml(s), "six.yaml"));
    }

    @Test
    void obviousDirectionComesFromTheForeignKeyElseTheWindowAsks() {
        Scenario s = SixClassModel.build();
        assertEquals(Kind.ONE_TO_MANY, RelationshipPlan.obvious(s, "Post", "Comment"));
        assertEquals(Kind.MANY_TO_ONE, RelationshipPlan.obvious(s, "Comment", "Post"));
        assertNull(RelationshipPlan.obvious(s, "Tag", "Comment"));
        assertTrue(new RelationshipPlan("Tag", "Comment", Kind.ONE_TO_MANY, "comments", null, null).proposal(s)
                .contains("new column comments.tags_id → tags.id"));
        assertTrue(new RelationshipPlan("Post", "Comment", Kind.ONE_TO_MANY, "replies", null, null).proposal(s)
                .contains("the foreign key comments.posts_id → posts.id"));
    }

    @Test
    void renamingAClassFollowsRelationshipsAndLayout() {
        Scenario s = ModelEdits.renameClass(SixClassModel.build(), "User", "Person");
        assertEquals("Person", s.mappedClass("Post").relationship("author").target());
        assertTrue(s.layout().containsKey("Person"));
        assertFalse(s.layout().containsKey("User"));
        assertEquals(List.of(), ScenarioCheck.problems(s));
    }

    @Test
    void deletingAClassNamesItsDependentsAndTakesThemAlong() {
        Scenario s = SixClassModel.build();
        List<String> deps = ModelEdits.classDependents(s, "Post");
        assertTrue(deps.contains("relationship User.posts"), deps.toString());
        assertTrue(deps.contains("relationship Comment.post"), deps.toString());
        assertTrue(deps.stream().anyMatch(d -> d.contains("association table post_tags")), deps.toString());
        Scenario after = ModelEdits.deleteClass(s, "Post");
        assertFalse(after.tables().containsKey("posts"));
        assertFalse(after.tables().containsKey("post_tags"));
        assertFalse(after.mappedClass("Tag").relationships().containsKey("posts"));
        assertNull(after.table("comments").column("posts_id").foreignKey());
        assertEquals(List.of(), ScenarioCheck.problems(after));
    }

    @Test
    void renamingAReferencedColumnRenamesTheForeignKeysTarget() {
        Scenario s = SixClassModel.build();
        Column id = s.table("users").column("id");
        Scenario after = ModelEdits.replaceColumn(s, "users", "id", new Column("user_id", id.type(), null, true, false,
                false, false, null, null, null, null));
        assertEquals("users.user_id", after.table("posts").column("users_id").foreignKey());
        assertEquals(List.of(), ScenarioCheck.problems(after));
    }

    @Test
    void deletingAForeignKeyTakesTheRelationshipsItCarries() {
        Scenario s = SixClassModel.build();
        ForeignKey fk = s.table("comments").allForeignKeys().stream().filter(k -> k.referencedTable().equals("posts"))
                .findFirst().orElseThrow();
        assertEquals(List.of("relationship Post.comments", "relationship Comment.post"),
                ModelEdits.foreignKeyDependents(s, "comments", fk));
        Scenario after = ModelEdits.deleteForeignKey(s, "comments", fk);
        assertFalse(after.mappedClass("Post").relationships().containsKey("comments"));
        assertTrue(after.table("comments").columns().containsKey("posts_id"));
        assertEquals(List.of(), ScenarioCheck.problems(after));
    }

    @Test
    void refusalsSayWhy() {
        Scenario s = SixClassModel.build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelEdits.addClass(s, "User", "x", null))
                .getMessage().contains("already a class User"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelEdits.addClass(s, "9x", "x", null))
                .getMessage().contains("identifier"));
        // a string column without length is fine in the format; a foreign key to nowhere is not
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelEdits.replaceColumn(s, "posts", "title",
                new Column("title", ColumnType.STRING, null, false, true, false, false, null, "nowhere.id", null, null)))
                .getMessage().contains("existing table.column"));
        // a composite primary key is an edit like any other
        Scenario twoPk = ModelEdits.replaceColumn(s, "tags", "label",
                new Column("label", ColumnType.STRING, 80, true, false, false, false, null, null, null, null));
        assertEquals(2, twoPk.table("tags").primaryKey().size());
    }

    @Test
    void theCheckReportsTheLoadersMessage(@TempDir Path dir) {
        Scenario s = SixClassModel.build();
        // a relationship to a class with no key between them: the loader (mapping) refuses it
        Scenario bad = s.withClass(s.mappedClass("Tag").withRelationship(Relationship.to("users", "User")));
        List<String> problems = ScenarioCheck.problems(bad);
        assertFalse(problems.isEmpty());
        assertTrue(problems.get(0).contains("Tag.users"), problems.toString());
    }

    @Test
    void sampleRowsAreConsistentAndTheLoaderAcceptsThem() throws Exception {
        Scenario s = SampleRows.fill(SixClassModel.build(), 3);
        for (String t : s.tables().keySet()) {
            assertEquals(3, s.rowsOf(t).size(), t);
        }
        assertEquals(List.of(), ScenarioCheck.problems(s));
        // every foreign key value names an existing row
        for (var t : s.tables().values()) {
            for (ForeignKey fk : t.allForeignKeys()) {
                for (var row : s.rowsOf(t.name())) {
                    Object v = row.get(fk.columns().get(0));
                    assertTrue(v == null || s.rowsOf(fk.referencedTable()).stream()
                            .anyMatch(p -> v.equals(p.get(fk.referencedColumns().get(0)))), t.name() + " " + row);
                }
            }
        }
        // the association table's pairs are distinct (its primary key)
        assertEquals(3, s.rowsOf("post_tags").stream().distinct().count());
    }
}
