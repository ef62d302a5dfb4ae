package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The library driven from the keyboard alone. */
class LibraryKeyboardTest extends WindowTestBase {

    private TreeView<?> tree() {
        return lookup("#library-tree").queryAs(TreeView.class);
    }

    private void openBrowserAndSearch(String text) {
        interact(() -> window.showLibraryBrowser());
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#library-search").write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void enterInTheSearchFieldOpensTheFirstMatch() {
        openBrowserAndSearch("passport");
        Node first = lookup(".library-lesson").query();
        String title = from(first).lookup(".library-title").<Label>query().getText();
        push(KeyCode.ENTER);
        awaitRun();
        assertEquals(title, model.getScenario().title());
        assertTrue(lookup("#library-browser").tryQuery().isEmpty(), "the browser closed");
    }

    @Test
    void downAndTabGoFromTheSearchFieldToTheLessonsThenEnterOpens() {
        openBrowserAndSearch("orphan");
        push(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(tree().isFocused(), "Down moves to the lessons");
        assertEquals(1, tree().getSelectionModel().getSelectedItems().size());
        push(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        Object second = tree().getSelectionModel().getSelectedItem().getValue();
        clickOn("#library-search");
        push(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(tree().isFocused(), "Tab goes to the lessons, not to Close");
        assertEquals(second, tree().getSelectionModel().getSelectedItem().getValue(), "Tab keeps the lesson picked");
        push(KeyCode.ENTER);
        awaitRun();
        assertTrue(second.toString().contains(model.getScenario().title()) || second.toString().contains(model.sourceName()),
                second + " opened as " + model.sourceName());
    }

    @Test
    void theSelectedLessonStandsOut() {
        openBrowserAndSearch("orphan");
        push(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        Node cell = lookup(".library-lesson").queryAll().stream()
                .filter(n -> n.getPseudoClassStates().contains(PseudoClass.getPseudoClass("selected")))
                .findFirst().orElseThrow();
        var bg = ((Region) cell).getBackground().getFills().get(0).getFill();
        var plain = lookup(".library-lesson").queryAll().stream()
                .filter(n -> !n.getPseudoClassStates().contains(PseudoClass.getPseudoClass("selected")))
                .findFirst().orElseThrow();
        var plainFills = ((Region) plain).getBackground();
        Color c = (Color) bg;
        Color p = plainFills == null || plainFills.getFills().isEmpty()
                ? Color.WHITE : (Color) plainFills.getFills().get(0).getFill();
        double contrast = Math.abs(c.getBrightness() - p.getBrightness()) + Math.abs(c.getSaturation() - p.getSaturation());
        assertTrue(contrast > 0.4, "selected " + c + " against " + p);
    }
}
