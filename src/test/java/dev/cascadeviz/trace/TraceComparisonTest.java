package dev.cascadeviz.trace;

import static dev.cascadeviz.trace.TraceComparison.Side.LEFT;
import static dev.cascadeviz.trace.TraceComparison.Side.RIGHT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.trace.TraceComparison.RowStatus;
import dev.cascadeviz.trace.TraceComparison.StatementStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TraceComparisonTest {

    private static final TraceStatement GET = TraceStatement.single("SELECT artist.id FROM artist WHERE artist.id = ?", List.of(1L));
    private static final TraceStatement LOAD = TraceStatement.single("SELECT song.id FROM song WHERE ? = song.artist_id", List.of(1L));
    private static final TraceStatement DELETE_SONGS = new TraceStatement("DELETE FROM song WHERE song.id = ?",
            List.of(List.of(1L), List.of(2L), List.of(3L)), true, null, null, null);
    private static final TraceStatement DELETE_ARTIST = TraceStatement.single("DELETE FROM artist WHERE artist.id = ?", List.of(1L));
    private static final Map<String, List<String>> KEYS = Map.of("artist", List.of("id"), "song", List.of("id"));

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Trace trace(List<TraceStatement> statements, Map<String, List<Map<String, Object>>> tables) {
        return new Trace(statements, null, tables, List.of(), null);
    }

    private static Map<String, List<Map<String, Object>>> tables(List<Map<String, Object>> artists, List<Map<String, Object>> songs) {
        Map<String, List<Map<String, Object>>> t = new LinkedHashMap<>();
        t.put("artist", artists);
        t.put("song", songs);
        return t;
    }

    @Test
    void statementsOnlyOneSideSentAreMarkedAndTheSharedOnesMatch() {
        Trace passive = trace(List.of(GET, DELETE_ARTIST), Map.of());
        Trace loading = trace(List.of(GET, LOAD, DELETE_SONGS, DELETE_ARTIST), Map.of());
        TraceComparison c = TraceComparison.of(passive, loading, KEYS);
        assertEquals(List.of(StatementStatus.SAME, StatementStatus.SAME), c.statements(LEFT));
        assertEquals(List.of(StatementStatus.SAME, StatementStatus.ONLY_HERE, StatementStatus.ONLY_HERE, StatementStatus.SAME),
                c.statements(RIGHT));
        assertEquals(0, c.differingStatements(LEFT));
        assertEquals(2, c.differingStatements(RIGHT));
        assertFalse(c.sameStatements());
    }

    @Test
    void anExecutemanyIsOneStatementAndOneRoundTripButOneExecutionPerParameterSet() {
        Trace loading = trace(List.of(GET, LOAD, DELETE_SONGS, DELETE_ARTIST), Map.of());
        TraceComparison c = TraceComparison.of(loading, loading, KEYS);
        assertEquals(4, c.statementCount(LEFT));
        assertEquals(4, c.roundTrips(LEFT));
        assertEquals(6, c.executions(LEFT));
        assertTrue(c.identical());
    }

    @Test
    void theSameTextWithOtherParametersIsToldApartFromAStatementOnlyOneSideSent() {
        TraceStatement twoSongs = new TraceStatement("DELETE FROM song WHERE song.id = ?",
                List.of(List.of(1L), List.of(2L)), true, null, null, null);
        TraceComparison c = TraceComparison.of(trace(List.of(GET, DELETE_SONGS, DELETE_ARTIST), Map.of()),
                trace(List.of(GET, twoSongs, DELETE_ARTIST), Map.of()), KEYS);
        assertEquals(StatementStatus.OTHER_PARAMETERS, c.statements(LEFT).get(1));
        assertEquals(StatementStatus.OTHER_PARAMETERS, c.statements(RIGHT).get(1));
        assertEquals(StatementStatus.SAME, c.statements(RIGHT).get(2));
    }

    @Test
    void whiteSpaceAndNumberTypesDoNotMakeStatementsDiffer() {
        TraceStatement spaced = TraceStatement.single("SELECT artist.id \nFROM artist   WHERE artist.id = ?", List.of(1.0));
        TraceComparison c = TraceComparison.of(trace(List.of(GET), Map.of()), trace(List.of(spaced), Map.of()), KEYS);
        assertTrue(c.sameStatements());
    }

    @Test
    void rowsAreMatchedByPrimaryKeyAndChangedColumnsNamed() {
        Trace nulled = trace(List.of(), tables(List.of(row("id", 2L)),
                List.of(row("id", 1L, "artist_id", null), row("id", 3L, "artist_id", 2L))));
        Trace deleted = trace(List.of(), tables(List.of(row("id", 2L)), List.of(row("id", 3L, "artist_id", 2L))));
        TraceComparison c = TraceComparison.of(nulled, deleted, KEYS);
        TraceComparison.TableDiff songs = c.tables().get(1);
        assertEquals("song", songs.table());
        assertEquals(RowStatus.ONLY_HERE, songs.left().get(0).status());
        assertEquals(RowStatus.SAME, songs.left().get(1).status());
        assertEquals(List.of(RowStatus.SAME), songs.right().stream().map(TraceComparison.RowDiff::status).toList());
        assertFalse(c.tables().get(0).differs());
        assertTrue(songs.differs());
        assertEquals(1, c.differingRows(LEFT));
        assertEquals(0, c.differingRows(RIGHT));
    }

    @Test
    void aRowWithTheSameKeyAndOtherValuesIsChangedInTheColumnsThatDiffer() {
        Trace a = trace(List.of(), tables(List.of(), List.of(row("id", 1L, "artist_id", null, "title", "Lithium"))));
        Trace b = trace(List.of(), tables(List.of(), List.of(row("id", 1L, "artist_id", 1L, "title", "Lithium"))));
        TraceComparison.RowDiff r = TraceComparison.of(a, b, KEYS).tables().get(1).left().get(0);
        assertEquals(RowStatus.CHANGED, r.status());
        assertEquals(Set.of("artist_id"), r.changedColumns());
    }

    @Test
    void withoutKeyColumnsWholeRowsAreMatched() {
        Map<String, List<Map<String, Object>>> a = Map.of("link", List.of(row("a", 1L, "b", 2L), row("a", 1L, "b", 3L)));
        Map<String, List<Map<String, Object>>> b = Map.of("link", List.of(row("a", 1L, "b", 3L)));
        TraceComparison c = TraceComparison.of(trace(List.of(), a), trace(List.of(), b), Map.of());
        assertEquals(List.of(RowStatus.ONLY_HERE, RowStatus.SAME),
                c.tables().get(0).left().stream().map(TraceComparison.RowDiff::status).toList());
    }

    @Test
    void errorsAgreeOnTypeAndStepOnly() {
        Trace a = new Trace(List.of(), new TraceError("IntegrityError", "one text", 1), Map.of(), List.of(), null);
        Trace b = new Trace(List.of(), new TraceError("IntegrityError", "another text", 1), Map.of(), List.of(), null);
        Trace none = trace(List.of(), Map.of());
        assertTrue(TraceComparison.of(a, b, KEYS).sameError());
        assertFalse(TraceComparison.of(a, none, KEYS).sameError());
    }
}
