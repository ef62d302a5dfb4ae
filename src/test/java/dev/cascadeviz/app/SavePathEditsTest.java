package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.scenario.ScenarioFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The result tables' save-path edits through the real controls: a new object added, a cell set; each one undoable edit. */
class SavePathEditsTest extends WindowTestBase {

    private List<Step> original;

    @BeforeEach
    void openScenario() throws Exception {
        show(ScenarioFiles.load(Path.of(getClass().getResource("/dev/cascadeviz/workbench/save_marks.yaml").toURI())));
        original = model.getScenario().steps();
    }

    /** The context menu of orders' second row (Order(2), note b), then its "new object like it". */
    private void openNewObjectDialog() {
        rightClickOn(cell("orders", 2, 1));
        clickOn("new Order(…) + session.add; commit");
    }

    @Test
    void typedValuesAddANewObjectAsOneUndoableEdit() {
        openNewObjectDialog();
        assertEquals("{note: 'b'}", lookup("#new-object-values").<TextField>query().getText());
        clickOn("#new-object-values").push(KeyCode.END).eraseText(20).write("{note: rush}").push(KeyCode.ENTER);
        awaitRun();
        List<Step> steps = model.getScenario().steps();
        assertEquals(original.size() + 3, steps.size());
        assertEquals(original, steps.subList(0, original.size()));
        assertEquals(new Step.New("o2", "Order", Map.of("note", "rush")), steps.get(original.size()));
        assertEquals(new Step.Add(ObjectRef.named("o2", "Order")), steps.get(original.size() + 1));
        assertEquals(new Step.Commit(), steps.get(original.size() + 2));
        // committed, so the result tables show the new order
        assertTrue(model.getTrace().tables().get("orders").stream().anyMatch(r -> "rush".equals(r.get("note"))));
        interact(model::undo);
        assertEquals(original, model.getScenario().steps());
    }

    @Test
    void valuesTheLoaderRefusesAreSaidAndChangeNothing() {
        openNewObjectDialog();
        clickOn("#new-object-values").push(KeyCode.END).eraseText(20).write("{colour: red}").push(KeyCode.ENTER);
        // the dialog stays open with the loader's message
        TextField field = lookup("#new-object-values").query();
        assertTrue(field.getScene().getWindow().isShowing());
        clickOn("Cancel");
        assertEquals(original, model.getScenario().steps());
        assertFalse(model.jobs().canUndoProperty().get());
    }

    @Test
    void editingACellAppendsASetOnThatColumnAsOneUndoableEdit() {
        // orders row 2 (id 2, note b) is untouched by the run
        doubleClickOn(cell("orders", 2, 2));
        clickOn("#cell-edit-value").push(KeyCode.END).eraseText(5).write("late").push(KeyCode.ENTER);
        awaitRun();
        List<Step> steps = model.getScenario().steps();
        assertEquals(original.size() + 2, steps.size());
        assertEquals(new Step.SetColumn(new ObjectRef("Order", List.of(2L)), "note", "late"), steps.get(steps.size() - 2));
        assertEquals(new Step.Commit(), steps.get(steps.size() - 1));
        assertEquals("b → late", cell("orders", 2, 2).getText(), "committed: the result shows the UPDATE");
        interact(model::undo);
        assertEquals(original, model.getScenario().steps());
        assertTrue(lookup("#cell-edit-value").tryQuery().isEmpty());
    }
}
