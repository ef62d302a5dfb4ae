package dev.cascadeviz.app.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.orm.Simulator;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.workbench.RowState;
import dev.cascadeviz.workbench.TableReplay;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShownRowsTest {

    @Test
    void aLongTableDrawsTheRowTheRunInsertedEvenPastTheRowsShown() throws Exception {
        Scenario small = ScenarioFiles.load(Path.of(getClass().getResource("/dev/cascadeviz/workbench/save_marks.yaml").toURI()));
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>(small.rows());
        List<Map<String, Object>> orders = new ArrayList<>();
        for (long id = 1; id <= ResultTablesView.MAX_ROWS_SHOWN * 2; id++) {
            orders.add(Map.of("id", id, "note", id == 1 ? "a" : "o" + id));
        }
        rows.put("orders", orders);
        Scenario s = small.withRows(rows);
        Trace trace = new Simulator().run(s, Engine.SQLITE);
        List<RowState> all = TableReplay.outcome(s, trace).get("orders");
        assertEquals(ResultTablesView.MAX_ROWS_SHOWN * 2 + 1, all.size());
        List<RowState> shown = ResultTablesView.shown(all);
        assertEquals(ResultTablesView.MAX_ROWS_SHOWN, shown.size());
        assertTrue(shown.contains(all.get(all.size() - 1)), "the inserted row is drawn");
        assertTrue(shown.contains(all.get(0)), "the updated row is drawn");
    }
}
