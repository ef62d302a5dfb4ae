package dev.cascadeviz.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.orm.Simulator;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.workbench.RowState.Source;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A primary-key change (lesson 62: Order 1 becomes 7) is one row whose key reads "1 → 7", not a row deleted and another inserted. */
class KeyChangeReplayTest {

    private static final Path LESSON = Path.of("assets/scenarios/62-update-parent-id-on-update-cascade.yaml");

    private static int updateOfOrders(Trace trace) {
        for (int i = 0; i < trace.statements().size(); i++) {
            if (trace.statements().get(i).sql().startsWith("UPDATE orders SET id")) {
                return i + 1;
            }
        }
        throw new AssertionError("no key UPDATE in " + trace.statements());
    }

    @Test
    void theOutcomeShowsTheSameRowUnderItsNewKey() throws Exception {
        Scenario s = ScenarioFiles.load(LESSON);
        Trace trace = new Simulator().run(s, Engine.SQLITE);
        List<RowState> orders = TableReplay.outcome(s, trace).get("orders");
        assertEquals(1, orders.size(), "one order row, not a deleted one and an inserted one: " + orders);
        RowState order = orders.get(0);
        assertFalse(order.isDeleted());
        assertNull(order.insertedBy());
        assertEquals("1 → 7", order.cellText("id"));
        assertEquals(List.of(7L), order.key());
        assertEquals(Map.of("id", Source.ORM), order.changedCells());
        assertTrue(order.note().startsWith("updated by the ORM"), order.note());
        // the items' foreign keys followed by the database's ON UPDATE CASCADE
        for (RowState item : TableReplay.outcome(s, trace).get("order_items")) {
            assertEquals("1 → 7", item.cellText("order_id"));
            assertEquals(Source.DATABASE, item.changedCells().get("order_id"));
        }
    }

    @Test
    void steppingToTheUpdateMarksTheKeyCellOnTheSameRow() throws Exception {
        Scenario s = ScenarioFiles.load(LESSON);
        Trace trace = new Simulator().run(s, Engine.SQLITE);
        int update = updateOfOrders(trace);
        List<RowState> orders = TableReplay.after(s, trace, update).get("orders");
        assertEquals(1, orders.size());
        assertTrue(orders.get(0).isCurrent());
        assertEquals("1 → 7", orders.get(0).cellText("id"));
        assertEquals("1", TableReplay.after(s, trace, update - 1).get("orders").get(0).cellText("id"));
    }
}
