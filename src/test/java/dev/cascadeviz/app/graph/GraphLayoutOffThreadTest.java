package dev.cascadeviz.app.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.AppServices;
import dev.cascadeviz.app.WindowTestBase;
import dev.cascadeviz.app.library.ScenarioLibrary;
import dev.cascadeviz.layout.DiagramLayout;
import dev.cascadeviz.layout.Rect;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.picture.ModelGraph;
import dev.cascadeviz.workbench.Edits;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The graph's layout is worked out off the JavaFX thread: while a deliberately held layout is in
 * progress the window goes on answering (a posted task and a pulse complete) and shows no card
 * in a place it has not got yet; once it comes, the cards, routes and labels are exactly those
 * a layout worked out in one go gives for the same sizes.
 */
class GraphLayoutOffThreadTest extends WindowTestBase {

    @AfterEach
    void layOutInOneGoAgain() {
        GraphView.layoutWrapper = w -> w;
    }

    @Test
    void theWindowAnswersWhileALayoutIsWorkedOutAndThenShowsWhatItGives() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> layoutThread = new AtomicReference<>();
        GraphView.layoutWrapper = work -> () -> {
            layoutThread.set(Thread.currentThread());
            started.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return work.get();
        };
        String name = ScenarioLibrary.load().defaultScenario();
        Scenario lesson = AppServices.files().parse(ScenarioLibrary.text(name), name);
        interact(() -> model.show(lesson, null, name));
        assertTrue(started.await(20, TimeUnit.SECONDS), "a layout was asked for");
        GraphView graph = window.graph();

        // held on the worker: the JavaFX thread runs a posted task and pulses meanwhile
        AtomicReference<Thread> fx = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> fx.set(Thread.currentThread())).get(10, TimeUnit.SECONDS);
        assertTrue(pulsesGoBy(2), "pulses go on while the layout is worked out");
        assertNotEquals(fx.get(), layoutThread.get());
        assertTrue(graph.isLayingOut());
        String first = lesson.classes().keySet().iterator().next();
        assertFalse(shownOnScreen(graph.classNode(first), graph), "no card is shown before it has its place");

        release.countDown();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !graph.isLayingOut());
        WaitForAsyncUtils.waitForFxEvents();

        DiagramLayout expected = ModelGraph.of(lesson).layout(graph.measured());
        DiagramLayout shown = graph.shownLayout();
        assertNotNull(shown);
        assertEquals(expected.nodes(), shown.nodes());
        assertEquals(expected.routes(), shown.routes());
        assertEquals(expected.labels(), shown.labels());
        for (String c : lesson.classes().keySet()) {
            Rect r = expected.nodes().get(c);
            ClassNodeView card = graph.classNode(c);
            assertTrue(card.isVisible(), c);
            assertEquals(r.x(), card.getLayoutX(), 1e-9, c);
            assertEquals(r.y(), card.getLayoutY(), 1e-9, c);
        }
    }

    @Test
    void anEditKeepsTheCardsWhereTheyAreUntilTheNewLayoutComes() throws Exception {
        String name = ScenarioLibrary.load().defaultScenario();
        Scenario lesson = AppServices.files().parse(ScenarioLibrary.text(name), name);
        interact(() -> model.show(lesson, null, name));
        GraphView graph = window.graph();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !graph.isLayingOut() && graph.shownLayout() != null);
        WaitForAsyncUtils.waitForFxEvents();
        String first = lesson.classes().keySet().iterator().next();
        double x = graph.classNode(first).getLayoutX();
        double y = graph.classNode(first).getLayoutY();
        ClassNodeView before = graph.classNode(first);
        assertFalse(lesson.steps().isEmpty());

        CountDownLatch release = new CountDownLatch(1);
        GraphView.layoutWrapper = work -> () -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return work.get();
        };
        // an edit rebuilds the cards; while the new layout is held, the new cards stand where the old ones stood
        interact(() -> model.edit("No steps", Edits.steps(List.of())));
        WaitForAsyncUtils.waitForFxEvents();
        ClassNodeView card = graph.classNode(first);
        assertTrue(model.getScenario().steps().isEmpty());
        assertNotSame(before, card, "the cards were built again");
        assertTrue(graph.isLayingOut());
        assertTrue(shownOnScreen(card, graph));
        assertEquals(x, card.getLayoutX(), 1e-9);
        assertEquals(y, card.getLayoutY(), 1e-9);
        release.countDown();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !graph.isLayingOut());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(x, graph.classNode(first).getLayoutX(), 1e-9);
        assertEquals(y, graph.classNode(first).getLayoutY(), 1e-9);
    }

    /** The node and every parent up to the graph are visible. */
    private static boolean shownOnScreen(Node n, GraphView graph) {
        for (Node p = n; p != null && p != graph; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
