package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.graph.GraphView;
import dev.cascadeviz.app.viewmodel.Selection;
import dev.cascadeviz.layout.GeneratedModels;
import dev.cascadeviz.layout.Overlaps;
import dev.cascadeviz.layout.Rect;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Point;
import dev.cascadeviz.model.Release;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.workbench.Edits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Tooltip;
import javafx.scene.effect.DropShadow;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 12 in the window: the drawn labels are clear, Lay Out is one undoable edit, fit stays readable, File > New. */
class GraphLayoutWindowTest extends WindowTestBase {

    @Test
    void theOpenedGraphsLabelsCoverNothing() {
        openDefault();
        assertNotNull(window.graph().shownLayout());
        assertEquals(List.of(), Overlaps.of(window.graph().shownLayout()));
        // and the JavaFX label really is where the layout put it
        Rect box = window.graph().shownLayout().labels().get("Song.artist");
        assertNotNull(box);
        assertEquals(box.x(), window.graph().edgeView("Song", "artist").label().getLayoutX(), 0.5);
    }

    @Test
    void anEdgesLabelShowsItsTooltipWhenThePointerRestsOnIt() throws Exception {
        openDefault();
        var edge = window.graph().edgeView("Song", "artist");
        moveTo(edge.label());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shownTooltip() != null);
        assertEquals(edge.tooltipText(), shownTooltip());
        assertTrue(shownTooltip().startsWith("Song.artist → "), shownTooltip());
    }

    /** The text of the tooltip on screen, or null. */
    private static String shownTooltip() {
        return Window.getWindows().stream().filter(w -> w instanceof Tooltip && w.isShowing())
                .map(w -> ((Tooltip) w).getText()).findFirst().orElse(null);
    }

    @Test
    void layOutIsOneUndoableEditOfTheLayout() {
        openDefault();
        Map<String, Point> before = model.getScenario().layout();
        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        awaitGraph();
        Map<String, Point> after = model.getScenario().layout();
        assertNotEquals(before, after);
        assertEquals("Lay out the graph", model.jobs().undoDescriptionProperty().get());
        assertEquals(List.of(), Overlaps.of(window.graph().shownLayout()));
        interact(model::undo);
        assertEquals(before, model.getScenario().layout());
    }

    @Test
    void fitNeverShrinksALargeModelBelowReadable() {
        Scenario big = GeneratedModels.model(30, 3);
        show(big);
        interact(() -> window.graph().fit());
        awaitGraph();
        assertTrue(window.graph().zoom() >= GraphView.READABLE_SCALE - 1e-9, "zoom " + window.graph().zoom());
        assertEquals(List.of(), Overlaps.of(window.graph().shownLayout()));
        // a small one is fitted whole, larger than readable
        openDefault();
        interact(() -> window.graph().fit());
        assertTrue(window.graph().zoom() > GraphView.READABLE_SCALE);
    }

    @Test
    void inPresentationFitKeepsTheCardsTextAtTheRoomsReadingSize() {
        Scenario big = GeneratedModels.model(30, 3);
        show(big);
        interact(() -> model.presentationProperty().set(true));
        try {
            interact(() -> window.presentationMode().fontSizeProperty().set(28));
            interact(() -> window.graph().fit());
            awaitGraph();
            double cardText = GraphView.CARD_TEXT_PX * window.graph().zoom();
            assertTrue(cardText >= 0.8 * 28 - 1e-6, "the cards' text at " + cardText + " px for a room reading 28 px");
            interact(() -> model.presentationProperty().set(false));
            interact(() -> window.graph().fit());
            assertEquals(GraphView.READABLE_SCALE, window.graph().zoom(), 1e-9, "out of presentation, the window's own floor");
        } finally {
            interact(() -> model.presentationProperty().set(false));
            interact(() -> MainWindow.applyTheme(false));
        }
    }

    /**
     * Every built-in lesson on a 1280×720 screen: every card is in view at a readable zoom (the
     * labels' default cascade takes a line of its own, so the lessons' saved positions can be
     * close enough; an error banner takes its room from the log and tables).
     */
    @Test
    void everyBuiltInLessonFitsWholeAtReadableZoomOn1280By720() throws Exception {
        interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        assertEquals(List.of(), cardsOutOfViewOverTheLessons());
    }

    /** In presentation the cards' text is larger (the room's reading size), and still every card of a lesson is in view. */
    @Test
    void everyBuiltInLessonFitsWholeInPresentationOn1280By720() throws Exception {
        interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        interact(() -> model.presentationProperty().set(true));
        try {
            interact(() -> {
                stage.setFullScreen(false);
                stage.setWidth(1280);
                stage.setHeight(720);
                window.presentationMode().fontSizeProperty().set(PresentationMode.defaultFontSize(new Rectangle2D(0, 0, 1280, 720)));
            });
            assertTrue(window.graph().smallestFit() > GraphView.READABLE_SCALE, "presentation's floor: " + window.graph().smallestFit());
            assertEquals(List.of(), cardsOutOfViewOverTheLessons());
        } finally {
            interact(() -> model.presentationProperty().set(false));
            interact(() -> MainWindow.applyTheme(false));
        }
    }

    /** Opens each built-in lesson, fits the graph, and names each card not wholly in view. */
    private List<String> cardsOutOfViewOverTheLessons() throws Exception {
        List<String> cut = new ArrayList<>();
        List<Path> lessons;
        try (var files = Files.list(Path.of("assets/scenarios"))) {
            lessons = files.filter(f -> f.getFileName().toString().matches("\\d\\d-.*\\.yaml")).sorted().toList();
        }
        assertTrue(lessons.size() >= 30, "lessons: " + lessons.size());
        for (Path lesson : lessons) {
            show(ScenarioFiles.load(lesson));
            interact(() -> window.graph().fit());
            awaitGraph();
            GraphView g = window.graph();
            assertTrue(g.zoom() >= g.smallestFit() - 1e-9, lesson + ": zoom " + g.zoom());
            Bounds view = g.localToScene(g.getLayoutBounds());
            for (String cls : model.getScenario().classes().keySet()) {
                Bounds card = g.classNode(cls).localToScene(g.classNode(cls).getLayoutBounds());
                if (!view.contains(card)) {
                    cut.add(lesson.getFileName() + ": " + cls + " " + card + " outside the graph " + view);
                }
            }
        }
        return cut;
    }

    @Test
    void newGivesAnEmptyCanvasOnTheEngineAndReleaseChosen() {
        openDefault();
        press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        ChoiceBox<Engine> engine = lookup("#new-engine").queryAs(ChoiceBox.class);
        ChoiceBox<Release> release = lookup("#new-release").queryAs(ChoiceBox.class);
        interact(() -> {
            engine.setValue(Engine.SQLITE);
            release.setValue(Release.V2_0);
        });
        clickOn("OK");
        awaitRun();
        Scenario s = model.getScenario();
        assertTrue(s.classes().isEmpty() && s.tables().isEmpty() && s.steps().isEmpty());
        assertEquals(Engine.SQLITE, s.database().engine());
        assertEquals(Release.V2_0, s.release());
        assertTrue(model.getTrace().error() == null, String.valueOf(model.getTrace().error()));
    }

    @Test
    void aLaidOutGraphKeepsItsRoutesWhateverIsSelected() {
        openDefault();
        interact(() -> model.selectionProperty().set(new Selection.ClassNode("Artist")));
        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        awaitGraph();
        var laidOut = window.graph().shownLayout().routes();
        // another selection and an edit that changes no card or label: the graph is rebuilt, ELK's routes stay
        interact(() -> model.selectionProperty().set(new Selection.ClassNode("Song")));
        interact(() -> model.edit("No steps", Edits.steps(List.of())));
        awaitGraph();
        // a card's visual bounds changing after the graph was arranged (its shadow, children settling over
        // the next pulses, late under load) is no reason to route again: it once replaced ELK's routes
        interact(() -> lookup("#node-Song").query().setEffect(new DropShadow(30, Color.RED)));
        awaitGraph();
        // ELK's routes again (a card's selection border may move a port by a fraction of a pixel);
        // the fixed-position router would draw 2- or 3-point diagonals instead
        var now = window.graph().shownLayout().routes();
        assertEquals(laidOut.keySet(), now.keySet());
        for (String link : laidOut.keySet()) {
            assertEquals(laidOut.get(link).size(), now.get(link).size(), link);
            for (int i = 0; i < now.get(link).size(); i++) {
                assertTrue(laidOut.get(link).get(i).distance(now.get(link).get(i)) < 2, link + " " + now.get(link));
            }
        }
    }
}
