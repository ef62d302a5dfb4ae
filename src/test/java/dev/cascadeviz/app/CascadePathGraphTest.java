package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.graph.GraphStyles;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Trace;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.Shape;
import javafx.scene.shape.StrokeLineCap;
import org.junit.jupiter.api.Test;

/**
 * Stepping through a save, a merge, a refresh: the graph marks the relationship the save-update,
 * merge or refresh-expire cascade travelled along for the statement shown, and its legend says so.
 */
class CascadePathGraphTest extends WindowTestBase {

    private static int statementStartingWith(Trace trace, String sql) {
        for (int i = 0; i < trace.statements().size(); i++) {
            if (trace.statements().get(i).sql().startsWith(sql)) {
                return i + 1;
            }
        }
        throw new AssertionError("no " + sql + " in " + trace.statements());
    }

    @Test
    void theEdgeSaveUpdateTravelledAlongIsMarkedOnlyForTheStatementItCaused() throws Exception {
        show(ScenarioFiles.load(Path.of(getClass().getResource("/dev/cascadeviz/workbench/save_along_items.yaml").toURI())));
        Trace trace = model.getTrace();
        int order = statementStartingWith(trace, "INSERT INTO orders");
        int item = statementStartingWith(trace, "INSERT INTO order_items");
        assertTrue(order < item, "the parent is inserted first");
        for (int i = 0; i < order; i++) {
            push(KeyCode.F7);
        }
        assertEquals(order, model.getStep());
        assertFalse(window.graph().edgeView("Order", "items").getPseudoClassStates().contains(GraphStyles.TRAVELLED));
        for (int i = order; i < item; i++) {
            push(KeyCode.F7);
        }
        assertEquals(item, model.getStep());
        assertTrue(window.graph().edgeView("Order", "items").getPseudoClassStates().contains(GraphStyles.TRAVELLED));
        assertFalse(window.graph().edgeView("OrderItem", "order").getPseudoClassStates().contains(GraphStyles.TRAVELLED));
        push(KeyCode.F6);
        assertFalse(window.graph().edgeView("Order", "items").getPseudoClassStates().contains(GraphStyles.TRAVELLED));
    }

    private boolean travelled(String cls, String rel) {
        return window.graph().edgeView(cls, rel).getPseudoClassStates().contains(GraphStyles.TRAVELLED);
    }

    private void stepTo(int statement) {
        while (model.getStep() != statement) {
            push(model.getStep() < 0 || model.getStep() < statement ? KeyCode.F7 : KeyCode.F6);
        }
    }

    @Test
    void theMergeCascadesPathIsMarkedWhenItLoadsAndInserts() throws Exception {
        show(ScenarioFiles.load(Path.of("assets/scenarios/64-merge-detached-order.yaml")));
        Trace trace = model.getTrace();
        stepTo(3); // merge's own SELECT of the order
        assertFalse(travelled("Order", "items"));
        stepTo(4); // the merge cascade loads the persistent order's items
        assertTrue(travelled("Order", "items"));
        // drawn dashed, as the legend shows it, also over a delete cascade's solid red (Order.items has all)
        Shape line = (Shape) window.graph().edgeView("Order", "items").lookup(".edge-line");
        assertFalse(line.getStrokeDashArray().isEmpty(), "dashed: " + line.getStrokeDashArray());
        // with square caps each dash grows by the stroke's width and the gaps close: seen solid under Xvfb
        assertEquals(StrokeLineCap.BUTT, line.getStrokeLineCap());
        assertTrue(line.getStrokeDashArray().get(1) > 0, "a gap");
        stepTo(statementStartingWith(trace, "UPDATE orders"));
        assertFalse(travelled("Order", "items"));
        stepTo(statementStartingWith(trace, "INSERT INTO order_items"));
        assertTrue(travelled("Order", "items"));
        assertFalse(travelled("OrderItem", "order"));
    }

    @Test
    void theRefreshExpireCascadesPathIsMarkedOnTheRefreshAndTheReload() throws Exception {
        show(ScenarioFiles.load(Path.of("assets/scenarios/65-refresh-and-expire.yaml")));
        stepTo(2); // the step's load of the items
        assertFalse(travelled("Order", "items"));
        stepTo(3); // refresh: its cascade expired the loaded items
        assertTrue(travelled("Order", "items"));
        stepTo(4); // OrderItem(2), expired along Order.items, loaded again
        assertTrue(travelled("Order", "items"));
        stepTo(5); // Order(1), expired by session.expire itself
        assertFalse(travelled("Order", "items"));
    }

    @Test
    void theLegendExplainsTheMarks() {
        openDefault();
        Label entry = lookup("#graph-legend-travelled").query();
        assertTrue(entry.isVisible());
        assertTrue(entry.getText().contains("save-update, merge, refresh-expire"), entry.getText());
        assertTrue(lookup("#graph-legend-current").tryQuery().isPresent());
        interact(() -> model.presentationProperty().set(true));
        assertFalse(lookup("#graph-legend").query().isVisible(), "presentation gives the room to the graph");
        interact(() -> model.presentationProperty().set(false));
    }
}
