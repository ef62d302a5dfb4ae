package dev.cascadeviz.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.editor.NewScenario;
import dev.cascadeviz.editing.RelationshipPlan.Kind;
import dev.cascadeviz.interop.PythonExport;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.Point;
import dev.cascadeviz.model.Release;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.model.mapping.MappingResolver;
import dev.cascadeviz.orm.Simulator;
import dev.cascadeviz.scenario.ScenarioCheck;
import dev.cascadeviz.scenario.StepNotation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 12: "association object" drawn as one relationship, SQLAlchemy's pattern, accepted by the loader. */
class AssociationObjectTest {

    private static Scenario postAndTag() {
        Scenario s = NewScenario.empty(Engine.SQLITE,
                Release.V2_1);
        s = ModelEdits.addClass(s, "Post", "posts", new Point(40, 40));
        return ModelEdits.addClass(s, "Tag", "tags", new Point(400, 40));
    }

    @Test
    void anAssociationObjectIsAClassKeyedByBothEndsWithTwoBackPopulatesPairs() throws Exception {
        Scenario s = new RelationshipPlan("Post", "Tag", Kind.ASSOCIATION_OBJECT, "post_tags", "post_tags", null, null)
                .apply(postAndTag());
        assertEquals(List.of(), ScenarioCheck.problems(s));
        MappingResolver.resolveStructure(s); // throws when SQLAlchemy would refuse the mapping
        MappedClass assoc = s.mappedClass("PostTag");
        assertEquals("post_tag", assoc.table());
        var t = s.table("post_tag");
        assertEquals(List.of("posts_id", "tags_id"), t.primaryKey().stream().map(c -> c.name()).toList());
        assertEquals("posts.id", t.column("posts_id").foreignKey());
        assertEquals("tags.id", t.column("tags_id").foreignKey());
        // Post.post_tags <-> PostTag.post, Tag.post_tags <-> PostTag.tag
        assertEquals("PostTag", s.mappedClass("Post").relationship("post_tags").target());
        assertEquals("post", s.mappedClass("Post").relationship("post_tags").backPopulates());
        assertEquals("Post", assoc.relationship("post").target());
        assertEquals("post_tags", assoc.relationship("post").backPopulates());
        assertEquals("Tag", assoc.relationship("tag").target());
        assertEquals("post_tags", assoc.relationship("tag").backPopulates());
        assertEquals("tag", s.mappedClass("Tag").relationship("post_tags").backPopulates());
        assertNull(assoc.relationship("post").secondary());
        // its card goes between the two ends, below them
        assertEquals(new Point(220, 200), s.layout().get("PostTag"));
        // the Python module says the pattern as SQLAlchemy's documentation writes it
        String py = PythonExport.module(s);
        assertTrue(py.contains("class PostTag("), py);
        assertTrue(py.contains("relationship(\"PostTag\", back_populates=\"post\")"), py);
        assertTrue(py.contains("relationship(\"Post\", back_populates=\"post_tags\")"), py);
    }

    @Test
    void theSimulatorRunsAStepThroughIt() {
        Scenario s = new RelationshipPlan("Post", "Tag", Kind.ASSOCIATION_OBJECT, "post_tags", "post_tags", "tagging", "Tagging")
                .apply(postAndTag());
        s = SampleRows.fill(s, 2);
        s = s.withSteps(List.<Step>of(StepNotation.parse("delete Tagging(1, 1)", s), StepNotation.parse("flush", s)));
        assertEquals(List.of(), ScenarioCheck.problems(s));
        var trace = new Simulator().run(s, null);
        assertNull(trace.error(), String.valueOf(trace.error()));
        assertTrue(trace.statements().stream().anyMatch(st -> st.sql().startsWith("DELETE FROM tagging")), trace.toString());
    }

    @Test
    void withoutTheTargetsCollectionTheTargetSideHasNoBackPopulates() {
        Scenario s = new RelationshipPlan("Post", "Tag", Kind.ASSOCIATION_OBJECT, "taggings", null, "tagging", "Tagging")
                .apply(postAndTag());
        assertEquals(List.of(), ScenarioCheck.problems(s));
        assertTrue(s.mappedClass("Tag").relationships().isEmpty());
        assertNull(s.mappedClass("Tagging").relationship("tag").backPopulates());
        assertEquals("taggings", s.mappedClass("Tagging").relationship("post").backPopulates());
    }

    @Test
    void aClassNameOrTableThatExistsOrAClassToItselfIsRefusedWithASentence() {
        Scenario s = postAndTag();
        var e = assertThrows(IllegalArgumentException.class,
                () -> new RelationshipPlan("Post", "Tag", Kind.ASSOCIATION_OBJECT, "x", null, "tags", "Tagging").apply(s));
        assertTrue(e.getMessage().contains("already a table tags"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new RelationshipPlan("Post", "Tag", Kind.ASSOCIATION_OBJECT, "x", null, null, "Post").apply(s));
        assertTrue(e.getMessage().contains("already a class Post"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new RelationshipPlan("Post", "Post", Kind.ASSOCIATION_OBJECT, "x", null, null, null).apply(s));
        assertTrue(e.getMessage().contains("foreign_keys"), e.getMessage());
    }
}
