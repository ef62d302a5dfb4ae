package dev.cascadeviz.db;

import static dev.cascadeviz.db.Schemas.col;
import static dev.cascadeviz.db.Schemas.fk;
import static dev.cascadeviz.db.Schemas.pk;
import static dev.cascadeviz.db.Schemas.row;
import static dev.cascadeviz.db.Schemas.table;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.CompactRow;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.ReferentialAction;
import dev.cascadeviz.model.Scenario;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

class ScenarioDatabaseTest {

    private static List<Object> ids(List<Map<String, Object>> rows) {
        List<Object> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.get("id")));
        return out;
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void seedsParentsFirstEvenWhenTheChildTableIsListedFirst(Engine engine) throws Exception {
        Scenario s = Schemas.scenario(engine, true,
                List.of(table("song", pk("id"), fk("artist_id", "artist.id", null)), table("artist", pk("id"))),
                "song", List.of(row("id", 1L, "artist_id", 5L)),
                "artist", List.of(row("id", 5L)));
        try (ScenarioDatabase db = ScenarioDatabase.open(s, engine)) {
            assertEquals(List.of("song", "artist"), new ArrayList<>(db.snapshot().keySet()));
            assertEquals(List.of(1L), ids(db.rows("song")));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void seedsASelfReferentialTableWhoseChildrenAreListedBeforeTheirParents(Engine engine) throws Exception {
        Scenario s = Schemas.scenario(engine, true,
                List.of(table("node", pk("id"), fk("parent_id", "node.id", ReferentialAction.CASCADE))),
                "node", List.of(row("id", 3L, "parent_id", 2L), row("id", 2L, "parent_id", 1L), row("id", 1L, "parent_id", null)));
        try (ScenarioDatabase db = ScenarioDatabase.open(s, engine)) {
            assertEquals(List.of(row("id", 1L, "parent_id", null), row("id", 2L, "parent_id", 1L), row("id", 3L, "parent_id", 2L)),
                    db.rows("node"));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void seedsAForeignKeyCycleByNullingOneKeyAndSettingItAfterwards(Engine engine) throws Exception {
        Scenario s = Schemas.scenario(engine, true,
                List.of(table("a", pk("id"), fk("b_id", "b.id", null)), table("b", pk("id"), fk("a_id", "a.id", null))),
                "a", List.of(row("id", 1L, "b_id", 1L)),
                "b", List.of(row("id", 1L, "a_id", 1L)));
        try (ScenarioDatabase db = ScenarioDatabase.open(s, engine)) {
            assertEquals(List.of(row("id", 1L, "b_id", 1L)), db.rows("a"));
            assertEquals(List.of(row("id", 1L, "a_id", 1L)), db.rows("b"));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesARowWhoseParentDoesNotExistWithAMessageNamingTheTable(Engine engine) {
        Scenario s = Schemas.scenario(engine, true,
                List.of(table("artist", pk("id")), table("song", pk("id"), fk("artist_id", "artist.id", null))),
                "song", List.of(row("id", 1L, "artist_id", 9L)));
        SQLException e = assertThrows(SQLException.class, () -> ScenarioDatabase.open(s, engine).close());
        assertTrue(e.getMessage().contains("into table song"), e.getMessage());
    }

    private static Column indexed(String name, boolean unique) {
        return new Column(name, ColumnType.INTEGER, null, false, true, unique, true, null, null, null, null);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void hasEveryIndexOnceOpenedAndItsUniqueIndexRefusesADuplicateRowAsItIsInserted(Engine engine) throws Exception {
        Scenario s = Schemas.scenario(engine, true,
                List.of(table("song", pk("id"), indexed("rank", false), indexed("code", true))),
                "song", List.of(row("id", 1L, "rank", 3L, "code", 7L), row("id", 2L, "rank", 3L, "code", 8L)));
        try (ScenarioDatabase db = ScenarioDatabase.open(s, engine)) {
            Set<String> indexes = new HashSet<>();
            try (var rs = db.connection().getMetaData().getIndexInfo(null, null, "song", false, false)) {
                while (rs.next()) {
                    if (rs.getString("INDEX_NAME") != null) {
                        indexes.add(rs.getString("INDEX_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
            assertTrue(indexes.containsAll(Set.of("ix_song_rank", "ix_song_code")), indexes.toString());
            assertEquals(List.of(List.of(2L)), db.query("SELECT song.id FROM song WHERE song.rank = ? AND song.code = ?",
                    List.of(3L, 8L), null), "the plain index is built over the rows seeded before it");
        }
        Scenario duplicate = Schemas.scenario(engine, true,
                List.of(table("song", pk("id"), indexed("rank", false), indexed("code", true))),
                "song", List.of(row("id", 1L, "rank", 3L, "code", 7L), row("id", 2L, "rank", 3L, "code", 7L)));
        SQLException e = assertThrows(SQLException.class, () -> ScenarioDatabase.open(duplicate, engine).close());
        assertTrue(e.getMessage().contains("row {id=2, rank=3, code=7} into table song"), e.getMessage());
    }

    @Test
    void makesTheIndexesFirstWhenTwoOfTheirNamesWouldClash() throws Exception {
        // ix_a_b_c is both table a_b's index on c and table a's index on b_c: the clash is met creating
        // the schema, before the row whose parent is missing
        Scenario s = Schemas.scenario(Engine.SQLITE, true,
                List.of(table("a", pk("id"), indexed("b_c", false)),
                        table("a_b", pk("id"), indexed("c", false), fk("a_id", "a.id", null))),
                "a_b", List.of(row("id", 1L, "c", 1L, "a_id", 9L)));
        SQLException e = assertThrows(SQLException.class, () -> ScenarioDatabase.open(s, Engine.SQLITE).close());
        assertTrue(e.getMessage().contains("ix_a_b_c"), e.getMessage());
        assertFalse(Ddl.namesAreDistinct(s));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesARowInTheMiddleOfATableNamingThatRowRatherThanTheFirst(Engine engine) {
        Scenario s = Schemas.scenario(engine, true,
                List.of(table("artist", pk("id")), table("song", pk("id"), fk("artist_id", "artist.id", null))),
                "artist", List.of(row("id", 1L)),
                "song", List.of(row("id", 1L, "artist_id", 1L), row("id", 2L, "artist_id", 9L), row("id", 3L, "artist_id", 1L)));
        SQLException e = assertThrows(SQLException.class, () -> ScenarioDatabase.open(s, engine).close());
        assertTrue(e.getMessage().contains("row {id=2, artist_id=9} into table song"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void seedsAChildListedBeforeItsParentInASelfReferenceWhoseKeyIsWrittenAsAFloat(Engine engine) throws Exception {
        Scenario s = Schemas.scenario(engine, true,
                List.of(table("node", pk("id"), fk("parent_id", "node.id", null))),
                "node", List.of(row("id", 2L, "parent_id", 1.0), row("id", 1L, "parent_id", null)));
        try (ScenarioDatabase db = ScenarioDatabase.open(s, engine)) {
            assertEquals(List.of(1L, 2L), ids(db.rows("node")));
        }
    }

    @Test
    void loadsSqlitesNativeLibraryFromACompleteCopyInTheCacheFolder() throws Exception {
        Scenario s = Schemas.scenario(Engine.SQLITE, true, List.of(table("artist", pk("id"))), "artist", List.of(row("id", 1L)));
        try (ScenarioDatabase db = ScenarioDatabase.open(s, Engine.SQLITE)) {
            assertEquals(List.of(1L), ids(db.rows("artist")));
        }
        String dir = System.getProperty("org.sqlite.lib.path");
        String name = System.getProperty("org.sqlite.lib.name");
        Path lib = Path.of(dir, name);
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            assertArrayEquals(in.readAllBytes(), Files.readAllBytes(lib), lib.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void snapshotsOrderRowsByPrimaryKeyAndNormalizeValuesByColumnType(Engine engine) throws Exception {
        Scenario s = Schemas.scenario(engine, true,
                List.of(table("thing", pk("id"), col("name", ColumnType.STRING), col("body", ColumnType.TEXT),
                        col("ok", ColumnType.BOOLEAN), col("f", ColumnType.FLOAT), col("n", ColumnType.NUMERIC),
                        col("d", ColumnType.DATE), col("at", ColumnType.DATETIME))),
                "thing", List.of(
                        row("id", 2L, "name", "b", "body", "x", "ok", false, "f", 2L, "n", 1.25, "d", "2024-02-29", "at", "2024-01-05T10:30:00"),
                        row("id", 1L, "name", "a", "body", null, "ok", true, "f", 0.5, "n", 3L, "d", null, "at", "2024-01-05 10:30:00.250000")));
        try (ScenarioDatabase db = ScenarioDatabase.open(s, engine)) {
            List<Map<String, Object>> rows = db.snapshot().get("thing");
            assertEquals(row("id", 1L, "name", "a", "body", null, "ok", true, "f", 0.5, "n", 3.0, "d", null, "at", "2024-01-05 10:30:00.250000"), rows.get(0));
            assertEquals(row("id", 2L, "name", "b", "body", "x", "ok", false, "f", 2.0, "n", 1.25, "d", "2024-02-29", "at", "2024-01-05 10:30:00"), rows.get(1));
            assertEquals(List.of("id", "name", "body", "ok", "f", "n", "d", "at"), new ArrayList<>(rows.get(0).keySet()));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aSnapshotKeepsTheEarlierSnapshotsRowsThatHoldTheSameValuesAndReadsTheOthers(Engine engine) throws Exception {
        Scenario s = Schemas.artistSongs(engine, true, null);
        try (ScenarioDatabase db = ScenarioDatabase.open(s, engine)) {
            Map<String, List<Map<String, Object>>> first = db.snapshot();
            db.execute("UPDATE song SET artist_id = NULL WHERE song.id = ?", List.of(List.of(2L)), false);
            Map<String, List<Map<String, Object>>> second = db.snapshot(first);
            List<Map<String, Object>> before = first.get("song");
            List<Map<String, Object>> after = second.get("song");
            assertSame(before.get(0), after.get(0));
            assertSame(before.get(2), after.get(2));
            assertNotSame(before.get(1), after.get(1));
            assertNull(after.get(1).get("artist_id"));
            assertEquals(db.rows("song"), after);
        }
    }

    @Test
    void aSnapshotReadsARowWhoseEarlierValueIsEqualInNumberButNotInType() throws Exception {
        Scenario s = Schemas.scenario(Engine.H2, true, List.of(table("thing", pk("id"), col("f", ColumnType.FLOAT))),
                "thing", List.of(row("id", 1L, "f", 2.0)));
        try (ScenarioDatabase db = ScenarioDatabase.open(s, Engine.H2)) {
            Map<String, Object> read = db.snapshot().get("thing").get(0);
            Map<String, Object> likeButLong = CompactRow.of(row("id", 1L, "f", 2L), new CompactRow.Shape[1]);
            Map<String, Object> again = db.snapshot(Map.of("thing", List.of(likeButLong))).get("thing").get(0);
            assertNotSame(likeButLong, again);
            assertEquals(2.0, again.get("f"));
            assertEquals(read, again);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void opensAFreshDatabaseEachTimeSoOneRunsChangesNeverReachTheNext(Engine engine) throws Exception {
        Scenario s = Schemas.artistSongs(engine, true, null);
        try (ScenarioDatabase db = ScenarioDatabase.open(s, engine)) {
            db.execute("DELETE FROM song WHERE song.id = ?", List.of(List.of(1L)), false);
            db.commit();
            assertEquals(List.of(2L, 3L), ids(db.rows("song")));
        }
        try (ScenarioDatabase db = ScenarioDatabase.open(s, engine)) {
            assertEquals(List.of(1L, 2L, 3L), ids(db.rows("song")));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void runsTheCallersStatementsInOneTransactionThatRollsBack(Engine engine) throws Exception {
        try (ScenarioDatabase db = ScenarioDatabase.open(Schemas.artistSongs(engine, true, null), engine)) {
            assertFalse(db.connection().getAutoCommit());
            db.execute("UPDATE song SET artist_id=? WHERE song.id = ?", List.of(List.of(2L, 1L)), false);
            db.rollback();
            assertEquals(1L, db.rows("song").get(0).get("artist_id"));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void runsAnExecutemanyAsOneBatchAndReturnsEachSetsMatchedRows(Engine engine) throws Exception {
        try (ScenarioDatabase db = ScenarioDatabase.open(Schemas.artistSongs(engine, true, null), engine)) {
            int[] counts = db.execute("DELETE FROM song WHERE song.id = ?", List.of(List.of(1L), List.of(2L), List.of(99L)), true);
            assertArrayEquals(new int[] {1, 1, 0}, counts);
            assertEquals(List.of(3L), ids(db.rows("song")));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void runsTheSameTextAgainWithNewParametersAndAfterTheStatementFailed(Engine engine) throws Exception {
        try (ScenarioDatabase db = ScenarioDatabase.open(Schemas.artistSongs(engine, true, null), engine)) {
            String select = "SELECT song.id AS song_id \nFROM song \nWHERE ? = song.artist_id";
            List<List<Object>> first = db.query(select, List.of(1L), null);
            List<List<Object>> second = db.query(select, List.of(2L), null);
            assertEquals(Set.of(List.of(1L), List.of(2L)), new HashSet<>(first));
            assertEquals(List.of(List.of(3L)), second);
            assertEquals(List.of(), db.query(select, List.of(99L), null));
            // the foreign key refuses the first update; the same text then runs with a good value
            String update = "UPDATE song SET artist_id=? WHERE song.id = ?";
            assertThrows(SQLException.class, () -> db.execute(update, List.of(List.of(99L, 1L)), false));
            assertArrayEquals(new int[] {1}, db.execute(update, List.of(List.of(2L, 1L)), false));
            assertArrayEquals(new int[] {1, 1}, db.execute(update, List.of(List.of(1L, 1L), List.of(1L, 2L)), true));
            assertEquals(List.of(1L, 1L), List.of(db.rows("song").get(0).get("artist_id"), db.rows("song").get(1).get("artist_id")));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void runsSqlalchemysTextUnchangedOnTablesAndColumnsNamedWithKeywords(Engine engine) throws Exception {
        Scenario s = Schemas.scenario(engine, true,
                List.of(table("user", pk("id"), col("value", ColumnType.INTEGER), col("year", ColumnType.INTEGER)),
                        table("order", pk("id"), fk("user", "user.id", null), col("key", ColumnType.STRING))),
                "user", List.of(row("id", 1L, "value", 10L, "year", 1991L)),
                "order", List.of(row("id", 1L, "user", 1L, "key", "k")));
        try (ScenarioDatabase db = ScenarioDatabase.open(s, engine)) {
            assertEquals(List.of(List.of(1L, 10L, 1991L)), db.query(
                    "SELECT user.id AS user_id, user.value AS user_value, user.year AS user_year \nFROM user \nWHERE user.id = ?",
                    List.of(1L), null));
            assertEquals(List.of(List.of(1L, 1L, "k")), db.query(
                    "SELECT \"order\".id AS order_id, \"order\".user AS order_user, \"order\".\"key\" AS order_key \nFROM \"order\" \nWHERE ? = \"order\".user",
                    List.of(1L), null));
            assertArrayEquals(new int[] {1}, db.execute("UPDATE user SET value=? WHERE user.id = ?", List.of(List.of(11L, 1L)), false));
            assertArrayEquals(new int[] {1}, db.execute("DELETE FROM \"order\" WHERE \"order\".id = ?", List.of(List.of(1L)), false));
            assertArrayEquals(new int[] {1}, db.execute("DELETE FROM user WHERE user.id = ?", List.of(List.of(1L)), false));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void runsAManyToManyLoadThroughTheSecondaryTable(Engine engine) throws Exception {
        Scenario s = Schemas.scenario(engine, true,
                List.of(table("post", pk("id")), table("tag", pk("id"), col("name", ColumnType.STRING)),
                        table("post_tag", fk("post_id", "post.id", null), fk("tag_id", "tag.id", null))),
                "post", List.of(row("id", 1L)),
                "tag", List.of(row("id", 1L, "name", "python"), row("id", 2L, "name", "sql")),
                "post_tag", List.of(row("post_id", 1L, "tag_id", 2L), row("post_id", 1L, "tag_id", 1L)));
        try (ScenarioDatabase db = ScenarioDatabase.open(s, engine)) {
            List<List<Object>> rows = db.query("SELECT tag.id AS tag_id, tag.name AS tag_name \nFROM tag, post_tag \nWHERE ? = post_tag.post_id AND tag.id = post_tag.tag_id",
                    List.of(1L), List.of(ColumnType.INTEGER, ColumnType.STRING));
            assertEquals(2, rows.size());
            assertEquals(List.of(row("post_id", 1L, "tag_id", 1L), row("post_id", 1L, "tag_id", 2L)), db.rows("post_tag"));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void usesTheScenariosEngineWhenNoneIsGiven(Engine engine) throws Exception {
        try (ScenarioDatabase db = ScenarioDatabase.open(Schemas.artistSongs(engine, true, null), null)) {
            assertEquals(engine, db.engine());
        }
    }
}
