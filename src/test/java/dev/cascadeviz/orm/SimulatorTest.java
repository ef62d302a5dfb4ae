package dev.cascadeviz.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.DatabaseSettings;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.trace.Trace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SimulatorTest {

    private static Scenario artists(Engine engine, Object secondId) {
        Map<String, Column> cols = new LinkedHashMap<>();
        cols.put("id", Column.primaryKey("id"));
        cols.put("name", Column.of("name", ColumnType.STRING));
        return new Scenario(1, null, null, null, new DatabaseSettings(engine, true), Map.of("artist", new Table("artist", cols, List.of())),
                Map.of(), Map.of("artist", List.of(Map.of("id", 2L, "name", "Hole"), Map.of("id", secondId, "name", "Nirvana"))),
                List.of(), Map.of());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void returnsTheSeededTablesBeforeAndAfterAndNoStatementsYet(Engine engine) {
        Trace trace = new Simulator().run(artists(engine, 1L), null);
        assertTrue(trace.statements().isEmpty());
        assertNull(trace.error());
        assertEquals(List.of(Map.of("id", 1L, "name", "Nirvana"), Map.of("id", 2L, "name", "Hole")), trace.tables().get("artist"));
        assertEquals(trace.tables(), trace.tablesBefore());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aSimulatorWithoutTablesBeforeStillReturnsTheTablesAfterTheRun(Engine engine) {
        Trace trace = Simulator.withoutTablesBefore().run(artists(engine, 1L), null);
        assertTrue(trace.tablesBefore().isEmpty());
        assertEquals(List.of(Map.of("id", 1L, "name", "Nirvana"), Map.of("id", 2L, "name", "Hole")), trace.tables().get("artist"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void reportsRowsTheDatabaseRefusesAsAnIntegrityError(Engine engine) {
        Trace trace = new Simulator().run(artists(engine, 2L), engine);
        assertEquals("IntegrityError", trace.error().type());
        assertNull(trace.error().step());
    }
}
