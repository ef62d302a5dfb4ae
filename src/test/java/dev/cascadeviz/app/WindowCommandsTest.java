package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.log.SqlLogView;
import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.fixtures.TestScenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** Play/Pause, clicking the log, Help, files and what an empty window offers. */
class WindowCommandsTest extends WindowTestBase {

    @Test
    void anEmptyWindowOffersNoRunOrSaveAndSaysNothingIsOpen() {
        assertTrue(lookup("#run-button").query().isDisabled());
        assertTrue(lookup("#step-play").query().isDisabled());
        assertEquals(WorkspaceModel.NOTHING_OPEN, lookup("#status-origin").<Label>query().getText());
        MenuBar bar = lookup("#menu-bar").query();
        var file = bar.getMenus().get(0).getItems();
        assertTrue(file.stream().filter(i -> "Save".equals(i.getText()) || "Save As…".equals(i.getText())).allMatch(i -> i.isDisable()));
        openDefault();
        assertFalse(lookup("#run-button").query().isDisabled());
        assertEquals(WorkspaceModel.BUILT_IN, lookup("#status-origin").<Label>query().getText());
    }

    @Test
    void anImportSaysItIsNotSavedYetAndSaveAsAddsTheExtension(@TempDir Path dir) throws Exception {
        openDefault();
        interact(() -> model.showImported(TestScenarios.artistSongs("all, delete", true), "Test artists"));
        awaitRun();
        assertEquals(WorkspaceModel.IMPORTED, lookup("#status-origin").<Label>query().getText());
        interact(() -> assertTrue(window.saveTo(dir.resolve("mine"))));
        Path saved = dir.resolve("mine.yaml");
        assertTrue(Files.exists(saved), "saved as mine.yaml");
        assertFalse(Files.exists(dir.resolve("mine")));
        assertEquals(saved, model.fileProperty().get());
        assertEquals(saved.toString(), lookup("#status-origin").<Label>query().getText());
    }

    @Test
    void aNewScenarioSaysItIsNotSavedYetRatherThanBuiltIn() {
        openDefault();
        MenuBar bar = lookup("#menu-bar").query();
        MenuItem newItem = bar.getMenus().get(0).getItems().stream()
                .filter(i -> "menu-new".equals(i.getId())).findFirst().orElseThrow();
        interact(() -> Platform.runLater(newItem::fire)); // File > New shows its dialog and waits
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = (DialogPane) lookup("#new-engine").query().getScene().getRoot();
        interact(() -> ((Button) pane.lookupButton(ButtonType.OK)).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.getScenario().tables().isEmpty(), "an empty canvas");
        assertEquals(WorkspaceModel.NEW, lookup("#status-origin").<Label>query().getText());
        assertEquals(null, model.fileProperty().get());
    }

    @Test
    void playGoesOnFromTheStatementShownShowsPauseAndHasASpeed() {
        openDefault();
        int n = model.getTrace().statements().size();
        assertTrue(n >= 3);
        interact(() -> model.stepTo(2));
        ToggleButton play = lookup("#step-play").query();
        Button speed = lookup("#play-speed").query();
        assertEquals("1×", speed.getText());
        clickOn(speed);
        assertEquals("2×", speed.getText());
        assertEquals(2.0, window.player().speed());
        clickOn(speed).clickOn(speed).clickOn(speed);
        assertEquals("1×", speed.getText(), "4×, then 0.5×, then 1× again");
        clickOn(play);
        assertEquals(3, model.getStep(), "plays on from statement 2, not from the first");
        assertEquals("Pause", play.getText());
        assertTrue(window.player().isPlaying());
        push(KeyCode.F8);
        assertFalse(window.player().isPlaying());
        assertEquals("Play", play.getText());
        int paused = model.getStep();
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        assertEquals(paused, model.getStep(), "paused stays");
        interact(() -> model.stepTo(n));
        clickOn(play);
        assertEquals(1, model.getStep(), "from the last statement, playing starts over");
        push(KeyCode.F8);
    }

    @Test
    void clickingAStatementInTheLogStepsToIt() {
        openDefault();
        SqlLogView log = lookup("#sql-log").query();
        CodeArea area = lookup("#sql-log-area").query();
        WaitForAsyncUtils.waitForFxEvents();
        // the paragraph of the second statement's first line
        String[] lines = area.getText().split("\n", -1);
        int paragraph = -1;
        int seen = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].matches("^(SELECT|DELETE|UPDATE|INSERT).*") && ++seen == 2) {
                paragraph = i;
                break;
            }
        }
        assertTrue(paragraph > 0, area.getText());
        int p = paragraph;
        interact(() -> area.showParagraphAtTop(Math.max(0, p - 1)));
        WaitForAsyncUtils.waitForFxEvents();
        var bounds = area.getVisibleParagraphBoundsOnScreen(area.allParToVisibleParIndex(p).orElseThrow());
        clickOn(bounds.getMinX() + 30, (bounds.getMinY() + bounds.getMaxY()) / 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, model.getStep());
        assertNotNull(lookup("#sql-cause").<Hyperlink>query().getText());
    }

    @Test
    void helpListsTheShortcutsFromTheMenus() {
        MenuBar bar = lookup("#menu-bar").query();
        assertEquals("Help", bar.getMenus().get(bar.getMenus().size() - 1).getText());
        List<String[]> rows = HelpMenu.shortcuts(bar);
        List<String> keys = rows.stream().map(r -> r[0] + " " + r[1]).toList();
        for (String expected : List.of("F5", "F11", "Ctrl+Plus", "Ctrl+O", "F1")) {
            assertTrue(keys.stream().anyMatch(k -> k.contains(expected) || k.contains(expected.replace("Ctrl", "Shortcut"))),
                    expected + " in " + keys);
        }
        push(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(lookup("#shortcut-list").tryQuery().orElse(null));
        push(KeyCode.ESCAPE);
    }

    @Test
    void theLogShowsTheMeasuredExecutionTimeOfEachStatement() {
        openDefault();
        SqlLogView log = lookup("#sql-log").query();
        var statements = model.getTrace().statements();
        assertTrue(statements.stream().allMatch(s -> s.executionNanos() > 0), "the executor timed every statement");
        for (var s : statements) {
            String figure = String.format(Locale.ROOT, "[executed in %.5fs] ", s.executionNanos() / 1e9);
            assertTrue(log.text().contains(figure), figure + " in " + log.text());
        }
        assertFalse(log.text().contains("[generated in"), log.text());
    }
}
