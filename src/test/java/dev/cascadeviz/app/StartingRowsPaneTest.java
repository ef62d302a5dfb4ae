package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.tables.ResultTablesView;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.scenario.ScenarioFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The starting rows edited in the tables pane through the real controls (issue 12): the pane
 * says which data it shows, a cell is edited in place, rows are added and deleted, each one
 * undoable edit that adds no step; a value the loader refuses says why and changes nothing.
 */
class StartingRowsPaneTest extends WindowTestBase {

    private Scenario original;

    @BeforeEach
    void openScenario() throws Exception {
        show(ScenarioFiles.load(Path.of(getClass().getResource("/dev/cascadeviz/workbench/save_marks.yaml").toURI())));
        original = model.getScenario();
    }

    private ResultTablesView pane() {
        return lookup("#result-tables").query();
    }

    private boolean showsStartingRows() {
        return pane().getPseudoClassStates().contains(ResultTablesView.STARTING_ROWS);
    }

    private List<Map<String, Object>> orders() {
        return model.getScenario().rowsOf("orders");
    }

    @Test
    void thePaneSaysWhichDataItShowsAndWhatAnEditDoes() {
        assertFalse(showsStartingRows());
        assertTrue(lookup("#tables-run-result").<ToggleButton>query().isSelected());
        assertTrue(lookup("#tables-mode-hint").<Label>query().getText().contains("session steps"));
        clickOn("#tables-starting-rows");
        assertTrue(showsStartingRows());
        assertTrue(lookup("#tables-starting-rows").<ToggleButton>query().isSelected());
        assertTrue(lookup("#tables-mode-hint").<Label>query().getText().contains("starting rows"));
        assertTrue(lookup("#tables-state").<Label>query().getText().contains("starting rows"));
        assertEquals(0, model.getStep(), "the log and graph show the state before the first statement");
        // the statement after shows the result again
        interact(model::stepNext);
        assertFalse(showsStartingRows());
        interact(() -> model.stepTo(0));
        assertTrue(showsStartingRows());
        clickOn("#tables-run-result");
        assertFalse(showsStartingRows());
        assertEquals(-1, model.getStep());
    }

    @Test
    void aCellIsEditedInPlaceAsOneUndoableEditOfTheStartingRows() {
        clickOn("#tables-starting-rows");
        doubleClickOn(cell("orders", 2, 2));
        TextField field = lookup("#starting-cell-editor").query();
        assertEquals("b", field.getText());
        write("rush").push(KeyCode.ENTER);
        awaitRun();
        assertEquals("rush", orders().get(1).get("note"));
        assertEquals(original.steps(), model.getScenario().steps(), "no step added");
        assertTrue(showsStartingRows(), "still on the starting rows after the run restarted");
        assertEquals("rush", cell("orders", 2, 2).getText());
        interact(model::undo);
        awaitRun();
        assertEquals(original.rows(), model.getScenario().rows());
        assertEquals("b", cell("orders", 2, 2).getText());
    }

    @Test
    void aRefusedValueSaysWhyAndChangesNothing() {
        clickOn("#tables-starting-rows");
        doubleClickOn(cell("orders", 1, 1));
        write("seven").push(KeyCode.ENTER);
        Label refusal = lookup("#tables-refusal").query();
        assertTrue(refusal.isVisible());
        assertTrue(refusal.getText().contains("integer"), refusal.getText());
        assertTrue(lookup("#starting-cell-editor").tryQuery().isPresent(), "the field stays open to correct");
        assertEquals(original, model.getScenario());
        assertFalse(model.jobs().canUndoProperty().get());
        push(KeyCode.ESCAPE);
        assertTrue(lookup("#starting-cell-editor").tryQuery().isEmpty());
        assertEquals("1", cell("orders", 1, 1).getText());
    }

    @Test
    void rowsAreAddedByTheCardsButtonAndDeletedFromTheRowMenuOrARightClick() {
        clickOn("#tables-starting-rows");
        clickOn("#starting-add-orders");
        awaitRun();
        assertEquals(3, orders().size());
        assertEquals("3", cell("orders", 3, 1).getText());
        rightClickOn(cell("orders", 2, 2));
        clickOn("Delete starting row 2");
        awaitRun();
        assertEquals(List.of(1L, 3L), orders().stream().map(r -> r.get("id")).toList());
        assertEquals(original.steps(), model.getScenario().steps());
        clickOn("#starting-row-orders-1"); // the ⋯ menu of the row now second (id 3)
        clickOn("Delete starting row 2");
        awaitRun();
        assertEquals(List.of(1L), orders().stream().map(r -> r.get("id")).toList());
        interact(model::undo);
        interact(model::undo);
        interact(model::undo);
        awaitRun();
        assertEquals(original.rows(), model.getScenario().rows());
    }

    @Test
    void inTheRunResultACellEditAppendsAStepInstead() {
        assertFalse(showsStartingRows());
        doubleClickOn(cell("orders", 2, 2));
        clickOn("#cell-edit-value").push(KeyCode.END).eraseText(5).write("late").push(KeyCode.ENTER);
        awaitRun();
        assertEquals(original.rows(), model.getScenario().rows(), "the starting rows are as they were");
        List<Step> steps = model.getScenario().steps();
        assertEquals(original.steps().size() + 2, steps.size());
        assertTrue(steps.get(steps.size() - 2) instanceof Step.SetColumn);
    }
}
