package dev.cascadeviz.app.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.AppServices;
import dev.cascadeviz.app.PresentationMode;
import dev.cascadeviz.model.Scenario;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A big run's table card is as high as its rows: the table's rows area (above the horizontal
 * scroll bar its wide note column needs) holds each row, with no empty row's room under the last
 * and no vertical scroll bar, at the usual text size, in presentation (larger rows), at a larger
 * text still, and after presentation.
 */
class BigTableCardHeightTest extends BigTablesWindowTestBase {

    /** Less than this is left under the last row: what whole pixels round off, not a row's room. */
    private static final double SPARE = 3;

    /** A table of one row and one of three, as the benchmark's first levels. */
    private static Scenario oneAndThreeRows() throws Exception {
        return AppServices.files().parse("""
                format: 1
                tables:
                  level0:
                    columns:
                      id: {type: integer, primary_key: true}
                  level1:
                    columns:
                      id: {type: integer, primary_key: true}
                      parent_id: {type: integer, foreign_key: level0.id}
                classes:
                  Level0:
                    table: level0
                  Level1:
                    table: level1
                rows:
                  level0: [{id: 1}]
                  level1: [{id: 1, parent_id: 1}, {id: 2, parent_id: 1}, {id: 3, parent_id: 1}]
                steps: []
                """, "levels.yaml");
    }

    /** Lets a few pulses go by: a table measured after a layout is laid out at its new height in the next. */
    private void afterPulses() throws Exception {
        assertTrue(pulsesGoBy(4));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void assertHoldsItsRows(String table, int rows, String where) {
        TableView<?> view = lookup("#table-" + table).query();
        assertEquals(rows, view.getItems().size(), where + ": rows of " + table);
        VirtualFlow<?> flow = (VirtualFlow<?>) view.lookup(".virtual-flow");
        Region viewport = (Region) flow.lookup(".clipped-container");
        double row = flow.getFirstVisibleCell().getHeight();
        double spare = viewport.getHeight() - rows * row;
        String sizes = where + ": " + table + " is " + view.getHeight() + " px high, its rows area "
                + viewport.getHeight() + " px for " + rows + " rows of " + row + " px";
        assertTrue(spare >= 0, "a row out of view; " + sizes);
        assertTrue(spare < SPARE, "an empty row's room under the last; " + sizes);
        assertFalse(scrollBar(view, Orientation.VERTICAL).isVisible(), "a vertical scroll bar; " + sizes);
    }

    private void assertCardsHoldTheirRows(String where) {
        assertHoldsItsRows("level0", 1, where);
        assertHoldsItsRows("level1", 3, where);
    }

    @Test
    void aOneRowAndAThreeRowCardHoldTheirRowsAndNoMoreInAndOutOfPresentation() throws Exception {
        Scenario levels = oneAndThreeRows();
        interact(() -> model.show(levels, null, "levels.yaml"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.isRunning() && model.getTrace() != null
                && !lookup("#tables-state").<Label>query().getText().contains("working")
                && lookup("#result-tables .row-table").queryAll().size() == 2);
        afterPulses();
        assertCardsHoldTheirRows("at the usual size");

        interact(() -> model.presentationProperty().set(true));
        afterPulses();
        assertCardsHoldTheirRows("in presentation");

        interact(() -> window.presentationMode().fontSizeProperty().set(PresentationMode.MAX_FONT - 8));
        afterPulses();
        assertCardsHoldTheirRows("in presentation at " + (PresentationMode.MAX_FONT - 8) + " px");

        interact(() -> model.presentationProperty().set(false));
        afterPulses();
        assertCardsHoldTheirRows("after presentation");
    }
}
