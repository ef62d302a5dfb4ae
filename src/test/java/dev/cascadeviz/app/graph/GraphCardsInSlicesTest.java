package dev.cascadeviz.app.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.AppServices;
import dev.cascadeviz.app.WindowTestBase;
import dev.cascadeviz.app.library.ScenarioLibrary;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.workbench.Edits;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A just-opened scenario's cards and edges go into the graph over several events, each styled as
 * it goes in, so that a repaint or key gets through between them; they end in the order, and laid
 * out as, the cards an edit builds in one go; a scenario opened meanwhile replaces them all.
 */
class GraphCardsInSlicesTest extends WindowTestBase {

    /** Counts the JavaFX thread's events: a task that posts itself again each time it runs. */
    private volatile int ticks;
    private volatile boolean ticking = true;
    /** For each card or edge put into a layer: its id and the tick it went in at. */
    private final Map<String, Integer> wentIn = Collections.synchronizedMap(new LinkedHashMap<>());

    @AfterEach
    void stopTickingAndSliceAsUsual() {
        GraphView.sliceNanos = 8_000_000L;
        ticking = false;
    }

    private void tick() {
        ticks++;
        if (ticking) {
            Platform.runLater(this::tick);
        }
    }

    /** Notes, for each node put into the graph's layers from now on, the tick it went in at. */
    private void watchLayers() {
        interact(() -> {
            GraphView graph = window.graph();
            ListChangeListener<Node> listener = c -> {
                while (c.next()) {
                    for (Node n : c.getAddedSubList()) {
                        wentIn.put(n.getId(), ticks);
                    }
                }
            };
            graph.layers().forEach(l -> l.getChildrenUnmodifiable().addListener(listener));
            tick();
        });
    }

    private Scenario lesson(String file) throws Exception {
        return AppServices.files().parse(ScenarioLibrary.text(file), file);
    }

    private void awaitLaidOut() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !window.graph().isLayingOut() && window.graph().shownLayout() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> layeredIds() {
        List<String> ids = new ArrayList<>();
        interact(() -> window.graph().layered().forEach(n -> ids.add(n.getId())));
        return ids;
    }

    @Test
    void aJustOpenedScenariosCardsGoInAnEventEachAndEndAsAnEditsCardsInOneGo() throws Exception {
        GraphView.sliceNanos = 0; // one card or edge an event
        Scenario s = lesson(ScenarioLibrary.load().defaultScenario());
        watchLayers();
        interact(() -> model.show(s, null, "lesson.yaml"));
        awaitLaidOut();
        List<String> opened = layeredIds();
        assertTrue(opened.size() >= 3, "cards and edges: " + opened);
        assertEquals(opened.size(), wentIn.size(), "every card and edge went in once: " + wentIn);
        assertEquals(opened.size(), wentIn.values().stream().distinct().count(), "each in an event of its own: " + wentIn);

        wentIn.clear();
        interact(() -> model.edit("No steps", Edits.steps(List.of()))); // an edit builds the cards again, where they were
        awaitLaidOut();
        assertEquals(opened, layeredIds(), "the same order as an edit's cards");
        assertEquals(1, wentIn.values().stream().distinct().count(), "an edit's cards go in in one event: " + wentIn);
        assertEquals(opened.size(), wentIn.size());
    }

    @Test
    void aScenarioOpenedWhileTheCardsGoInReplacesThemAll() throws Exception {
        GraphView.sliceNanos = 0;
        List<String> names = ScenarioLibrary.load().themes().stream().flatMap(t -> t.scenarios().stream()).toList();
        Scenario first = lesson(names.get(0));
        Scenario second = lesson(names.get(names.size() - 1));
        watchLayers();
        interact(() -> {
            model.show(first, null, "first.yaml");
            // the second comes after the first's cards have begun to go in (two hops, then a card an event)
            Platform.runLater(() -> Platform.runLater(() -> Platform.runLater(() -> model.show(second, null, "second.yaml"))));
        });
        awaitLaidOut();
        List<String> shown = layeredIds();
        List<String> expected = new ArrayList<>();
        second.classes().keySet().forEach(c -> expected.add("node-" + c));
        assertTrue(shown.containsAll(expected), shown + " lacks " + expected);
        for (String c : first.classes().keySet()) {
            if (!second.classes().containsKey(c)) {
                assertFalse(shown.contains("node-" + c), "a card of the first scenario stayed: " + shown);
            }
        }
        assertEquals(shown.size(), shown.stream().distinct().count(), "a card twice: " + shown);
    }
}
