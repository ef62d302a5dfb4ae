package dev.cascadeviz.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.db.ScenarioDatabase;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Cause;
import dev.cascadeviz.trace.RowChange;
import dev.cascadeviz.trace.TraceStatement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the executor records of each statement: once, in order, with its row count, its time and the database's own changes. */
class ExecutorTest {

    private static final String SCENARIO = """
            tables:
              artist:
                columns:
                  id: {type: integer, primary_key: true}
              song:
                columns:
                  id: {type: integer, primary_key: true}
                  artist_id: {type: integer, foreign_key: artist.id, ondelete: CASCADE, nullable: false}
            rows:
              artist: [{id: 1}, {id: 2}]
              song: [{id: 1, artist_id: 1}, {id: 2, artist_id: 1}, {id: 3, artist_id: 2}]
            """;

    private static final String SONGS = "SELECT song.id AS song_id \nFROM song \nWHERE ? = song.artist_id";

    @ParameterizedTest
    @EnumSource(Engine.class)
    void recordsEachStatementOnceInOrderWithItsRowsAndTheDatabasesChanges(Engine engine) throws Exception {
        Scenario s = ScenarioFiles.parse(SCENARIO, "executor.yaml");
        try (ScenarioDatabase db = ScenarioDatabase.open(s, engine)) {
            Executor executor = new Executor(db);
            Cause why = Cause.text("the test loads the songs");
            assertEquals(2, executor.query(SONGS, List.of(1L), null, why).size());
            assertEquals(1, executor.query(SONGS, List.of(2L), null, null).size());
            assertEquals(1, executor.execute("DELETE FROM artist WHERE artist.id = ?", List.of(List.of(2L)), "artist",
                    RowChange.Kind.DELETE, List.of(List.of(2L)), null, null));
            List<TraceStatement> recorded = executor.statements();
            assertEquals(3, recorded.size());
            assertEquals(List.of(List.of(1L)), recorded.get(0).paramSets());
            assertEquals(2, recorded.get(0).rowsReturned());
            assertEquals(why, recorded.get(0).why());
            assertEquals(List.of(List.of(2L)), recorded.get(1).paramSets());
            assertEquals(1, recorded.get(1).rowsReturned());
            assertEquals(-1, recorded.get(2).rowsReturned());
            assertEquals(1, recorded.get(2).databaseChanges().size(), "ON DELETE CASCADE removed song 3");
            assertEquals("song", recorded.get(2).databaseChanges().get(0).table());
            assertTrue(recorded.stream().allMatch(st -> st.executionNanos() >= 0), "every statement is timed");
            assertTrue(executor.databaseNanos() >= recorded.stream().mapToLong(TraceStatement::executionNanos).sum());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aStatementTheDatabaseRefusesIsRecordedAndTheSameTextRunsAgain(Engine engine) throws Exception {
        Scenario s = ScenarioFiles.parse(SCENARIO, "executor.yaml");
        try (ScenarioDatabase db = ScenarioDatabase.open(s, engine)) {
            Executor executor = new Executor(db);
            String update = "UPDATE song SET artist_id=? WHERE song.id = ?";
            OrmException refused = assertThrows(OrmException.class, () -> executor.execute(update,
                    List.of(List.of(7L, 1L)), "song", RowChange.Kind.UPDATE, null, null, null));
            assertEquals("IntegrityError", refused.type());
            assertEquals(1, executor.statements().size(), "the refused statement is in the trace");
            assertEquals(1, executor.execute(update, List.of(List.of(2L, 1L)), "song", RowChange.Kind.UPDATE, null, null, null));
            assertEquals(2, executor.statements().size());
            assertEquals(2, executor.query(SONGS, List.of(2L), null, null).size());
        }
    }
}
