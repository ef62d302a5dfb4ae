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

/** The tables after a run of the save path: rows the INSERT added and cells the UPDATE changed are marked. */
class SavePathReplayTest {

    static Scenario scenario() throws Exception {
        return ScenarioFiles.load(Path.of(SavePathReplayTest.class.getResource("save_marks.yaml").toURI()));
    }

    @Test
    void marksTheInsertedRowWithTheCauseOfItsInsert() throws Exception {
        Scenario s = scenario();
        Trace trace = new Simulator().run(s, Engine.SQLITE);
        List<RowState> orders = TableReplay.outcome(s, trace).get("orders");
        assertEquals(3, orders.size());
        RowState inserted = orders.get(2);
        assertEquals(Source.ORM, inserted.insertedBy());
        assertNull(inserted.before());
        assertEquals("fresh", inserted.shown().get("note"));
        assertTrue(inserted.isMarked());
        assertTrue(inserted.note().startsWith("inserted by the ORM: "), inserted.note());
        assertFalse(orders.get(1).isMarked());
        assertEquals("", orders.get(1).note());
    }

    @Test
    void marksOnlyTheCellTheUpdateChanged() throws Exception {
        Scenario s = scenario();
        Trace trace = new Simulator().run(s, Engine.SQLITE);
        RowState order1 = TableReplay.outcome(s, trace).get("orders").get(0);
        assertEquals(Map.of("note", Source.ORM), order1.changedCells());
        assertEquals("a → changed", order1.cellText("note"));
        assertEquals("1", order1.cellText("id"));
        assertNull(order1.insertedBy());
        assertTrue(order1.note().startsWith("updated by the ORM"), order1.note());
    }

    @Test
    void stepsThroughTheFlushStatementByStatement() throws Exception {
        Scenario s = scenario();
        Trace trace = new Simulator().run(s, Engine.SQLITE);
        int insert = -1;
        int update = -1;
        for (int i = 0; i < trace.statements().size(); i++) {
            String sql = trace.statements().get(i).sql();
            if (sql.startsWith("INSERT INTO orders")) {
                insert = i + 1;
            } else if (sql.startsWith("UPDATE orders")) {
                update = i + 1;
            }
        }
        assertTrue(insert > 0 && update > 0, "an INSERT and an UPDATE ran: " + trace.statements());
        Map<String, List<RowState>> atInsert = TableReplay.after(s, trace, insert);
        RowState row = atInsert.get("orders").get(atInsert.get("orders").size() - 1);
        assertEquals(Source.ORM, row.insertedBy());
        assertTrue(row.isCurrent());
        Map<String, List<RowState>> beforeInsert = TableReplay.after(s, trace, insert - 1);
        assertTrue(beforeInsert.get("orders").stream().noneMatch(r -> r.insertedBy() != null));
        RowState atUpdate = TableReplay.after(s, trace, update).get("orders").get(0);
        assertTrue(atUpdate.isCurrent());
        assertEquals("a → changed", atUpdate.cellText("note"));
        assertTrue(TableReplay.after(s, trace, update - 1).get("orders").get(0).changedCells().isEmpty());
    }
}
