package dev.cascadeviz.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.fixtures.TestScenarios;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EchoLogTest {

    private final Scenario scenario = TestScenarios.artistSongs("all, delete", true);

    @Test
    void framesTheStatementsWithBeginAndCommit() {
        String[] lines = EchoLog.of(TestScenarios.cascadeDeleteTrace(scenario), scenario.steps()).text().split("\n");
        assertEquals("BEGIN (implicit)", lines[0]);
        assertEquals("COMMIT", lines[lines.length - 1]);
    }

    @Test
    void printsAParameterLineAfterEachStatementAsPythonTuples() {
        String text = EchoLog.of(TestScenarios.cascadeDeleteTrace(scenario), scenario.steps()).text();
        assertTrue(text.contains("WHERE artist.id = ?\n[generated in "), text);
        assertTrue(text.contains("s] (1,)\n"), text);
        assertTrue(text.contains("DELETE FROM song WHERE song.id = ?\n[generated in 0.") && text.contains("s] [(1,), (2,)]\n"), text);
    }

    @Test
    void saysCachedForATextCompiledEarlierInTheRun() {
        Trace t = new Trace(List.of(TraceStatement.single(TestScenarios.GET_ARTIST, List.of(1L)),
                TraceStatement.single(TestScenarios.GET_ARTIST, List.of(2L))), null, scenario.rows(), List.of(), null);
        String text = EchoLog.of(t, scenario.steps()).text();
        assertTrue(text.matches("(?s).*\\[cached since [0-9.e-]+s ago\\] \\(2,\\)\n.*"), text);
    }

    @Test
    void endsWithRollbackAfterAnError() {
        String text = EchoLog.of(TestScenarios.notNullFailureTrace(scenario), scenario.steps()).text();
        assertTrue(text.endsWith("ROLLBACK"), text);
        assertTrue(text.contains("[(None, 1), (None, 2)]"), text);
    }

    @Test
    void shortensMoreThanTenParameterSetsAsSqlalchemyDoes() {
        List<List<Object>> sets = new ArrayList<>();
        for (long i = 1; i <= 12; i++) {
            sets.add(List.of(i));
        }
        TraceStatement s = new TraceStatement("DELETE FROM song WHERE song.id = ?", sets, true, null, null, null);
        // the text printed by sqlalchemy.sql.util._repr_params for the same list (1.4.46)
        assertEquals("[(1,), (2,), (3,), (4,), (5,), (6,), (7,), (8,)  ... displaying 10 of 12 total bound parameter sets ...  (11,), (12,)]",
                EchoLog.params(s));
    }

    @Test
    void quotesStringsAndSpellsNoneAndBooleansAsPython() {
        assertEquals("('Nirvana', None, True, 1.5)", EchoLog.tuple(Arrays.asList("Nirvana", null, true, 1.5)));
    }

    @Test
    void mapsEachStatementToItsLines() {
        EchoLog log = EchoLog.of(TestScenarios.cascadeDeleteTrace(scenario), scenario.steps());
        String[] lines = log.text().split("\n");
        int[] first = log.statementLines().get(0);
        assertEquals("SELECT artist.id AS artist_id, artist.name AS artist_name ", lines[first[0]]);
        assertTrue(lines[first[1]].startsWith("[generated in"));
    }

    @Test
    void isEmptyWhenNoSqlWasSent() {
        Trace t = new Trace(List.of(), null, scenario.rows(), List.of(), null);
        assertEquals("", EchoLog.of(t, scenario.steps()).text());
    }

    @Test
    void beginsAndEndsTransactionsWhereTheTraceMarksThem() {
        Trace t = new Trace(List.of(TraceStatement.single(TestScenarios.GET_ARTIST, List.of(1L)),
                TraceStatement.single(TestScenarios.GET_ARTIST, List.of(2L))), null, scenario.rows(), List.of(), null,
                List.of(new Trace.TransactionEnd(1, "COMMIT"), new Trace.TransactionEnd(2, "ROLLBACK")));
        String[] lines = EchoLog.of(t, scenario.steps()).text().split("\n");
        assertEquals(List.of("BEGIN (implicit)", "COMMIT", "BEGIN (implicit)", "ROLLBACK"),
                Arrays.stream(lines).filter(l -> l.matches("[A-Z]+( \\(implicit\\))?")).toList());
    }
}
