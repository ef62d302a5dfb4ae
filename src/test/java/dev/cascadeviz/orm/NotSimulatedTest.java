package dev.cascadeviz.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Engine;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Trace;
import org.junit.jupiter.api.Test;

/** What the simulator does not model ends the run with a "not simulated" error naming the setting. */
class NotSimulatedTest {

    private static final String CHAIN_THROUGH_SECONDARY = """
            tables:
              artist: {columns: {id: {type: integer, primary_key: true}}}
              song: {columns: {id: {type: integer, primary_key: true}, artist_id: {type: integer, foreign_key: artist.id}}}
              tag: {columns: {id: {type: integer, primary_key: true}}}
              song_tag:
                columns:
                  song_id: {type: integer, foreign_key: song.id, primary_key: true}
                  tag_id: {type: integer, foreign_key: tag.id, primary_key: true}
            classes:
              Artist: {table: artist, relationships: {songs: {target: Song, lazy: subquery}}}
              Song: {table: song, relationships: {tags: {target: Tag, secondary: song_tag, lazy: subquery}}}
              Tag: {table: tag}
            rows:
              artist: [{id: 1}]
              song: [{id: 1, artist_id: 1}]
              tag: [{id: 1}]
              song_tag: [{song_id: 1, tag_id: 1}]
            steps:
              - get: Artist(1)
            """;

    @Test
    void aChainOfSubqueryLoadsThroughASecondaryTableIsNotSimulated() throws Exception {
        Trace t = new Simulator().run(ScenarioFiles.parse(CHAIN_THROUGH_SECONDARY, "chain.yaml"), Engine.SQLITE);
        assertNotNull(t.error());
        assertEquals("NotSimulated", t.error().type());
        assertEquals(0, t.error().step());
        assertTrue(t.error().message().startsWith("not simulated: lazy='subquery'"), t.error().message());
        assertTrue(t.error().message().contains("Song.tags"), t.error().message());
    }
}
