package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.fixtures.TestScenarios;
import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.Step;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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
}
