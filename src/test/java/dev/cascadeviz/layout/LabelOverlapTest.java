package dev.cascadeviz.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Point;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.picture.ModelPicture;
import dev.cascadeviz.scenario.ScenarioException;
import dev.cascadeviz.scenario.ScenarioFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12: no label on a node, on another label or on its own edge, in the drawing a scenario
 * opens with (the file's positions) and in the automatic layout (Lay Out), on every library
 * model and on a generated 30-class model.
 */
class LabelOverlapTest {

    static Stream<Path> library() throws IOException {
        return Files.list(Path.of("assets", "scenarios"))
                .filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().equals("library.yaml"))
                .sorted();
    }

    @ParameterizedTest
    @MethodSource("library")
    void libraryModelsAsSaved(Path file) throws ScenarioException {
        Scenario s = ScenarioFiles.load(file);
        ModelPicture p = ModelPicture.of(s);
        assertClear(p.layout(), p.diagram());
    }

    @ParameterizedTest
    @MethodSource("library")
    void libraryModelsLaidOut(Path file) throws ScenarioException {
        Scenario s = ScenarioFiles.load(file).withLayout(Map.of());
        ModelPicture p = ModelPicture.of(s);
        assertClear(p.layout(), p.diagram());
        assertNodesApart(p.layout());
    }

    @Test
    void thirtyClassModel() {
        Scenario s = GeneratedModels.model(30, 12);
        assertEquals(30, s.classes().size());
        ModelPicture p = ModelPicture.of(s);
        // every relationship has its label: 2 per foreign key, 2 per many-to-many, the self-reference's 2
        long labels = p.diagram().links().stream().filter(Diagram.Link::hasLabel).count();
        assertTrue(labels > 40, "labels: " + labels);
        assertEquals(labels, p.layout().labels().size());
        assertClear(p.layout(), p.diagram());
        assertNodesApart(p.layout());
    }

    @Test
    void thirtyClassModelWithCrowdedHandPlacedNodes() {
        // the file puts the classes on a tight grid: routes and labels must find room around them
        Scenario s = GeneratedModels.model(30, 7);
        Map<String, Point> grid = new LinkedHashMap<>();
        int i = 0;
        for (String c : s.classes().keySet()) {
            grid.put(c, new Point((i % 6) * 200, (i / 6) * 150));
            i++;
        }
        ModelPicture p = ModelPicture.of(s.withLayout(grid));
        assertClear(p.layout(), p.diagram());
    }

    @Test
    void theCheckSeesAnOverlap() {
        // the checker itself: a label on a node, on another label, across its own edge
        DiagramLayout bad = new DiagramLayout(
                Map.of("A", new Rect(0, 0, 100, 50)),
                Map.of("e", List.of(new Pt(0, 100), new Pt(300, 100))),
                Map.of("e", new Rect(50, 90, 60, 20), "f", new Rect(90, 40, 40, 60)));
        List<String> problems = Overlaps.of(bad);
        assertEquals(3, problems.size(), problems.toString());
    }

    private static void assertClear(DiagramLayout layout, Diagram diagram) {
        List<String> problems = Overlaps.of(layout);
        assertTrue(problems.isEmpty(), problems.toString());
        for (Diagram.Link l : diagram.links()) {
            assertTrue(layout.routes().containsKey(l.id()), "no route for " + l.id());
            assertFalse(layout.routes().get(l.id()).size() < 2, "empty route for " + l.id());
            if (l.hasLabel()) {
                assertTrue(layout.labels().containsKey(l.id()), "no label for " + l.id());
            }
        }
    }

    private static void assertNodesApart(DiagramLayout layout) {
        List<Map.Entry<String, Rect>> nodes = List.copyOf(layout.nodes().entrySet());
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                assertFalse(nodes.get(i).getValue().overlaps(nodes.get(j).getValue()),
                        nodes.get(i).getKey() + " on " + nodes.get(j).getKey());
            }
        }
    }
}
