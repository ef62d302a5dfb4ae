package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.graph.GraphStyles;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Trace;
import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** Stepping through a save: the graph marks the relationship save-update travelled along for the statement shown. */
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
}
