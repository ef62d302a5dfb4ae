package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.library.ScenarioLibrary;
import dev.cascadeviz.app.tables.ResultTablesView;
import dev.cascadeviz.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window shown empty (started with a file still being read) readies its graph's and
 * tables' cards with the built-in default scenario off screen: it runs to its end, and none of
 * it reaches the window or the model.
 */
class EmptyWindowWarmUpWindowTest extends WindowTestBase {

    @Test
    void anEmptyMainWindowReadiesTheGraphAndTablesOffScreenAndShowsNoneOfIt() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.emptyWarmUp().done() || window.emptyWarmUp().gaveUp());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.emptyWarmUp().done(), "a piece failed");
        assertFalse(window.emptyWarmUp().gaveUp());
        assertNull(model.getScenario());
        assertNull(model.getTrace());
        var root = window.scene().getRoot();
        assertTrue(root.lookupAll(".class-node").isEmpty(), "a card came into the window's graph");
        assertTrue(root.lookupAll(".row-table").isEmpty(), "a table card came into the window");
    }

    @Test
    void theDefaultLessonGivesTheGraphAndTheTablesPiecesToReadyThemselvesWith() throws Exception {
        String name = ScenarioLibrary.load().defaultScenario();
        Scenario sample = AppServices.files().parse(ScenarioLibrary.text(name), name);
        ResultTablesView tables = lookup("#result-tables").query();
        List<Runnable> graphPieces = new ArrayList<>();
        List<Runnable> tablePieces = new ArrayList<>();
        interact(() -> {
            graphPieces.addAll(window.graph().warmUpPieces(sample));
            tablePieces.addAll(tables.warmUpPieces(sample));
        });
        assertFalse(graphPieces.isEmpty(), "the graph readies nothing");
        assertFalse(tablePieces.isEmpty(), "the tables ready nothing: the lesson has starting rows");
        List<Runnable> pieces = new ArrayList<>(graphPieces);
        pieces.addAll(tablePieces);
        for (Runnable piece : pieces) {
            interact(piece);
        }
        var root = window.scene().getRoot();
        assertTrue(root.lookupAll(".class-node").isEmpty(), "a card came into the window's graph");
        assertTrue(root.lookupAll(".row-table").isEmpty(), "a table card came into the window");
    }
}
