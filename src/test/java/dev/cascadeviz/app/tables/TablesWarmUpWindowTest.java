package dev.cascadeviz.app.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.AppServices;
import dev.cascadeviz.app.WindowTestBase;
import dev.cascadeviz.app.library.ScenarioLibrary;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.workbench.ScenarioRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * While a small run is shown and nothing happens, the window readies a big run's table cards once,
 * in a scene of its own: the tables the user sees stay as they were, nothing is readied while a
 * run is under way, and a big run (whose replay would be work for the JavaFX thread) readies nothing.
 */
class TablesWarmUpWindowTest extends WindowTestBase {

    private int bigAboveBefore;
    /** Holds the next run until released (null: runs go straight through). */
    private volatile CountDownLatch hold;

    @BeforeEach
    void runsCanBeHeld() {
        bigAboveBefore = ResultTablesView.bigAbove;
        ScenarioRunner real = AppServices.runner();
        runner.use((s, e) -> {
            CountDownLatch h = hold;
            if (h != null) {
                h.await();
            }
            return real.run(s, e);
        });
    }

    @AfterEach
    void releaseAndRestore() {
        ResultTablesView.bigAbove = bigAboveBefore;
        CountDownLatch h = hold;
        if (h != null) {
            h.countDown();
        }
    }

    private ResultTablesView view() {
        return lookup("#result-tables").query();
    }

    private Scenario lesson() throws Exception {
        return AppServices.files().parse(ScenarioLibrary.text("44-association-object-fixed-with-cascade.yaml"), "44.yaml");
    }

    /** Longer than the warm-up waits for the user to be idle, with its pieces' pulses. */
    private static void waitPastIdle() throws InterruptedException {
        Thread.sleep((long) TablesWarmUp.IDLE.toMillis() + 1500);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aSmallRunShownAWhileReadiesABigRunsCardOnceOffScreenAndTheTablesShownStayAsTheyWere() throws Exception {
        Scenario lesson = lesson();
        interact(() -> model.show(lesson, null, "44.yaml"));
        awaitTrace();
        List<Node> cards = new ArrayList<>(((javafx.scene.Parent) view().lookup(".tables-content")).getChildrenUnmodifiable());
        assertFalse(cards.isEmpty());
        assertFalse(view().warmUp().done(), "readied before the user was idle");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> view().warmUp().done());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(cards, ((javafx.scene.Parent) view().lookup(".tables-content")).getChildrenUnmodifiable(), "the tables shown changed");
        assertTrue(view().getScene().getRoot().lookupAll(".row-table").isEmpty(), "a big run's card came into the window");
        assertNotNull(model.getTrace());
    }

    @Test
    void nothingIsReadiedWhileARunIsUnderWay() throws Exception {
        Scenario lesson = lesson();
        interact(() -> model.show(lesson, null, "44.yaml"));
        awaitTrace();
        hold = new CountDownLatch(1);
        interact(model::run); // before the warm-up's wait is over
        waitPastIdle();
        assertTrue(model.isRunning());
        assertFalse(view().warmUp().done(), "readied while a run was under way");
        hold.countDown();
        awaitTrace();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> view().warmUp().done());
    }

    @Test
    void aBigRunShownReadiesNothing() throws Exception {
        ResultTablesView.bigAbove = 0; // the lesson's run counts as big: its cards are the real ones
        Scenario lesson = lesson();
        interact(() -> model.show(lesson, null, "44.yaml"));
        awaitTrace();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !view().getScene().getRoot().lookupAll(".row-table").isEmpty());
        waitPastIdle();
        assertFalse(view().warmUp().done(), "a big run was replayed for a warm-up");
    }
}
