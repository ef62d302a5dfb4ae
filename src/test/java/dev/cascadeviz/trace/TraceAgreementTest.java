package dev.cascadeviz.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceAgreementTest {

    private static final String GET = "SELECT artist.id AS artist_id, artist.name AS artist_name \nFROM artist \nWHERE artist.id = ?";
    private static final String DELETE_SONGS = "DELETE FROM song WHERE song.id = ?";
    private static final String DELETE_ARTIST = "DELETE FROM artist WHERE artist.id = ?";

    private static TraceStatement single(String sql, Object... params) {
        return TraceStatement.single(sql, Arrays.asList(params));
    }

    private static TraceStatement many(String sql, List<Object>... sets) {
        return new TraceStatement(sql, List.of(sets), true, null, null, null);
    }

    private static Map<String, List<Map<String, Object>>> tables(Object... idsThenNames) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < idsThenNames.length; i += 2) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", idsThenNames[i]);
            row.put("name", idsThenNames[i + 1]);
            rows.add(row);
        }
        Map<String, List<Map<String, Object>>> t = new LinkedHashMap<>();
        t.put("artist", rows);
        return t;
    }

    private static Trace trace(List<TraceStatement> statements, TraceError error, Map<String, List<Map<String, Object>>> tables) {
        return new Trace(statements, error, tables, List.of(), null);
    }

    @SuppressWarnings("unchecked")
    private static Trace golden() {
        return trace(List.of(single(GET, 1L), many(DELETE_SONGS, List.of(1L), List.of(2L)), single(DELETE_ARTIST, 1L)),
                null, tables(2L, "Hole"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void agreesWhenOnlyTheRunsOfWhiteSpaceDiffer() {
        Trace actual = trace(List.of(single("SELECT artist.id AS artist_id, artist.name AS artist_name FROM artist   WHERE artist.id = ?", 1L),
                many(DELETE_SONGS, List.of(1L), List.of(2L)), single("DELETE FROM artist\nWHERE artist.id = ?", 1L)),
                null, tables(2L, "Hole"));
        assertTrue(TraceAgreement.agrees(actual, golden()), TraceAgreement.firstDifference(actual, golden()));
    }

    @Test
    void reportsAStatementWhoseTextDiffersByItsNumberAndBothTexts() {
        Trace actual = trace(List.of(single(GET, 1L), single("UPDATE song SET artist_id=? WHERE song.id = ?", null, 1L),
                single(DELETE_ARTIST, 1L)), null, tables(2L, "Hole"));
        String d = TraceAgreement.firstDifference(actual, golden());
        assertEquals("statement #2 text: expected `DELETE FROM song WHERE song.id = ?` but was `UPDATE song SET artist_id=? WHERE song.id = ?`", d);
    }

    @Test
    @SuppressWarnings("unchecked")
    void refusesDifferentParameters() {
        Trace actual = trace(List.of(single(GET, 1L), many(DELETE_SONGS, List.of(1L), List.of(3L)), single(DELETE_ARTIST, 1L)),
                null, tables(2L, "Hole"));
        assertEquals("statement #2 `DELETE FROM song WHERE song.id = ?`: expected parameters [[1], [2]] but was [[1], [3]]",
                TraceAgreement.firstDifference(actual, golden()));
    }

    @Test
    void comparesNumbersByValueSoALongEqualsTheSameDouble() {
        Trace expected = trace(List.of(single("UPDATE t SET x=? WHERE t.id = ?", 1.0, 1L)), null, Map.of());
        Trace actual = trace(List.of(single("UPDATE t SET x=? WHERE t.id = ?", 1L, 1L)), null, Map.of());
        assertTrue(TraceAgreement.agrees(actual, expected));
    }

    @Test
    void keepsNumbersApartFromStringsAndBooleans() {
        Trace expected = trace(List.of(single("UPDATE t SET x=? WHERE t.id = ?", 1L, 1L)), null, Map.of());
        assertFalse(TraceAgreement.agrees(trace(List.of(single("UPDATE t SET x=? WHERE t.id = ?", "1", 1L)), null, Map.of()), expected));
        assertFalse(TraceAgreement.agrees(trace(List.of(single("UPDATE t SET x=? WHERE t.id = ?", true, 1L)), null, Map.of()), expected));
    }

    @Test
    void refusesADoubleThatIsNotTheSameNumber() {
        Trace expected = trace(List.of(single("UPDATE t SET x=? WHERE t.id = ?", 1.5, 1L)), null, Map.of());
        Trace actual = trace(List.of(single("UPDATE t SET x=? WHERE t.id = ?", 1L, 1L)), null, Map.of());
        assertFalse(TraceAgreement.agrees(actual, expected));
    }

    @Test
    void refusesSeparateExecutesWhereOneExecutemanyWasSent() {
        Trace actual = trace(List.of(single(GET, 1L), single(DELETE_SONGS, 1L), single(DELETE_SONGS, 2L), single(DELETE_ARTIST, 1L)),
                null, tables(2L, "Hole"));
        assertEquals("statement #2 `DELETE FROM song WHERE song.id = ?`: expected one executemany with [[1], [2]]"
                + " but was a single execute with [1]", TraceAgreement.firstDifference(actual, golden()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void refusesAnExecutemanyOfOneRowWhereAPlainExecuteWasSent() {
        Trace expected = trace(List.of(single(DELETE_ARTIST, 1L)), null, Map.of());
        Trace actual = trace(List.of(many(DELETE_ARTIST, List.of(1L))), null, Map.of());
        assertFalse(TraceAgreement.agrees(actual, expected));
    }

    @Test
    void namesTheFirstMissingStatement() {
        Trace actual = trace(List.of(single(GET, 1L)), null, tables(2L, "Hole"));
        assertEquals("statement #2 missing: expected `DELETE FROM song WHERE song.id = ?` [[1], [2]] (3 statements expected, 1 sent)",
                TraceAgreement.firstDifference(actual, golden()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void namesTheFirstExtraStatement() {
        Trace actual = trace(List.of(single(GET, 1L), many(DELETE_SONGS, List.of(1L), List.of(2L)), single(DELETE_ARTIST, 1L),
                single(GET, 2L)), null, tables(2L, "Hole"));
        assertTrue(TraceAgreement.firstDifference(actual, golden()).startsWith("statement #4 not expected: `SELECT"));
    }

    @Test
    void agreesOnAnErrorOfTheSameTypeAndStepWhateverItsMessage() {
        Trace expected = trace(List.of(), new TraceError("IntegrityError", "(sqlite3.IntegrityError) NOT NULL constraint failed: song.artist_id", 1), Map.of());
        Trace actual = trace(List.of(), new TraceError("IntegrityError", "NULL not allowed for column ARTIST_ID", 1), Map.of());
        assertTrue(TraceAgreement.agrees(actual, expected));
    }

    @Test
    void refusesAnErrorRaisedByAnotherStep() {
        Trace expected = trace(List.of(), new TraceError("IntegrityError", "m", 1), Map.of());
        Trace actual = trace(List.of(), new TraceError("IntegrityError", "m", 0), Map.of());
        assertEquals("error: expected IntegrityError at step 1 (m) but was IntegrityError at step 0 (m)",
                TraceAgreement.firstDifference(actual, expected));
    }

    @Test
    void refusesAnErrorOfAnotherType() {
        Trace expected = trace(List.of(), new TraceError("ArgumentError", "m", null), Map.of());
        Trace actual = trace(List.of(), new TraceError("InvalidRequestError", "m", null), Map.of());
        assertFalse(TraceAgreement.agrees(actual, expected));
    }

    @Test
    void reportsAMissingError() {
        Trace expected = trace(List.of(), new TraceError("ArgumentError", "bad", null), Map.of());
        Trace actual = trace(List.of(), null, Map.of());
        assertEquals("error: expected ArgumentError when the mappers configure (bad) but the run raised nothing",
                TraceAgreement.firstDifference(actual, expected));
    }

    @Test
    void reportsTheFirstRowThatDiffersWithItsTable() {
        Trace expected = trace(List.of(), null, tables(1L, "Nirvana", 2L, "Hole"));
        Trace actual = trace(List.of(), null, tables(1L, "Nirvana", 2L, "Pixies"));
        assertEquals("table artist row 2: expected {id=2, name=Hole} but was {id=2, name=Pixies}",
                TraceAgreement.firstDifference(actual, expected));
    }

    @Test
    void reportsARowTooMany() {
        Trace expected = trace(List.of(), null, tables(2L, "Hole"));
        Trace actual = trace(List.of(), null, tables(2L, "Hole", 3L, "Pixies"));
        assertEquals("table artist has 2 rows, expected 1; extra row 2: {id=3, name=Pixies}",
                TraceAgreement.firstDifference(actual, expected));
    }

    @Test
    void reportsAMissingTable() {
        Trace expected = trace(List.of(), null, tables(2L, "Hole"));
        Trace actual = trace(List.of(), null, Map.of());
        assertEquals("table artist: missing", TraceAgreement.firstDifference(actual, expected));
    }

    @Test
    void ignoresWarningsAndTheProjectsOwnExtras() {
        Trace expected = golden();
        Trace actual = new Trace(expected.statements().stream().map(s -> s.withCause("because")).toList(), null,
                expected.tables(), List.of("The 'delete-orphan' cascade option requires 'delete'."), tables(1L, "Nirvana"));
        assertTrue(TraceAgreement.agrees(actual, expected));
    }

    @Test
    @SuppressWarnings("unchecked")
    void agreesWithAnyVariantAndPicksTheClosestOneOtherwise() {
        Trace first = trace(List.of(single(GET, 1L), many(DELETE_SONGS, List.of(1L), List.of(2L))), null, Map.of());
        Trace second = trace(List.of(single(GET, 1L), many(DELETE_SONGS, List.of(2L), List.of(1L))), null, Map.of());
        Trace actual = trace(List.of(single(GET, 1L), many(DELETE_SONGS, List.of(2L), List.of(1L))), null, Map.of());
        assertTrue(TraceAgreement.agreesWithAny(actual, List.of(first, second)));

        Trace near = trace(List.of(single(GET, 1L), many(DELETE_SONGS, List.of(2L), List.of(1L)), single(DELETE_ARTIST, 1L)), null, Map.of());
        assertFalse(TraceAgreement.agreesWithAny(near, List.of(first, second)));
        assertSame(second, TraceAgreement.closest(near, List.of(first, second)));
    }

    @Test
    void agreesWithNoVariantWhenThereAreNone() {
        assertFalse(TraceAgreement.agreesWithAny(golden(), List.of()));
        assertNull(TraceAgreement.firstDifference(golden(), golden()));
    }
}
