package dev.cascadeviz.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cascadeviz.fixtures.TestScenarios;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.Relationship;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.mapping.Direction;
import org.junit.jupiter.api.Test;

class MappedEdgeTest {

    @Test
    void findsTheChildTablesForeignKeyOfAOneToMany() {
        MappedEdge e = MappedEdge.find(TestScenarios.artistSongs("all", true), "Artist", "songs");
        assertEquals(Direction.ONE_TO_MANY, e.direction());
        assertEquals("one-to-many", e.directionLabel());
        assertEquals("song", e.fkTable());
        assertEquals("song.artist_id → artist.id", e.foreignKeyLabel());
    }

    @Test
    void aManyToOneGoesThroughItsOwnTablesForeignKey() {
        Scenario s = TestScenarios.artistSongs("all", true);
        MappedClass song = s.mappedClass("Song");
        s = s.withClass(song.withRelationship(Relationship.to("artist", "Artist")));
        MappedEdge e = MappedEdge.find(s, "Song", "artist");
        assertEquals(Direction.MANY_TO_ONE, e.direction());
        assertEquals("song", e.fkTable());
        assertEquals(s.table("song").allForeignKeys().get(0), e.foreignKey());
    }

    @Test
    void aRelationshipToAnUnmappedClassHasNoDirection() {
        Scenario s = TestScenarios.artistSongs("all", true);
        MappedClass artist = s.mappedClass("Artist");
        s = s.withClass(artist.withRelationship(Relationship.to("ghosts", "Nobody")));
        MappedEdge e = MappedEdge.find(s, "Artist", "ghosts");
        assertNull(e.direction());
        assertEquals("?", e.directionLabel());
        assertNull(e.foreignKey());
    }
}
