package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Release;
import dev.cascadeviz.model.Scenario;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.ChoiceBox;
import org.junit.jupiter.api.Test;

class ReleaseChoiceTest extends WindowTestBase {

    private ChoiceBox<Release> choice() {
        return lookup("#release-choice").query();
    }

    @Test
    void showsTheScenariosReleaseAndIsDisabledWithNothingOpen() {
        assertTrue(choice().isDisabled(), "nothing loaded yet");
        openDefault();
        assertFalse(choice().isDisabled());
        assertEquals(model.getScenario().release(), choice().getValue());
    }

    @Test
    void choosingAReleaseIsOneUndoableEditThatRunsAgain() {
        openDefault();
        List<Release> ran = new CopyOnWriteArrayList<>();
        var real = AppServices.runner();
        runner.use((s, e) -> {
            ran.add(s.release());
            return real.run(s, e);
        });
        Release before = model.getScenario().release();
        Release other = before == Release.V2_0 ? Release.V2_1 : Release.V2_0;
        interact(() -> choice().setValue(other));
        awaitRun();
        assertEquals(other, model.getScenario().release());
        assertEquals(List.of(other), ran, "the change runs the steps again, under the chosen release");
        assertTrue(model.isDirty());
        assertTrue(stage.getTitle().endsWith(" •"), stage.getTitle());
        assertEquals("Use SQLAlchemy " + other.text(), model.jobs().undoDescriptionProperty().get());

        interact(model::undo);
        awaitRun();
        assertEquals(before, model.getScenario().release());
        assertEquals(before, choice().getValue(), "the selector follows undo");
        assertFalse(model.isDirty());
        assertFalse(model.jobs().canUndoProperty().get(), "the change was one edit");
    }

    @Test
    void openingAScenarioThatPinsAReleaseShowsIt() {
        openDefault();
        Scenario pinned = model.getScenario().withSqlalchemy(Release.V2_0);
        show(pinned);
        assertEquals(Release.V2_0, choice().getValue());
        assertFalse(model.isDirty(), "showing a release is not an edit");
    }
}
