package dev.cascadeviz.app;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.Relationship;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.trace.RowChange;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceError;
import dev.cascadeviz.trace.TraceStatement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test data: the artist/song scenario and hand-made traces for it (test data for views, not goldens). */
public final class TestScenarios {

    public static final String GET_ARTIST = "SELECT artist.id AS artist_id, artist.name AS artist_name \nFROM artist \nWHERE artist.id = ?";
    public static final String LOAD_SONGS = "SELECT song.id AS song_id, song.artist_id AS song_artist_id, song.title AS song_title \nFROM song \nWHERE ? = song.artist_id";

    private TestScenarios() {
    }

    /** Artist.songs with the given cascade; song.artist_id nullable or not. */
    public static Scenario artistSongs(String cascade, boolean nullableFk) {
        Map<String, Column> artistCols = new LinkedHashMap<>();
        artistCols.put("id", Column.primaryKey("id"));
        artistCols.put("name", Column.of("name", ColumnType.STRING));
        Map<String, Column> songCols = new LinkedHashMap<>();
        songCols.put("id", Column.primaryKey("id"));
        songCols.put("artist_id", Column.of("artist_id", ColumnType.INTEGER).withForeignKey("artist.id").withNullable(nullableFk));
        songCols.put("title", Column.of("title", ColumnType.STRING));
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put("artist", new Table("artist", artistCols, List.of()));
        tables.put("song", new Table("song", songCols, List.of()));
        Map<String, MappedClass> classes = new LinkedHashMap<>();
        classes.put("Artist", new MappedClass("Artist", "artist",
                Map.of("songs", Relationship.to("songs", "Song").withCascade(cascade))));
        classes.put("Song", new MappedClass("Song", "song", Map.of()));
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        rows.put("artist", List.of(row("id", 1L, "name", "Nirvana"), row("id", 2L, "name", "Hole")));
        rows.put("song", List.of(row("id", 1L, "artist_id", 1L, "title", "Lithium"),
                row("id", 2L, "artist_id", 1L, "title", "Breed"),
                row("id", 3L, "artist_id", 2L, "title", "Celebrity Skin")));
        return new Scenario(1, null, "Test artists", "Some *notes*.", null, tables, classes, rows,
                List.of(new Step.Delete(ObjectRef.of("Artist", 1L)), new Step.Commit()), Map.of());
    }

    public static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** What deleting Artist(1) with a delete cascade does: get, load songs, delete songs (executemany), delete artist. */
    public static Trace cascadeDeleteTrace(Scenario s) {
        Map<String, Object> song1 = s.rowsOf("song").get(0);
        Map<String, Object> song2 = s.rowsOf("song").get(1);
        Map<String, Object> artist1 = s.rowsOf("artist").get(0);
        List<TraceStatement> statements = List.of(
                // the SELECTs with the row counts the executor records: Artist(1), then its two songs
                new TraceStatement(GET_ARTIST, List.of(List.of(1L)), false, null, null, null, 1),
                new TraceStatement(LOAD_SONGS, List.of(List.of(1L)), false, null, null, null, 2),
                new TraceStatement("DELETE FROM song WHERE song.id = ?", List.of(List.of(1L), List.of(2L)), true,
                        List.of(new RowChange("song", RowChange.Kind.DELETE, List.of(1L), song1, null, null),
                                new RowChange("song", RowChange.Kind.DELETE, List.of(2L), song2, null, null)),
                        null, "Artist.songs has cascade delete"),
                new TraceStatement("DELETE FROM artist WHERE artist.id = ?", List.of(List.of(1L)), false,
                        List.of(new RowChange("artist", RowChange.Kind.DELETE, List.of(1L), artist1, null, null)), null,
                        "session.delete(Artist(1))"));
        Map<String, List<Map<String, Object>>> after = new LinkedHashMap<>();
        after.put("artist", List.of(s.rowsOf("artist").get(1)));
        after.put("song", List.of(s.rowsOf("song").get(2)));
        return new Trace(statements, null, after, List.of(), s.rows());
    }

    /** Deleting Artist(1) where the database cascades: the ORM deletes the artist, the database the songs. */
    public static Trace databaseCascadeTrace(Scenario s) {
        Map<String, Object> song1 = s.rowsOf("song").get(0);
        Map<String, Object> artist1 = s.rowsOf("artist").get(0);
        TraceStatement delete = new TraceStatement("DELETE FROM artist WHERE artist.id = ?", List.of(List.of(1L)), false,
                List.of(new RowChange("artist", RowChange.Kind.DELETE, List.of(1L), artist1, null, null)),
                List.of(new RowChange("song", RowChange.Kind.DELETE, List.of(1L), song1, null, "song.artist_id ON DELETE CASCADE")),
                null);
        Map<String, List<Map<String, Object>>> after = new LinkedHashMap<>();
        after.put("artist", List.of(s.rowsOf("artist").get(1)));
        after.put("song", List.of(s.rowsOf("song").get(1), s.rowsOf("song").get(2)));
        return new Trace(List.of(TraceStatement.single(GET_ARTIST, List.of(1L)), delete), null, after, List.of(), s.rows());
    }

    /** No delete cascade and a NOT NULL key: the UPDATE to NULL fails and everything rolls back. */
    public static Trace notNullFailureTrace(Scenario s) {
        List<TraceStatement> statements = List.of(
                TraceStatement.single(GET_ARTIST, List.of(1L)),
                TraceStatement.single(LOAD_SONGS, List.of(1L)),
                new TraceStatement("UPDATE song SET artist_id=? WHERE song.id = ?",
                        List.of(java.util.Arrays.asList(null, 1L), java.util.Arrays.asList(null, 2L)), true, null, null, null));
        return new Trace(statements, new TraceError("IntegrityError",
                "(sqlite3.IntegrityError) NOT NULL constraint failed: song.artist_id", 1), s.rows(), List.of(), s.rows());
    }
}
