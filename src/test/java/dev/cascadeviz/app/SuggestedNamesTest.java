package dev.cascadeviz.app;

import dev.cascadeviz.fixtures.TestScenarios;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cascadeviz.model.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuggestedNamesTest {

    private static Scenario titled(String title) {
        return TestScenarios.artistSongs("all, delete", true).withTitle(title);
    }

    @Test
    void aBareNameGetsTheScenarioExtensionAndOthersAreKept() {
        assertEquals(Path.of("/d/mine.yaml"), SuggestedNames.withScenarioExtension(Path.of("/d/mine")));
        assertEquals(Path.of("/d/mine.yaml"), SuggestedNames.withScenarioExtension(Path.of("/d/mine.")));
        assertEquals(Path.of("/d/mine.yml"), SuggestedNames.withScenarioExtension(Path.of("/d/mine.yml")));
        assertEquals(Path.of("/d/mine.json"), SuggestedNames.withScenarioExtension(Path.of("/d/mine.json")));
        assertEquals(Path.of("/d/.hidden.yaml"), SuggestedNames.withScenarioExtension(Path.of("/d/.hidden")));
    }

    @Test
    void theSuggestedScenarioNameComesFromTheFileTheBuiltInNameOrTheTitle() throws Exception {
        Scenario s = titled("Artists and songs 1/4: the ORM's delete cascade");
        assertEquals("mine.yaml", SuggestedNames.scenarioFileName(s, Path.of("/x/mine.yaml"), "other.yaml"));
        assertEquals("artists-songs.yaml", SuggestedNames.scenarioFileName(s, null, "artists-songs.yaml"));
        assertEquals("artists-and-songs-1-4-the-orm-s-delete-cascade.yaml",
                SuggestedNames.scenarioFileName(s, null, "Imported from models.py"));
        assertEquals("scenario.yaml", SuggestedNames.scenarioFileName(titled("…"), null, ""));
    }

    @Test
    void exportsAreNamedForTheScenarioAndWhatTheyHold() throws Exception {
        Scenario s = titled("Blog");
        assertEquals("artists_songs_models.py", SuggestedNames.exportFileName(s, null, "artists-songs.yaml", "models", ".py"));
        assertEquals("mine_sqlite.sql", SuggestedNames.exportFileName(s, Path.of("/x/mine.yaml"), "", "sqlite", ".sql"));
        assertEquals("blog_models.py", SuggestedNames.exportFileName(s, null, "", "models", ".py"));
    }

    @Test
    void theFolderIsTheScenariosOwnElseDocumentsElseHomeNeverTheWorkingDirectory(@TempDir Path home) throws Exception {
        Path project = Files.createDirectories(home.resolve("project"));
        assertEquals(project, SuggestedNames.folder(project.resolve("mine.yaml"), home));
        assertEquals(home, SuggestedNames.folder(null, home));
        Path documents = Files.createDirectories(home.resolve("Documents"));
        assertEquals(documents, SuggestedNames.folder(null, home));
        assertEquals(documents, SuggestedNames.folder(home.resolve("gone/mine.yaml"), home), "a folder that is gone");
    }
}
