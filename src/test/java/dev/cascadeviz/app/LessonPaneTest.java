package dev.cascadeviz.app;

import dev.cascadeviz.fixtures.TestScenarios;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.library.LibraryCatalog;
import dev.cascadeviz.app.library.ScenarioLibrary;
import dev.cascadeviz.app.viewmodel.Selection;
import dev.cascadeviz.model.Scenario;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The lesson pane, the inspector and the tables at the window's default size: nothing cut off or wrapped badly. */
class LessonPaneTest extends WindowTestBase {

    /** The text the label draws, which differs from its text when cut off with an ellipsis. */
    static String drawn(Label l) {
        StringBuilder b = new StringBuilder();
        for (Node n : l.lookupAll(".text")) {
            b.append(((Text) n).getText());
        }
        return b.toString().replaceAll("\\s+", " ").trim();
    }

    private void showLessonTab() {
        interact(() -> lookup("#side-tabs").<TabPane>query().getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void sqlExamplesKeepTheirLinesAndColumns() {
        openDefault();
        showLessonTab();
        var codes = lookup(".notes-code-text").queryAll();
        assertFalse(codes.isEmpty(), "the default lesson has SQL examples");
        for (Node n : codes) {
            Text t = (Text) n;
            assertEquals(0, t.getWrappingWidth());
            Text one = new Text("x");
            one.setFont(t.getFont());
            double lineHeight = one.getLayoutBounds().getHeight();
            int lines = t.getText().split("\n", -1).length;
            assertTrue(t.getLayoutBounds().getHeight() < (lines + 0.5) * lineHeight,
                    lines + " lines drawn " + t.getLayoutBounds().getHeight() + " high: wrapped");
        }
    }

    @Test
    void nextLessonOpensTheLibrarysNextLesson() {
        openDefault();
        showLessonTab();
        String first = model.sourceName();
        LibraryCatalog.Lesson next = LibraryCatalog.builtIn(ScenarioLibrary.load()).next(first);
        assertNotNull(next);
        Button b = lookup("#next-lesson").query();
        assertTrue(b.getText().contains(next.title()), b.getText());
        clickOn(b);
        awaitRun();
        assertEquals(next.file(), model.sourceName());
    }

    @Test
    void aSavedScenarioOffersNoNextLesson(@TempDir Path dir) {
        openDefault();
        interact(() -> window.saveTo(dir.resolve("mine.yaml")));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup("#next-lesson").tryQuery().isEmpty());
    }

    @Test
    void theInspectorsCascadeLineAndTheTablesCausesAreWhole() {
        show(TestScenarios.artistSongs("all, delete-orphan, refresh-expire, merge", true));
        interact(() -> model.selectionProperty().set(new Selection.Edge("Artist", "songs")));
        WaitForAsyncUtils.waitForFxEvents();
        Label cascade = lookup("#inspector-cascade-text").query();
        assertEquals(cascade.getText().replaceAll("\\s+", " ").trim(), drawn(cascade));
        for (Node n : lookup("#result-tables .row-note").queryAll()) {
            Label l = (Label) n;
            assertEquals(l.getText().replaceAll("\\s+", " ").trim(), drawn(l), "a cause cut off");
        }
        assertTrue(lookup("#result-tables .row-note").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().startsWith("deleted by the ORM: ")));
    }

    @Test
    void aLessonOpensOnItsTextAndAModelWithoutNotesOnItsSteps() {
        TabPane side = lookup("#side-tabs").query();
        openDefault();
        assertEquals("Lesson", side.getSelectionModel().getSelectedItem().getText());
        Scenario s = model.getScenario();
        show(new Scenario(s.format(), s.sqlalchemy(), s.title(), null, s.database(), s.tables(), s.classes(), s.rows(), s.steps(), s.layout()));
        assertEquals("Steps", side.getSelectionModel().getSelectedItem().getText());
        openDefault();
        assertEquals("Lesson", side.getSelectionModel().getSelectedItem().getText());
    }
}
