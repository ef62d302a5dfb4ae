package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.viewmodel.Selection;
import dev.cascadeviz.fixtures.TestScenarios;
import dev.cascadeviz.model.Cascade;
import dev.cascadeviz.model.CascadeOption;
import dev.cascadeviz.model.PassiveDeletes;
import dev.cascadeviz.model.ReferentialAction;
import dev.cascadeviz.model.Relationship;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.Test;

class InspectorTest extends WindowTestBase {

    private Relationship songs() {
        return model.getScenario().mappedClass("Artist").relationship("songs");
    }

    @Test
    void clickingAnEdgeSelectsItsRelationship() {
        show(TestScenarios.artistSongs("all, delete", true));
        clickOn(window.graph().edgeView("Artist", "songs").label());
        assertEquals(new Selection.Edge("Artist", "songs"), model.selectionProperty().get());
        assertTrue(lookup("#cascade-delete").<CheckBox>query().isSelected());
    }

    @Test
    void uncheckingDeleteIsAnUndoableCascadeChange() {
        show(TestScenarios.artistSongs("all, delete", true));
        clickOn(window.graph().edgeView("Artist", "songs").label());
        clickOn("#cascade-delete");
        assertFalse(songs().cascades(CascadeOption.DELETE));
        assertTrue(stage.getTitle().endsWith(" •"), stage.getTitle());
        interact(model::undo);
        assertTrue(songs().cascades(CascadeOption.DELETE));
        assertFalse(stage.getTitle().endsWith(" •"), stage.getTitle());
    }

    @Test
    void checkingAllAddsEveryOptionAllStandsFor() {
        show(TestScenarios.artistSongs("save-update", true));
        interact(() -> model.selectionProperty().set(new Selection.Edge("Artist", "songs")));
        clickOn("#cascade-all");
        assertTrue(songs().cascadeOptions().containsAll(Cascade.ALL));
        assertFalse(songs().cascades(CascadeOption.DELETE_ORPHAN));
    }

    @Test
    void passiveDeletesAndTheForeignKeyRuleAreEdits() {
        show(TestScenarios.artistSongs("all, delete", true));
        interact(() -> model.selectionProperty().set(new Selection.Edge("Artist", "songs")));
        clickOn("#passive-true");
        assertEquals(PassiveDeletes.TRUE, songs().effectivePassiveDeletes());
        interact(() -> lookup("#ondelete").<ComboBox<String>>query().setValue("CASCADE"));
        assertEquals(ReferentialAction.CASCADE, model.getScenario().table("song").column("artist_id").ondelete());
        interact(model::undo);
        assertEquals(null, model.getScenario().table("song").column("artist_id").ondelete());
        assertEquals(PassiveDeletes.TRUE, songs().effectivePassiveDeletes());
    }

    @Test
    void clearingNullableChangesTheColumn() {
        show(TestScenarios.artistSongs("all, delete", true));
        interact(() -> model.selectionProperty().set(new Selection.Edge("Artist", "songs")));
        clickOn("#fk-nullable");
        assertFalse(model.getScenario().table("song").column("artist_id").nullable());
    }
}
