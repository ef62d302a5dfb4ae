package dev.cascadeviz.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.fixtures.TestScenarios;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.trace.RowChange;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceStatement;
import dev.cascadeviz.workbench.RowState.Source;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableReplayTest {

    private final Scenario scenario = TestScenarios.artistSongs("all, delete", true);

    @Test
    void marksRowsTheOrmDeletedAfterTheWholeRun() {
        Map<String, List<RowState>> t = TableReplay.outcome(scenario, TestScenarios.cascadeDeleteTrace(scenario));
        assertEquals(Source.ORM, t.get("song").get(0).deletedBy());
        assertTrue(t.get("artist").get(0).isDeleted());
        assertFalse(t.get("song").get(2).isDeleted());
    }

    @Test
    void marksRowsTheDatabaseDeletedWithTheRule() {
        RowState song1 = TableReplay.outcome(scenario, TestScenarios.databaseCascadeTrace(scenario)).get("song").get(0);
        assertEquals(Source.DATABASE, song1.deletedBy());
        assertEquals("song.artist_id ON DELETE CASCADE", song1.rule());
    }

    @Test
    void showsTheTablesAfterEachStatementWhenSteppingThrough() {
        Trace trace = TestScenarios.cascadeDeleteTrace(scenario);
        assertFalse(TableReplay.after(scenario, trace, 2).get("song").get(0).isDeleted());
        RowState afterThird = TableReplay.after(scenario, trace, 3).get("song").get(0);
        assertTrue(afterThird.isDeleted());
        assertTrue(afterThird.isCurrent());
        assertFalse(TableReplay.after(scenario, trace, 3).get("artist").get(0).isDeleted());
    }

    @Test
    void showsTheTablesRolledBackAfterAnError() {
        Map<String, List<RowState>> t = TableReplay.outcome(scenario, TestScenarios.notNullFailureTrace(scenario));
        assertTrue(t.get("song").stream().noneMatch(RowState::isDeleted));
        assertTrue(t.get("song").stream().allMatch(r -> r.changedCells().isEmpty()));
    }

    @Test
    void findsChangesTheTraceDidNotDescribeByComparingWithTheFinalTables() {
        Trace bare = new Trace(List.of(), null, TestScenarios.cascadeDeleteTrace(scenario).tables(), List.of(), scenario.rows());
        Map<String, List<RowState>> t = TableReplay.outcome(scenario, bare);
        assertTrue(t.get("song").get(1).isDeleted());
        assertFalse(t.get("artist").get(1).isDeleted());
    }

    @Test
    void marksANulledForeignKeyAsAChangedCell() {
        Map<String, Object> song1 = scenario.rowsOf("song").get(0);
        Map<String, Object> nulled = new LinkedHashMap<>(song1);
        nulled.put("artist_id", null);
        var update = new TraceStatement("UPDATE song SET artist_id=? WHERE song.id = ?",
                List.of(Arrays.asList(null, 1L)), false,
                List.of(new RowChange("song", RowChange.Kind.UPDATE, List.of(1L),
                        song1, nulled, null)), null, null);
        RowState row = TableReplay.after(scenario, new Trace(List.of(update), null, scenario.rows(), List.of(), scenario.rows()), 1)
                .get("song").get(0);
        assertEquals(Map.of("artist_id", Source.ORM), row.changedCells());
        assertEquals("1 → NULL", row.cellText("artist_id"));
    }

    @Test
    void notesSayWhoDeletedEachRowAndWhy() {
        Map<String, List<RowState>> t = TableReplay.outcome(scenario, TestScenarios.databaseCascadeTrace(scenario));
        assertEquals("deleted by the database: song.artist_id ON DELETE CASCADE", t.get("song").get(0).note());
        assertTrue(t.get("artist").get(0).note().startsWith("deleted by the ORM"), t.get("artist").get(0).note());
        assertEquals("", t.get("artist").get(1).note());
    }
}
