package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.library.ScenarioLibrary;
import dev.cascadeviz.app.viewmodel.ScenarioIO;
import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.workbench.Edits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A big file is read off the JavaFX thread: while it is read the window answers, says so, and
 * Cancel stops the read (nothing is opened); a read that completes opens the scenario as a
 * small file would.
 */
class OpenBigFileTest extends WindowTestBase {

    @TempDir
    Path dir;
    private final CountDownLatch reading = new CountDownLatch(1);
    private final CountDownLatch interrupted = new CountDownLatch(1);
    private volatile boolean block;
    /** Runs with the real runner; a test may hold a run until released. */
    private volatile CountDownLatch holdRun;
    private final CountDownLatch runStarted = new CountDownLatch(1);

    /** The real loader, which can be made to wait (as a slow disk or a huge file would) until interrupted. */
    private final ScenarioIO io = new ScenarioIO() {
        @Override
        public Scenario load(Path file) throws Exception {
            reading.countDown();
            if (block) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw e;
                }
            }
            return AppServices.files().load(file);
        }

        @Override
        public Scenario parse(String text, String fileName) throws Exception {
            return AppServices.files().parse(text, fileName);
        }

        @Override
        public void save(Scenario scenario, Path file) throws Exception {
            AppServices.files().save(scenario, file);
        }
    };

    @Override
    protected ScenarioIO files() {
        return io;
    }

    @Override
    protected String recentFilesNode() {
        return "dev/cascadeviz/app-test-big";
    }

    @BeforeEach
    void runsCanBeHeld() {
        runner.use((scenario, engine) -> {
            runStarted.countDown();
            CountDownLatch hold = holdRun;
            if (hold != null) {
                hold.await(30, TimeUnit.SECONDS);
            }
            return AppServices.runner().run(scenario, engine);
        });
    }

    /** A lesson padded with a YAML comment past the size read in the background. */
    private Path bigFile() throws Exception {
        String lesson = ScenarioLibrary.text("31-libraries-books-not-null.yaml");
        StringBuilder text = new StringBuilder(lesson).append('\n');
        while (text.length() <= WorkspaceModel.READ_IN_BACKGROUND_ABOVE + 1000) {
            text.append("# padding: a big file is read off the JavaFX thread\n");
        }
        Path file = dir.resolve("big.yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void cancelStopsTheReadOfABigFileAndOpensNothing() throws Exception {
        Path file = bigFile();
        block = true;
        interact(() -> window.open(file));
        assertTrue(reading.await(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.isRunning(), "the read counts as work under way");
        assertTrue(lookup("#cancel-button").query().isVisible(), "Cancel is in reach while the file is read");
        String status = lookup("#status").<Label>query().getText();
        assertTrue(status.startsWith("Reading big.yaml"), status);
        clickOn("#cancel-button");
        assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the read was interrupted");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(model.isRunning());
        assertNull(model.getScenario(), "nothing was opened");
        assertEquals("Opening cancelled", lookup("#status").<Label>query().getText());
    }

    @Test
    void aBigFileReadInTheBackgroundOpensAndRuns() throws Exception {
        Path file = bigFile();
        interact(() -> window.open(file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.isRunning() && model.getTrace() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(file, model.fileProperty().get());
        Scenario lesson = AppServices.files().parse(ScenarioLibrary.text("31-libraries-books-not-null.yaml"), "31.yaml");
        assertEquals(lesson.tables().keySet(), model.getScenario().tables().keySet());
        assertEquals(lesson.steps(), model.getScenario().steps());
        String status = lookup("#status").<Label>query().getText();
        assertTrue(status.startsWith("Run finished") || status.startsWith("Run failed"), status);
    }

    @Test
    void theStatusSaysWhatIsGoingOnWhileABigFileOpensAndRuns() throws Exception {
        Path file = bigFile();
        holdRun = new CountDownLatch(1);
        interact(() -> window.open(file));
        assertTrue(runStarted.await(20, TimeUnit.SECONDS), "the opened file runs");
        WaitForAsyncUtils.waitForFxEvents();
        // the toolbar says running…, and so does the status bar (it said "Opened big.yaml")
        assertEquals("running…", lookup("#step-label").<Label>query().getText());
        assertEquals("Running big.yaml…", lookup("#status").<Label>query().getText());
        // an edit made meanwhile says what it did and that a run is under way
        interact(() -> model.edit("No steps", Edits.steps(List.of())));
        assertEquals("No steps (running…)", lookup("#status").<Label>query().getText());
        holdRun.countDown();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.isRunning() && model.getTrace() != null);
        WaitForAsyncUtils.waitForFxEvents();
        String status = lookup("#status").<Label>query().getText();
        assertTrue(status.equals("Run finished") || status.startsWith("Run failed"), status);
    }
}
