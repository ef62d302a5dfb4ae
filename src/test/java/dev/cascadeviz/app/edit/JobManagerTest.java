package dev.cascadeviz.app.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.fixtures.TestScenarios;
import dev.cascadeviz.model.Scenario;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class JobManagerTest {

    private final Scenario a = TestScenarios.artistSongs("save-update, merge", true);
    private final Scenario b = a.withTitle("changed");
    private final AtomicReference<Scenario> current = new AtomicReference<>(a);
    private final JobManager jobs = new JobManager();

    @Test
    void undoSwapsTheWholeScenarioBack() {
        jobs.push(new ScenarioJob("Rename", a, b, current::set));
        assertEquals(b, current.get());
        jobs.undo();
        assertEquals(a, current.get());
        jobs.redo();
        assertEquals(b, current.get());
    }

    @Test
    void isDirtyUntilSavedAndAgainAfterUndoingPastTheSave() {
        jobs.push(new ScenarioJob("Rename", a, b, current::set));
        assertTrue(jobs.dirtyProperty().get());
        jobs.markSaved();
        assertFalse(jobs.dirtyProperty().get());
        jobs.undo();
        assertTrue(jobs.dirtyProperty().get());
        jobs.redo();
        assertFalse(jobs.dirtyProperty().get());
    }

    @Test
    void namesTheJobToUndo() {
        jobs.push(new ScenarioJob("Set cascade of Artist.songs", a, b, current::set));
        assertEquals("Set cascade of Artist.songs", jobs.undoDescriptionProperty().get());
    }
}
