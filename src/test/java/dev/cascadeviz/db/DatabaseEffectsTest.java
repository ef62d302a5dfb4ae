package dev.cascadeviz.db;

import static dev.cascadeviz.db.Schemas.col;
import static dev.cascadeviz.db.Schemas.fk;
import static dev.cascadeviz.db.Schemas.pk;
import static dev.cascadeviz.db.Schemas.row;
import static dev.cascadeviz.db.Schemas.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.ReferentialAction;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.trace.RowChange;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DatabaseEffectsTest {

    private static final String DELETE_ARTIST = "DELETE FROM artist WHERE artist.id = ?";

    private static List<RowChange> deleteArtist1(ScenarioDatabase db) throws Exception {
        DatabaseEffects.Pending p = db.effects().beforeDelete("artist", List.of(List.of(1L)));
        db.execute(DELETE_ARTIST, List.of(List.of(1L)), false);
        return p.changes();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void recordsTheRowsAnOnDeleteCascadeDeletes(Engine engine) throws Exception {
        try (ScenarioDatabase db = ScenarioDatabase.open(Schemas.artistSongs(engine, true, ReferentialAction.CASCADE), engine)) {
            assertEquals(List.of(
                    new RowChange("song", RowChange.Kind.DELETE, List.of(1L), row("id", 1L, "artist_id", 1L, "title", "Lithium"), null,
                            "song.artist_id ON DELETE CASCADE"),
                    new RowChange("song", RowChange.Kind.DELETE, List.of(2L), row("id", 2L, "artist_id", 1L, "title", "Breed"), null,
                            "song.artist_id ON DELETE CASCADE")),
                    deleteArtist1(db));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void recordsTheRowsAnOnDeleteSetNullChanges(Engine engine) throws Exception {
        try (ScenarioDatabase db = ScenarioDatabase.open(Schemas.artistSongs(engine, true, ReferentialAction.SET_NULL), engine)) {
            List<RowChange> changes = deleteArtist1(db);
            assertEquals(2, changes.size());
            RowChange first = changes.get(0);
            assertEquals(RowChange.Kind.UPDATE, first.kind());
            assertEquals(row("id", 1L, "artist_id", null, "title", "Lithium"), first.after());
            assertEquals(1L, first.before().get("artist_id"));
            assertEquals("song.artist_id ON DELETE SET NULL", first.foreignKey());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void followsCascadesTransitivelyToGrandchildren(Engine engine) throws Exception {
        Scenario s = Schemas.scenario(engine, true,
                List.of(table("artist", pk("id")),
                        table("album", pk("id"), fk("artist_id", "artist.id", ReferentialAction.CASCADE)),
                        table("track", pk("id"), fk("album_id", "album.id", ReferentialAction.CASCADE))),
                "artist", List.of(row("id", 1L)),
                "album", List.of(row("id", 10L, "artist_id", 1L)),
                "track", List.of(row("id", 100L, "album_id", 10L), row("id", 101L, "album_id", 10L)));
        try (ScenarioDatabase db = ScenarioDatabase.open(s, engine)) {
            List<RowChange> changes = deleteArtist1(db);
            assertEquals(List.of("album:[10]:album.artist_id ON DELETE CASCADE", "track:[100]:track.album_id ON DELETE CASCADE",
                            "track:[101]:track.album_id ON DELETE CASCADE"),
                    changes.stream().map(c -> c.table() + ":" + c.key() + ":" + c.foreignKey()).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void recordsOtherRowsOfASelfReferentialTableButNotTheStatementsOwnRow(Engine engine) throws Exception {
        Scenario s = Schemas.scenario(engine, true,
                List.of(table("node", pk("id"), fk("parent_id", "node.id", ReferentialAction.CASCADE))),
                "node", List.of(row("id", 1L, "parent_id", null), row("id", 2L, "parent_id", 1L), row("id", 3L, "parent_id", 2L)));
        try (ScenarioDatabase db = ScenarioDatabase.open(s, engine)) {
            DatabaseEffects.Pending p = db.effects().beforeDelete("node", List.of(List.of(1L)));
            db.execute("DELETE FROM node WHERE node.id = ?", List.of(List.of(1L)), false);
            assertEquals(List.of(List.of(2L), List.of(3L)), p.changes().stream().map(RowChange::key).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void recordsWhatAnOnUpdateCascadeChanges(Engine engine) throws Exception {
        Scenario s = Schemas.scenario(engine, true,
                List.of(table("artist", pk("id")),
                        table("song", pk("id"), fk("artist_id", "artist.id", null).withOnupdate(ReferentialAction.CASCADE))),
                "artist", List.of(row("id", 1L)),
                "song", List.of(row("id", 1L, "artist_id", 1L)));
        try (ScenarioDatabase db = ScenarioDatabase.open(s, engine)) {
            DatabaseEffects.Pending p = db.effects().beforeUpdate("artist", List.of(List.of(1L)));
            db.execute("UPDATE artist SET id=? WHERE artist.id = ?", List.of(List.of(5L, 1L)), false);
            assertEquals(List.of(new RowChange("song", RowChange.Kind.UPDATE, List.of(1L), row("id", 1L, "artist_id", 1L),
                    row("id", 1L, "artist_id", 5L), "song.artist_id ON UPDATE CASCADE")), p.changes());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void readsNothingWhenNoRuleCanAct(Engine engine) throws Exception {
        try (ScenarioDatabase db = ScenarioDatabase.open(Schemas.artistSongs(engine, true, ReferentialAction.RESTRICT), engine)) {
            assertTrue(db.effects().reachable("artist", DatabaseEffects.Event.DELETE).isEmpty());
            assertSame(DatabaseEffects.NONE, db.effects().beforeDelete("artist", List.of(List.of(2L))));
        }
    }

    @Test
    void reportsNothingOnSqliteWithForeignKeysOff() throws Exception {
        try (ScenarioDatabase db = ScenarioDatabase.open(Schemas.artistSongs(Engine.SQLITE, false, ReferentialAction.CASCADE), Engine.SQLITE)) {
            assertSame(DatabaseEffects.NONE, db.effects().beforeDelete("artist", List.of(List.of(1L))));
            assertEquals(List.of(), deleteArtist1(db));
            assertEquals(3, db.rows("song").size());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void namesBothColumnsOfACompositeRule(Engine engine) throws Exception {
        Scenario s = Schemas.scenario(engine, true,
                List.of(table("link", pk("a"), pk("b")),
                        table("ref", List.of(new ForeignKey(List.of("la", "lb"), "link", List.of("a", "b"),
                                        ReferentialAction.SET_NULL, null)),
                                pk("id"), col("la", ColumnType.INTEGER), col("lb", ColumnType.INTEGER))),
                "link", List.of(row("a", 1L, "b", 2L)),
                "ref", List.of(row("id", 1L, "la", 1L, "lb", 2L)));
        try (ScenarioDatabase db = ScenarioDatabase.open(s, engine)) {
            DatabaseEffects.Pending p = db.effects().beforeDelete("link", List.of(List.of(1L, 2L)));
            db.execute("DELETE FROM link WHERE link.a = ? AND link.b = ?", List.of(List.of(1L, 2L)), false);
            List<RowChange> changes = p.changes();
            assertEquals(1, changes.size());
            assertEquals("ref.la, ref.lb ON DELETE SET NULL", changes.get(0).foreignKey());
            assertEquals(row("id", 1L, "la", null, "lb", null), changes.get(0).after());
        }
    }
}
