package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.fixtures.TestScenarios;
import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.scenario.StepNotation;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

class StepEditorTest extends WindowTestBase {

    private void openStepsTab() {
        clickOn("Steps");
    }

    @Test
    void addingATypedStepInsertsItAfterTheSelectedOneAndCanBeUndone() {
        show(TestScenarios.artistSongs("all, delete", true));
        openStepsTab();
        interact(() -> lookup("#step-list").<ListView<Step>>query().getSelectionModel().select(0));
        clickOn("#step-input").write("load Artist(2).songs");
        clickOn("#step-add");
        assertEquals(List.of(new Step.Delete(ObjectRef.of("Artist", 1L)), new Step.Load(ObjectRef.of("Artist", 2L), "songs"),
                new Step.Commit()), model.getScenario().steps());
        interact(model::undo);
        assertEquals(2, model.getScenario().steps().size());
    }

    @Test
    void aMistypedStepIsExplainedAndChangesNothing() {
        show(TestScenarios.artistSongs("all, delete", true));
        openStepsTab();
        clickOn("#step-input").write("delete Band(1)");
        clickOn("#step-add");
        assertEquals(2, model.getScenario().steps().size());
        String message = lookup("#step-message").<Label>query().getText();
        assertTrue(message.contains("Band"), message);
    }

    @Test
    void movingAStepDownReordersTheSteps() {
        show(TestScenarios.artistSongs("all, delete", true));
        openStepsTab();
        interact(() -> lookup("#step-list").<ListView<Step>>query().getSelectionModel().select(0));
        clickOn("#step-down");
        assertEquals(List.of(new Step.Commit(), new Step.Delete(ObjectRef.of("Artist", 1L))), model.getScenario().steps());
    }

    @Test
    void removingAStepDropsIt() {
        show(TestScenarios.artistSongs("all, delete", true));
        openStepsTab();
        interact(() -> lookup("#step-list").<ListView<Step>>query().getSelectionModel().select(1));
        clickOn("#step-remove");
        assertEquals(List.of(new Step.Delete(ObjectRef.of("Artist", 1L))), model.getScenario().steps());
    }

    private static final List<Step> STEPS = List.of(new Step.Delete(ObjectRef.of("Artist", 1L)), new Step.Commit());

    /** The list's cell showing step {@code number} (1-based). */
    private Node cell(int number) {
        return lookup(".list-cell").match((ListCell<?> c) -> c.getText() != null && c.getText().startsWith(number + ". "))
                .query();
    }

    private String undoDescription() {
        return model.jobs().undoDescriptionProperty().get();
    }

    @Test
    void doubleClickingAStepEditsItInPlaceAsOneUndoableEdit() {
        show(TestScenarios.artistSongs("all, delete", true));
        openStepsTab();
        doubleClickOn(cell(1));
        TextField field = lookup("#step-edit-field").query();
        assertEquals("delete Artist(1)", field.getText());
        write("delete Artist(2)").type(KeyCode.ENTER);
        assertEquals(List.of(new Step.Delete(ObjectRef.of("Artist", 2L)), new Step.Commit()), model.getScenario().steps());
        assertEquals("Edit step 1: 'delete Artist(1)' to 'delete Artist(2)'", undoDescription());
        assertTrue(lookup("#step-edit-field").tryQuery().isEmpty() || !lookup("#step-edit-field").query().isVisible());
        interact(model::undo);
        assertEquals(STEPS, model.getScenario().steps());
    }

    @Test
    void anEditNamingAMissingRowShowsTheLoadersMessageAndChangesNothing() {
        show(TestScenarios.artistSongs("all, delete", true));
        openStepsTab();
        String before = undoDescription();
        clickOn(cell(2)).type(KeyCode.F2);
        TextField field = lookup("#step-edit-field").query();
        assertEquals("commit", field.getText());
        write("delete Artist(99)").type(KeyCode.ENTER);
        Label why = lookup("#step-edit-message").query();
        assertTrue(why.isVisible());
        assertTrue(why.getText().contains("no row for Artist(99)"), why.getText());
        assertEquals(STEPS, model.getScenario().steps());
        assertEquals(before, undoDescription());
        type(KeyCode.ESCAPE);
        assertEquals(-1, lookup("#step-list").<ListView<Step>>query().getEditingIndex());
        assertEquals(STEPS, model.getScenario().steps());
        assertEquals(before, undoDescription());
    }

    @Test
    void altDownMovesTheSelectedStepAsOneUndoableEdit() {
        show(TestScenarios.artistSongs("all, delete", true));
        openStepsTab();
        clickOn(cell(1));
        push(KeyCode.ALT, KeyCode.DOWN);
        assertEquals(List.of(new Step.Commit(), new Step.Delete(ObjectRef.of("Artist", 1L))), model.getScenario().steps());
        assertEquals(1, lookup("#step-list").<ListView<Step>>query().getSelectionModel().getSelectedIndex());
        assertEquals("Move step 'delete Artist(1)' down", undoDescription());
        push(KeyCode.ALT, KeyCode.UP);
        assertEquals(STEPS, model.getScenario().steps());
        interact(model::undo);
        interact(model::undo);
        assertEquals(STEPS, model.getScenario().steps());
        assertFalse(undoDescription().startsWith("Move step"), undoDescription());
    }

    @Test
    void aMoveTheLoaderWouldRefuseIsExplainedAndChangesNothing() {
        Scenario s = TestScenarios.artistSongs("all, delete", true);
        Scenario bound = s.withSteps(List.of(StepNotation.parse("get Artist(1) as a", s)));
        List<Step> steps = List.of(bound.steps().get(0), StepNotation.parse("delete a", bound), new Step.Commit());
        show(s.withSteps(steps));
        openStepsTab();
        String before = undoDescription();
        clickOn(cell(2));
        push(KeyCode.ALT, KeyCode.UP);
        assertEquals(steps, model.getScenario().steps());
        assertEquals(before, undoDescription());
        Label message = lookup("#step-message").query();
        assertTrue(message.isVisible());
        assertTrue(message.getText().startsWith("Cannot move step 2: step 1: ") && message.getText().contains("'a'"),
                message.getText());
    }

    @Test
    void draggingAStepOntoAnotherMovesItThereAsOneUndoableEdit() {
        show(TestScenarios.artistSongs("all, delete", true));
        openStepsTab();
        drag(cell(1)).dropTo(cell(2));
        assertEquals(List.of(new Step.Commit(), new Step.Delete(ObjectRef.of("Artist", 1L))), model.getScenario().steps());
        assertEquals("Move step 'delete Artist(1)' from 1 to 2", undoDescription());
        interact(model::undo);
        assertEquals(STEPS, model.getScenario().steps());
    }
}
