package dev.cascadeviz.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascadeviz.model.Point;
import dev.cascadeviz.model.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The built-in scenario library: its index and the lessons it lists. */
class ScenarioLibraryTest {

    private static final Path LIBRARY = Path.of("assets", "scenarios");
    private static final Path INDEX = LIBRARY.resolve("library.yaml");
    /** Class boxes in the graph are about this wide and tall; two must not overlap. */
    private static final int NODE_WIDTH = 220;
    private static final int NODE_HEIGHT = 120;

    private static JsonNode index() throws IOException {
        return new ObjectMapper().valueToTree(new Load(LoadSettings.builder().build()).loadFromString(Files.readString(INDEX)));
    }

    private static List<String> indexedFiles() throws IOException {
        List<String> files = new ArrayList<>();
        for (JsonNode theme : index().get("themes")) {
            theme.get("scenarios").forEach(f -> files.add(f.asText()));
        }
        return files;
    }

    private static List<String> scenarioFilesOnDisk() throws IOException {
        try (Stream<Path> list = Files.list(LIBRARY)) {
            return list.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.equals("library.yaml"))
                    .sorted().toList();
        }
    }

    @Test
    void indexListsEveryScenarioFileOfTheLibraryExactlyOnce() throws IOException {
        List<String> indexed = indexedFiles();
        assertEquals(indexed.size(), new TreeSet<>(indexed).size(), "a file listed twice: " + indexed);
        assertEquals(scenarioFilesOnDisk(), new ArrayList<>(new TreeSet<>(indexed)));
    }

    @Test
    void defaultScenarioIsTheFirstOfTheFirstTheme() throws IOException {
        assertEquals(indexedFiles().get(0), index().get("default").asText());
    }

    @Test
    void everyThemeHasANameAndAtLeastTwoScenarios() throws IOException {
        for (JsonNode theme : index().get("themes")) {
            assertFalse(theme.get("name").asText().isBlank());
            assertTrue(theme.get("scenarios").size() >= 2, theme.get("name").asText());
        }
    }

    @Test
    void scenariosOfOneThemeShareTheirNumericPrefix() throws IOException {
        for (JsonNode theme : index().get("themes")) {
            TreeSet<Character> tens = new TreeSet<>();
            theme.get("scenarios").forEach(f -> tens.add(f.asText().charAt(0)));
            assertEquals(1, tens.size(), theme.get("name").asText() + ": " + tens);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyLessonHasATitleNotesStepsAndAPlaceForEachClass() throws IOException {
        return scenarioFilesOnDisk().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Scenario s = ScenarioFiles.load(LIBRARY.resolve(name));
            assertFalse(s.title() == null || s.title().isBlank(), "title");
            assertTrue(s.notes() != null && s.notes().contains("```sql"), "notes show the SQL to expect");
            assertFalse(s.steps().isEmpty(), "steps");
            assertEquals(s.classes().keySet(), s.layout().keySet(), "layout places every class");
            assertNoTwoClassesOverlap(s.layout());
        }));
    }

    private static void assertNoTwoClassesOverlap(Map<String, Point> layout) {
        List<Map.Entry<String, Point>> nodes = new ArrayList<>(layout.entrySet());
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                Point a = nodes.get(i).getValue();
                Point b = nodes.get(j).getValue();
                boolean apart = Math.abs(a.x() - b.x()) >= NODE_WIDTH || Math.abs(a.y() - b.y()) >= NODE_HEIGHT;
                assertTrue(apart, nodes.get(i).getKey() + " overlaps " + nodes.get(j).getKey());
            }
        }
    }
}
