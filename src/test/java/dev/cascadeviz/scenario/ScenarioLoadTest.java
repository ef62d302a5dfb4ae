package dev.cascadeviz.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.DatabaseSettings;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.PassiveDeletes;
import dev.cascadeviz.model.Point;
import dev.cascadeviz.model.ReferentialAction;
import dev.cascadeviz.model.Relationship;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Step;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoadTest {

    static Path resource(String name) {
        try {
            return Path.of(ScenarioLoadTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void loadsAFullFileIntoTheExpectedModel() throws ScenarioException {
        Scenario s = ScenarioFiles.load(resource("artist-songs.yaml"));
        assertEquals(1, s.format());
        assertEquals("Artist and songs", s.title());
        assertEquals("Deleting an artist through the ORM...\n**second** line: with a colon\n", s.notes());
        assertEquals(new DatabaseSettings(Engine.SQLITE, false), s.database());
        assertEquals(List.of("artist", "song", "album", "track"), List.copyOf(s.tables().keySet()));
        assertEquals(new Column("name", ColumnType.STRING, 50, false, false, false, false, null, null, null, null),
                s.table("artist").column("name"));
        assertEquals(new Column("artist_id", ColumnType.INTEGER, null, false, true, false, false, null, "artist.id",
                ReferentialAction.CASCADE, null), s.table("song").column("artist_id"));
        assertEquals(List.of(new ForeignKey(List.of("artist_id", "album_no"), "album", List.of("artist_id", "no"),
                ReferentialAction.CASCADE, ReferentialAction.SET_NULL)), s.table("track").compositeForeignKeys());
        Relationship songs = s.mappedClass("Artist").relationship("songs");
        assertEquals(new Relationship("songs", "Song", "all, delete", PassiveDeletes.TRUE, "artist", null, null, null,
                null, null, null, null, null, null, null), songs);
        assertEquals(List.of("track.id"), s.mappedClass("Album").relationship("tracks").orderBy());
        assertEquals(List.of(Map.of("id", 1L, "name", "Nirvana"), Map.of("id", 2L, "name", "yes")), s.rowsOf("artist"));
        assertEquals("1991-09-24", s.rowsOf("album").get(0).get("released"));
        assertEquals(1.0, s.rowsOf("track").get(0).get("price"));
        assertEquals(Boolean.FALSE, s.rowsOf("track").get(0).get("live"));
        assertEquals(List.of(new Step.Get(ObjectRef.of("Song", 3L)), new Step.Load(ObjectRef.of("Artist", 1L), "songs"),
                new Step.Remove(ObjectRef.of("Song", 2L), ObjectRef.of("Artist", 1L), "songs"),
                new Step.Set(ObjectRef.of("Song", 1L), "artist", ObjectRef.of("Artist", 2L)),
                new Step.Set(ObjectRef.of("Song", 3L), "artist", null), new Step.Expunge(ObjectRef.of("Song", 1L)),
                new Step.Delete(ObjectRef.of("Artist", 1L)), new Step.Flush(), new Step.Commit(), new Step.Rollback()),
                s.steps());
        assertEquals(Map.of("Artist", new Point(120, 80), "Song", new Point(420.5, 80)), s.layout());
    }

    @Test
    void keepsRowKeysInTheOrderWritten() throws ScenarioException {
        Scenario s = ScenarioFiles.load(resource("artist-songs.yaml"));
        assertEquals(List.of("id", "artist_id", "title"), List.copyOf(s.rowsOf("song").get(0).keySet()));
    }

    @Test
    void appliesTheDocumentedDefaults() throws ScenarioException {
        Scenario s = ScenarioFiles.parse("""
                tables:
                  t:
                    columns:
                      id: {primary_key: true}
                      n: {}
                classes:
                  T:
                    table: t
                    relationships: {}
                """, "d.yaml");
        assertEquals(1, s.format());
        assertNull(s.title());
        assertNull(s.notes());
        assertEquals(DatabaseSettings.DEFAULT, s.database());
        assertEquals(Engine.H2, s.database().engine());
        assertTrue(s.database().foreignKeys());
        assertEquals(Column.primaryKey("id"), s.table("t").column("id"));
        assertEquals(Column.of("n", ColumnType.INTEGER), s.table("t").column("n"));
        assertEquals("auto", s.table("t").column("n").autoincrement());
        assertEquals(Map.of(), s.rows());
        assertEquals(List.of(), s.steps());
        assertEquals(Map.of(), s.layout());
    }

    @Test
    void leavesRelationshipOptionsThatWereNotGivenNull() throws ScenarioException {
        Scenario s = ScenarioFiles.parse(Refusals.BASE, "b.yaml");
        Relationship songs = s.mappedClass("Song").relationship("artist");
        assertEquals(new Relationship("artist", "Artist", null, null, "songs", null, null, null, null, null, null, null,
                null, null, null), songs);
        assertEquals("save-update, merge", songs.effectiveCascade());
    }

    @Test
    void readsAFileWithoutAnySectionAsAnEmptyScenario() throws ScenarioException {
        Scenario s = ScenarioFiles.parse("title: Nothing yet\n", "e.yaml");
        assertEquals("Nothing yet", s.title());
        assertTrue(s.tables().isEmpty() && s.classes().isEmpty() && s.steps().isEmpty());
    }

    @Test
    void readsJsonByItsExtension() throws ScenarioException {
        String json = """
                {"title": "J", "tables": {"t": {"columns": {"id": {"type": "integer", "primary_key": true}}}},
                 "classes": {"T": {"table": "t"}}, "rows": {"t": [{"id": 7}]}, "steps": ["commit", {"delete": "T(7)"}]}
                """;
        Scenario s = ScenarioFiles.parse(" " + json, "s.json");
        assertEquals("J", s.title());
        assertEquals(List.of(new Step.Commit(), new Step.Delete(ObjectRef.of("T", 7L))), s.steps());
    }

    @Test
    void readsJsonByItsFirstBraceAndReportsJsonPositions() {
        List<Problem> problems = Refusals.problems("{\"title\": \"x\",\n  \"colour\": 1}", "noext");
        assertEquals(1, problems.size());
        Refusals.assertAt(problems.get(0), 2, 3, "unknown key 'colour'");
    }

    @Test
    void readsAYamlAndAJsonFileFromDiskToTheSameScenario(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("s.json");
        Files.writeString(json, "{\"title\": \"Same\", \"steps\": [\"flush\"]}");
        Path yaml = dir.resolve("s.yaml");
        Files.writeString(yaml, "title: Same\nsteps:\n  - flush\n");
        assertEquals(ScenarioFiles.load(yaml), ScenarioFiles.load(json));
    }

    @Test
    void namesTheFileAsGivenInEveryProblem(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "titel: x\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFiles.load(file));
        assertEquals(file + ":1:1: unknown key 'titel' in the scenario; allowed keys: format, sqlalchemy, title, notes, database, "
                + "tables, classes, rows, steps, layout", e.getMessage());
    }

    @Test
    void refusesAMissingFileWithAMessage(@TempDir Path dir) {
        Path file = dir.resolve("absent.yaml");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFiles.load(file));
        assertEquals(file + ":1:1: cannot read the file: no such file", e.getMessage());
    }

    @Test
    void refusesAFileThatIsNotUtf8(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, "title: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFiles.load(file));
        assertTrue(e.getMessage().endsWith(":1:1: the file is not UTF-8 text"), e.getMessage());
    }
}
