package dev.cascadeviz.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cascadeviz.app.TestScenarios;
import org.junit.jupiter.api.Test;

class MappedEdgeTest {

    @Test
    void findsTheChildTablesForeignKeyOfAOneToMany() {
        MappedEdge e = MappedEdge.find(TestScenarios.artistSongs("all", true), "Artist", "songs");
        assertEquals(Direction.ONE_TO_MANY, e.direction());
        assertEquals("song", e.fkTable());
        assertEquals("song.artist_id → artist.id", e.foreignKeyLabel());
    }
}
