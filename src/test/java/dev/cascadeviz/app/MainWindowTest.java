package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.library.ScenarioLibrary;
import dev.cascadeviz.model.CascadeOption;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Point;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.workbench.Edits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import javafx.scene.control.ChoiceBox;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

class MainWindowTest extends WindowTestBase {

    @Test
    void opensTheLibrarysDefaultScenarioAsAGraph() {
        assertNotNull(ScenarioLibrary.load().defaultScenario());
        openDefault();
        Scenario s = model.getScenario();
        assertNotNull(s);
        assertEquals("CascadeViz — " + s.title(), stage.getTitle());
        for (String cls : s.classes().keySet()) {
            assertNotNull(window.graph().classNode(cls), cls);
        }
    }

    @Test
    void savingAndReopeningKeepsAnEdit(@TempDir Path dir) {
        openDefault();
        interact(() -> model.edit("Set cascade of Artist.songs to 'save-update'",
                Edits.cascade("Artist", "songs", EnumSet.of(CascadeOption.SAVE_UPDATE))));
        assertTrue(stage.getTitle().endsWith(" •"), stage.getTitle());
        Path file = dir.resolve("mine.yaml");
        interact(() -> assertTrue(window.saveTo(file)));
        assertFalse(stage.getTitle().endsWith(" •"), stage.getTitle());
        assertTrue(Files.exists(file));
        interact(() -> assertNull(model.open(file)));
        awaitRun();
        assertEquals(EnumSet.of(CascadeOption.SAVE_UPDATE), model.getScenario().mappedClass("Artist").relationship("songs").cascadeOptions());
        assertEquals(file, model.fileProperty().get());
    }

    @Test
    void openingABrokenFileKeepsTheScenarioAndSaysWhere(@TempDir Path dir) throws Exception {
        openDefault();
        Scenario before = model.getScenario();
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "title: x\ntables:\n  t:\n    columns:\n      id: {type: integr}\n");
        String[] problem = new String[1];
        interact(() -> problem[0] = model.open(bad));
        assertNotNull(problem[0]);
        assertTrue(problem[0].contains("bad.yaml") && problem[0].contains("5"), problem[0]);
        assertEquals(before, model.getScenario());
    }

    @Test
    void draggingANodeIsAnUndoableLayoutChange() {
        openDefault();
        Scenario before = model.getScenario();
        drag(window.graph().classNode("Artist")).dropBy(60, 90);
        WaitForAsyncUtils.waitForFxEvents();
        Point moved = model.getScenario().layout().get("Artist");
        assertNotNull(moved);
        assertFalse(moved.equals(before.layout().get("Artist")), "layout " + moved);
        assertTrue(model.isDirty());
        interact(model::undo);
        assertEquals(before, model.getScenario());
    }

    @Test
    void choosingTheEngineIsUndoable() {
        openDefault();
        Engine before = model.getScenario().database().engine();
        Engine other = before == Engine.H2 ? Engine.SQLITE : Engine.H2;
        interact(() -> lookup("#engine-choice").<ChoiceBox<Engine>>query().setValue(other));
        assertEquals(other, model.getScenario().database().engine());
        awaitRun();
        interact(model::undo);
        assertEquals(before, model.getScenario().database().engine());
    }

    @Test
    void presentationModeSwitchesToLargeFontsAndBack() {
        openDefault();
        push(KeyCode.F11);
        assertTrue(stage.getScene().getRoot().getStyleClass().contains("presentation"));
        push(KeyCode.F11);
        assertFalse(stage.getScene().getRoot().getStyleClass().contains("presentation"));
        interact(() -> MainWindow.applyTheme(false));
    }
}
