package dev.cascadeviz.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.mapping.MappingResolver;
import dev.cascadeviz.scenario.ScenarioCheck;
import dev.cascadeviz.scenario.StepNotation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 12: renaming a table (and a class with its table) follows every name, or the loader refuses it. */
class TableRenamesTest {

    @Test
    void aRenamedTableIsFollowedByForeignKeysSecondaryMappingAndRows() throws Exception {
        Scenario s = SampleRows.fill(SixClassModel.build(), 2);
        Scenario r = TableRenames.renameTable(s, "tags", "labels");
        assertEquals(List.of(), ScenarioCheck.problems(r));
        MappingResolver.resolveStructure(r);
        assertNull(r.table("tags"));
        assertEquals("labels", r.mappedClass("Tag").table());
        assertEquals("labels.id", r.table("post_tags").column("tags_id").foreignKey());
        assertEquals("post_tags", r.mappedClass("Post").relationship("tags").secondary());
        assertEquals(s.rowsOf("tags"), r.rowsOf("labels"));
        assertFalse(r.rows().containsKey("tags"));
        // the association table itself, named by secondary on both sides
        Scenario a = TableRenames.renameTable(r, "post_tags", "post_label");
        assertEquals(List.of(), ScenarioCheck.problems(a));
        assertEquals("post_label", a.mappedClass("Post").relationship("tags").secondary());
        assertEquals("post_label", a.mappedClass("Tag").relationship("posts").secondary());
        // the table keeps its place among the tables
        assertEquals(List.copyOf(s.tables().keySet()).indexOf("post_tags"), List.copyOf(a.tables().keySet()).indexOf("post_label"));
    }

    @Test
    void aClassIsRenamedWithItsTableAndStepsFollowTheClass() {
        Scenario s = SampleRows.fill(SixClassModel.build(), 2);
        s = s.withSteps(List.of(StepNotation.parse("delete User(1)", s)));
        Scenario r = TableRenames.renameClassAndTable(s, "User", "Account", "accounts");
        assertEquals(List.of(), ScenarioCheck.problems(r));
        assertEquals("accounts", r.mappedClass("Account").table());
        assertEquals("accounts.id", r.table("posts").column("users_id").foreignKey());
        assertEquals("accounts.id", r.table("profiles").column("users_id").foreignKey());
        assertEquals("Account", r.mappedClass("Post").relationship("author").target());
        assertEquals("delete Account(1)", StepNotation.line(r.steps().get(0)));
        assertTrue(r.layout().containsKey("Account"));
    }

    @Test
    void aNameAnotherTableHasIsRefusedByTheLoaderAndBothTablesSurviveTheAttempt() {
        Scenario s = SixClassModel.build();
        Scenario r = TableRenames.renameTable(s, "posts", "users");
        List<String> problems = ScenarioCheck.problems(r);
        assertTrue(problems.stream().anyMatch(p -> p.contains("duplicate key 'users'")), problems.toString());
        assertEquals(s.tables().size(), r.tables().size());
    }
}
