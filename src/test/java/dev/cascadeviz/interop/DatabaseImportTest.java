package dev.cascadeviz.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.ReferentialAction;
import dev.cascadeviz.model.Relationship;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.orm.Simulator;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Trace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing SQLite and H2 database files created by the tests: schema, proposed relationships, first rows. */
class DatabaseImportTest {

    private static final String[] SCHEMA = {
        "CREATE TABLE artist (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL)",
        "CREATE TABLE song (id INTEGER PRIMARY KEY, artist_id INTEGER REFERENCES artist (id) ON DELETE CASCADE,"
            + " title VARCHAR(100), released DATE)",
        "CREATE TABLE tag (id INTEGER PRIMARY KEY, label VARCHAR(20) UNIQUE)",
        "CREATE TABLE song_tag (song_id INTEGER REFERENCES song (id) ON DELETE CASCADE,"
            + " tag_id INTEGER REFERENCES tag (id), PRIMARY KEY (song_id, tag_id))",
        "CREATE TABLE node (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES node (id) ON DELETE SET NULL)",
        "INSERT INTO artist VALUES (1, 'Nirvana'), (2, 'Pixies'), (3, 'Low')",
        "INSERT INTO song VALUES (1, 1, 'Lithium', '1991-09-24'), (2, 3, 'Lullaby', NULL), (3, 2, 'Debaser', NULL)",
        "INSERT INTO tag VALUES (1, 'grunge')",
        "INSERT INTO song_tag VALUES (1, 1)",
        "INSERT INTO node VALUES (1, NULL), (2, 1)",
    };

    @TempDir
    Path dir;

    private static void create(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String sql : SCHEMA) {
                s.execute(sql);
            }
        }
    }

    private Path sqlite() throws Exception {
        Path file = dir.resolve("music.sqlite");
        create("jdbc:sqlite:" + file);
        return file;
    }

    private Path h2() throws Exception {
        Path base = dir.resolve("music");
        create("jdbc:h2:file:" + base);
        return dir.resolve("music.mv.db");
    }

    private static Scenario imported(Path file, int rows) {
        ImportResult r = Imports.database(file.toString(), rows);
        assertTrue(r.ok(), () -> r.report(file.toString()));
        return r.scenario();
    }

    /** Names SQLAlchemy quotes: spaces, a leading digit, another alphabet, both quotes, a reserved word. */
    private static final String[] ODD = {
        "CREATE TABLE \"Kunde Straße\" (id INTEGER PRIMARY KEY, \"first name\" VARCHAR(50), \"1st \"\"nick\"\"\" INTEGER,"
            + " \"order\" INTEGER)",
        "CREATE TABLE \"2 items\" (id INTEGER PRIMARY KEY, \"owner id\" INTEGER REFERENCES \"Kunde Straße\" (id)"
            + " ON DELETE CASCADE, \"x'y\" VARCHAR(10))",
        "INSERT INTO \"Kunde Straße\" VALUES (1, 'Ann', 7, 3)",
        "INSERT INTO \"2 items\" VALUES (1, 1, 'q'), (2, 1, 'r')",
    };

    @Test
    void importsNamesThatNeedQuotesFromSqliteAndH2AndTheScenarioRunsOnBothEngines() throws Exception {
        Path sqlite = dir.resolve("odd.sqlite");
        Path h2 = dir.resolve("odd.mv.db");
        for (String url : List.of("jdbc:sqlite:" + sqlite, "jdbc:h2:file:" + dir.resolve("odd"))) {
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                for (String sql : ODD) {
                    st.execute(sql);
                }
            }
        }
        for (Path file : List.of(sqlite, h2)) {
            Scenario s = imported(file, 10);
            assertEquals(List.of("Kunde Straße", "2 items"), List.copyOf(s.tables().keySet()), file.toString());
            assertEquals(List.of("id", "first name", "1st \"nick\"", "order"),
                    List.copyOf(s.table("Kunde Straße").columns().keySet()));
            assertEquals("Kunde Straße.id", s.table("2 items").column("owner id").foreignKey());
            assertEquals(List.of("KundeStraße", "_2Items"), List.copyOf(s.classes().keySet()), "classes named in the tables' alphabet");
            assertEquals(List.of(Map.of("id", 1L, "owner id", 1L, "x'y", "q"), Map.of("id", 2L, "owner id", 1L, "x'y", "r")),
                    s.rows().get("2 items").stream().map(r -> Map.copyOf(r)).toList());
            // what was imported is a scenario the loader reads back and both engines run
            Scenario again = ScenarioFiles.parse(
                    ScenarioFiles.toYaml(s), "odd.yaml");
            for (Engine engine : Engine.values()) {
                Trace t = new Simulator().run(again, engine);
                assertNull(t.error(), () -> engine + ": " + t.error());
                assertEquals(2, t.tables().get("2 items").size(), engine.toString());
            }
        }
    }

    @Test
    void readsTablesColumnsKeysAndRulesFromASqliteFile() throws Exception {
        Scenario s = imported(sqlite(), 0);
        assertEquals(List.of("artist", "node", "song", "tag", "song_tag"), List.copyOf(s.tables().keySet()), "parents first");
        assertEquals("artist.id", s.table("song").column("artist_id").foreignKey());
        assertEquals(ReferentialAction.CASCADE, s.table("song").column("artist_id").ondelete());
        assertNull(s.table("song_tag").column("tag_id").ondelete(), "no rule: the database's default");
        assertFalse(s.table("artist").column("name").nullable());
        assertEquals(Integer.valueOf(50), s.table("artist").column("name").length());
        assertEquals(ColumnType.DATE, s.table("song").column("released").type());
        assertTrue(s.table("tag").column("label").unique());
        assertEquals(List.of("song_id", "tag_id"), s.table("song_tag").primaryKey().stream().map(c -> c.name()).toList());
    }

    @Test
    void proposesOneToManyWithBackPopulatesAndManyToManyThroughAnAssociationTable() throws Exception {
        Scenario s = imported(sqlite(), 0);
        Relationship songs = s.mappedClass("Artist").relationship("songs");
        Relationship artist = s.mappedClass("Song").relationship("artist");
        assertEquals("Song", songs.target());
        assertEquals("artist", songs.backPopulates());
        assertEquals("songs", artist.backPopulates());
        assertNull(s.mappedClass("SongTag"), "an association table gets no class");
        assertEquals("song_tag", s.mappedClass("Song").relationship("tags").secondary());
        assertEquals("tags", s.mappedClass("Tag").relationship("songs").backPopulates());
        assertEquals(List.of("node.id"), s.mappedClass("Node").relationship("parent").remoteSide());
    }

    @Test
    void takesTheFirstRowsAndLeavesOutRowsWhoseParentWasNotTaken() throws Exception {
        ImportResult r = Imports.database(sqlite().toString(), 2);
        assertTrue(r.ok(), () -> r.report("music"));
        Map<String, List<Map<String, Object>>> rows = r.scenario().rows();
        assertEquals(2, rows.get("artist").size());
        assertEquals(List.of(1L), rows.get("song").stream().map(m -> m.get("id")).toList(), "song 2 is by artist 3");
        assertEquals("1991-09-24", rows.get("song").get(0).get("released"));
        assertTrue(r.notes().stream().anyMatch(n -> n.message().contains("reference rows beyond the first 2")));
    }

    @Test
    void readsAnH2FileWithLowerCaseNames() throws Exception {
        Scenario s = imported(h2(), 3);
        assertEquals(List.of("artist", "node", "song", "song_tag", "tag"), s.tables().keySet().stream().sorted().toList());
        assertEquals("artist.id", s.table("song").column("artist_id").foreignKey());
        assertEquals(ReferentialAction.CASCADE, s.table("song").column("artist_id").ondelete());
        assertEquals(ReferentialAction.SET_NULL, s.table("node").column("parent_id").ondelete());
        assertEquals("song_tag", s.mappedClass("Tag").relationship("songs").secondary());
        assertEquals(3, s.rowsOf("song").size());
    }

    @Test
    void aFileThatIsNoDatabaseIsAProblem() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.db"), "hello");
        ImportResult r = Imports.database(junk.toString(), 0);
        assertFalse(r.ok());
        assertTrue(r.problems().get(0).contains("neither a SQLite database nor an H2"), r.report("junk"));
    }

    @Test
    void anUnreachableUrlIsAProblem() {
        ImportResult r = Imports.database("jdbc:nosuchdriver://x", 0);
        assertFalse(r.ok());
        assertTrue(r.problems().get(0).startsWith("cannot read the database"), r.report("url"));
    }

    @Test
    void importingNeverCreatesOrChangesTheSource(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("src");
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + base);
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE artist (id INT PRIMARY KEY, name VARCHAR(20))");
            st.execute("INSERT INTO artist VALUES (1, 'Nirvana')");
        }
        Path file = dir.resolve("src.mv.db");
        byte[] before = Files.readAllBytes(file);
        for (String source : new String[] {"jdbc:h2:" + base, "jdbc:h2:" + base + ";IFEXISTS=FALSE", file.toString()}) {
            ImportResult r = DatabaseImport.read(source, 5);
            assertTrue(r.ok(), () -> r.report(source));
            Assertions.assertArrayEquals(before, Files.readAllBytes(file), source);
        }
        ImportResult missing = DatabaseImport.read("jdbc:h2:" + dir.resolve("typo"), 5);
        assertFalse(missing.ok());
        ImportResult missingSqlite = DatabaseImport.read("jdbc:sqlite:" + dir.resolve("typo.db"), 5);
        assertFalse(missingSqlite.ok());
        try (var left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "no database made for a name that does not exist");
        }
    }
}
