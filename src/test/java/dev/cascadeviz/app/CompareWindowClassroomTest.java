package dev.cascadeviz.app;

import dev.cascadeviz.fixtures.TestScenarios;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.workbench.CompareRun;
import dev.cascadeviz.app.compare.CompareWindow;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The compare window read in a classroom: numbering, whole figures, Esc, presentation. */
class CompareWindowClassroomTest extends WindowTestBase {

    private CompareWindow compare;

    @AfterEach
    void closeCompare() {
        interact(() -> {
            if (compare != null) {
                compare.stage().close();
            }
            model.presentationProperty().set(false);
            MainWindow.applyTheme(false);
        });
    }

    /** Left: deleting an artist nulls a NOT NULL foreign key (IntegrityError at the commit, step 2); right: a delete cascade. */
    private CompareWindow open() throws Exception {
        interact(() -> {
            compare = new CompareWindow(stage, AppServices.runner());
            compare.show("failing against cascading",
                    new CompareRun("save-update only", TestScenarios.artistSongs("save-update", false)),
                    new CompareRun("all, delete", TestScenarios.artistSongs("all, delete", false)));
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> compare.model().getResult() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return compare;
    }

    private Label metric(String side, String name) {
        return from(compare.stage().getScene().getRoot()).lookup("#metric-" + side + "-" + name).query();
    }

    /** The text the label draws: its own text unless it was cut off with an ellipsis. */
    private static String drawn(Label l) {
        StringBuilder b = new StringBuilder();
        for (Node n : l.lookupAll(".text")) {
            b.append(((Text) n).getText());
        }
        return b.toString();
    }

    @Test
    void stepsAreNumberedFromOneAndFiguresAreShownWhole() throws Exception {
        open();
        Label outcome = metric("left", "outcome");
        assertEquals("IntegrityError at step 2", outcome.getText(), "the commit (step 2 of delete, commit) flushes; numbered as the banner numbers it");
        assertEquals(outcome.getText(), drawn(outcome).replace("\n", " ").replaceAll(" +", " ").trim());
        for (String side : new String[] {"left", "right"}) {
            for (Node n : from(compare.stage().getScene().getRoot()).lookup(".compare-metric-value").queryAll()) {
                Label l = (Label) n;
                assertFalse(drawn(l).contains("…"), "cut off: " + l.getText() + " drawn as " + drawn(l));
            }
        }
    }

    @Test
    void rowsThatDifferIsOneFigureForBothSides() throws Exception {
        open();
        String left = metric("left", "rows-that-differ").getText();
        String right = metric("right", "rows-that-differ").getText();
        assertEquals(left, right);
        assertEquals(String.valueOf(compare.model().getResult().differingRows()), left);
        assertTrue(Integer.parseInt(left) > 0);
    }

    @Test
    void escClosesItEvenFromTheSqlList() throws Exception {
        open();
        Node list = from(compare.stage().getScene().getRoot()).lookup("#compare-sql-right").query();
        clickOn(list);
        push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(compare.stage().isShowing());
    }

    @Test
    void inPresentationItHasTheMainWindowsTextSize() throws Exception {
        interact(() -> model.presentationProperty().set(true));
        open();
        var root = compare.stage().getScene().getRoot();
        assertTrue(root.getStyleClass().contains("presentation"));
        int size = window.presentationMode().fontSizeProperty().get();
        Label outcome = metric("left", "outcome");
        assertEquals(size, outcome.getFont().getSize(), 0.5);
    }
}
