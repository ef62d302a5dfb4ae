package dev.cascadeviz.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.ReferentialAction;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The ON DELETE rules are really enforced by the engines, as SQLAlchemy's DELETE FROM artist meets them. */
class ReferentialRulesTest {

    private static final String DELETE_ARTIST = "DELETE FROM artist WHERE artist.id = ?";

    private static List<List<Object>> songs(ScenarioDatabase db) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        for (Map<String, Object> r : db.rows("song")) {
            out.add(Arrays.asList(r.get("id"), r.get("artist_id")));
        }
        return out;
    }

    private static ScenarioDatabase open(Engine engine, boolean fk, ReferentialAction rule) throws SQLException {
        return ScenarioDatabase.open(Schemas.artistSongs(engine, fk, rule), engine);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void cascadeDeletesTheChildRows(Engine engine) throws Exception {
        try (ScenarioDatabase db = open(engine, true, ReferentialAction.CASCADE)) {
            db.execute(DELETE_ARTIST, List.of(List.of(1L)), false);
            assertEquals(List.of(List.of(3L, 2L)), songs(db));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void setNullNullsTheChildRowsKeys(Engine engine) throws Exception {
        try (ScenarioDatabase db = open(engine, true, ReferentialAction.SET_NULL)) {
            db.execute(DELETE_ARTIST, List.of(List.of(1L)), false);
            assertEquals(List.of(Arrays.asList(1L, null), Arrays.asList(2L, null), List.of(3L, 2L)), songs(db));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void setDefaultSetsTheChildRowsKeysToTheirDefaultNull(Engine engine) throws Exception {
        try (ScenarioDatabase db = open(engine, true, ReferentialAction.SET_DEFAULT)) {
            db.execute(DELETE_ARTIST, List.of(List.of(1L)), false);
            assertEquals(List.of(Arrays.asList(1L, null), Arrays.asList(2L, null), List.of(3L, 2L)), songs(db));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void restrictRefusesTheDeleteAndLeavesEveryRow(Engine engine) throws Exception {
        try (ScenarioDatabase db = open(engine, true, ReferentialAction.RESTRICT)) {
            assertThrows(SQLException.class, () -> db.execute(DELETE_ARTIST, List.of(List.of(1L)), false));
            assertEquals(2, db.rows("artist").size());
            assertEquals(3, db.rows("song").size());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void noActionRefusesTheDelete(Engine engine) throws Exception {
        try (ScenarioDatabase db = open(engine, true, ReferentialAction.NO_ACTION)) {
            assertThrows(SQLException.class, () -> db.execute(DELETE_ARTIST, List.of(List.of(1L)), false));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void noRuleAtAllRefusesTheDeleteLikeNoAction(Engine engine) throws Exception {
        try (ScenarioDatabase db = open(engine, true, null)) {
            SQLException e = assertThrows(SQLException.class, () -> db.execute(DELETE_ARTIST, List.of(List.of(1L)), false));
            if (engine == Engine.SQLITE) {
                assertEquals("[SQLITE_CONSTRAINT_FOREIGNKEY] A foreign key constraint failed (FOREIGN KEY constraint failed)", e.getMessage());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = ReferentialAction.class)
    void sqliteWithForeignKeysOffIgnoresEveryRule(ReferentialAction rule) throws Exception {
        try (ScenarioDatabase db = open(Engine.SQLITE, false, rule)) {
            db.execute(DELETE_ARTIST, List.of(List.of(1L)), false);
            assertEquals(List.of(List.of(1L, 1L), List.of(2L, 1L), List.of(3L, 2L)), songs(db));
        }
    }
}
