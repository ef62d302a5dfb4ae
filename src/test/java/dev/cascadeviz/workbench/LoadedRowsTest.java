package dev.cascadeviz.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cascadeviz.fixtures.TestScenarios;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.orm.Simulator;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadedRowsTest {

    @Test
    void sumsTheCountsTheExecutorRecorded() {
        Scenario s = TestScenarios.artistSongs("all, delete", false);
        Trace t = new Simulator().run(s, Engine.SQLITE);
        // the get loads Artist(1), the lazy load its two songs
        assertEquals(3, LoadedRows.total(t));
    }

    @Test
    void countsNothingWhenNoSelectRan() {
        Scenario s = TestScenarios.artistSongs("all, delete", true);
        assertEquals(0, LoadedRows.total(new Trace(List.of(), null, s.rows(), List.of(), null)));
    }

    @Test
    void hasNoFigureWhenASelectCarriesNoCount() {
        TraceStatement counted = new TraceStatement("SELECT a.id FROM a", List.of(List.of()), false, null, null, null, 2);
        TraceStatement uncounted = TraceStatement.single("SELECT b.id FROM b", List.of());
        assertEquals(2, LoadedRows.total(new Trace(List.of(counted), null, Map.of(), List.of(), null)));
        assertEquals(-1, LoadedRows.total(new Trace(List.of(counted, uncounted), null, Map.of(), List.of(), null)));
    }
}
