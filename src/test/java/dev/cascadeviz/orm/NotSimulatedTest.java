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

    /** A one-to-many on a unique column that is not the parent's key (a chain of subquery loads through a secondary table, the earlier example here, is simulated now). */
    private static final String SELECTIN_ON_A_NON_KEY_COLUMN = """
            tables:
              artist: {columns: {id: {type: integer, primary_key: true}, code: {type: integer, unique: true}}}
              song: {columns: {id: {type: integer, primary_key: true}, artist_code: {type: integer, foreign_key: artist.code}}}
            classes:
              Artist: {table: artist, relationships: {songs: {target: Song, lazy: selectin}}}
              Song: {table: song}
            rows:
              artist: [{id: 1, code: 7}]
              song: [{id: 1, artist_code: 7}]
            steps:
              - get: Artist(1)
            """;

    @Test
    void selectinOnAJoinThatDoesNotUseTheParentsKeyIsNotSimulated() throws Exception {
        Trace t = new Simulator().run(ScenarioFiles.parse(SELECTIN_ON_A_NON_KEY_COLUMN, "selectin.yaml"), Engine.SQLITE);
        assertNotNull(t.error());
        assertEquals("NotSimulated", t.error().type());
        assertEquals(0, t.error().step());
        assertTrue(t.error().message().startsWith("not simulated: lazy='selectin'"), t.error().message());
        assertTrue(t.error().message().contains("Artist.songs"), t.error().message());
    }
}
