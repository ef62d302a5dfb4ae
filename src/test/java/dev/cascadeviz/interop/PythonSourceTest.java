package dev.cascadeviz.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.scenario.ScenarioFiles;
import org.junit.jupiter.api.Test;

/** The inspector's preview is the export's own code: the same lines, every option included. */
class PythonSourceTest {

    private static final String FILE = """
            tables:
              artist:
                columns:
                  id: {type: integer, primary_key: true}
              song:
                columns:
                  id: {type: integer, primary_key: true}
                  artist_id: {type: integer, foreign_key: artist.id, ondelete: CASCADE, nullable: false}
                  title: {type: string}
              tagging:
                columns:
                  song_id: {type: integer, foreign_key: song.id, primary_key: true}
            classes:
              Artist:
                table: artist
                relationships:
                  songs: {target: Song, cascade: "all, delete", passive_deletes: true, viewonly: false, lazy: selectin,
                          passive_updates: false, order_by: song.title, foreign_keys: song.artist_id}
              Song: {table: song}
            """;

    @Test
    void aRelationshipPreviewIsTheModulesLineWithEveryOption() throws Exception {
        Scenario s = ScenarioFiles.parse(FILE, "p.yaml");
        String line = PythonExport.relationshipSource(s, "Artist", "songs");
        for (String option : new String[] {"viewonly=False", "lazy=\"selectin\"", "passive_updates=False",
                "order_by=\"Song.title\"", "foreign_keys=\"Song.artist_id\"", "passive_deletes=True"}) {
            assertTrue(line.contains(option), option + " missing from " + line);
        }
        assertTrue(PythonExport.module(s).contains("    " + line + "\n"), line);
    }

    @Test
    void aForeignKeyPreviewIsTheColumnTheModuleDeclares() throws Exception {
        Scenario s = ScenarioFiles.parse(FILE, "p.yaml");
        var fk = s.table("song").allForeignKeys().get(0);
        String code = PythonExport.foreignKeySource(s, "song", fk);
        assertEquals("artist_id: Mapped[int] = mapped_column(Integer, ForeignKey(\"artist.id\", ondelete=\"CASCADE\"),"
                + " nullable=False)  # on song", code);
        assertTrue(PythonExport.module(s).contains(code.substring(0, code.indexOf("  # on"))));
        var tagging = s.table("tagging").allForeignKeys().get(0);
        assertTrue(PythonExport.foreignKeySource(s, "tagging", tagging).startsWith("Column(\"song_id\", Integer, ForeignKey("),
                PythonExport.foreignKeySource(s, "tagging", tagging));
    }
}
