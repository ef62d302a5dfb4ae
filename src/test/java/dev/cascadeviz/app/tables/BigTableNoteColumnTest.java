package dev.cascadeviz.app.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.AppServices;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.workbench.TableReplay;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A big run's table wider than its columns gives the room left to its last column, the note: no
 * empty header cell and no empty strip at its right (as the benchmark's one-row level0 card
 * showed at 1920×1080). Narrower than its columns, the note keeps its width and the table
 * scrolls sideways.
 */
class BigTableNoteColumnTest extends BigTablesWindowTestBase {

    private static Scenario oneRow() throws Exception {
        return AppServices.files().parse("""
                format: 1
                tables:
                  level0:
                    columns:
                      id: {type: integer, primary_key: true}
                      name: {type: string}
                classes:
                  Level0:
                    table: level0
                rows:
                  level0: [{id: 1, name: root}]
                steps: []
                """, "level0.yaml");
    }

    /** The room the columns have: the table's width inside its insets, less a vertical scroll bar shown. */
    private static double room(TableView<?> table) {
        ScrollBar vertical = scrollBar(table, Orientation.VERTICAL);
        return table.getWidth() - table.snappedLeftInset() - table.snappedRightInset()
                - (vertical.isVisible() ? vertical.getWidth() : 0);
    }

    private static double columnsWidth(TableView<?> table) {
        return table.getColumns().stream().mapToDouble(TableColumn::getWidth).sum();
    }

    private Stage own;

    private void resizeAndSettle(double width) throws Exception {
        interact(() -> own.setWidth(width));
        assertTrue(pulsesGoBy(4));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeItsStage() {
        if (own != null) {
            interact(own::close);
        }
    }

    @Test
    void theNoteColumnTakesTheRoomTheOtherColumnsLeaveAndKeepsItsWidthWhenThereIsLess() throws Exception {
        Scenario s = oneRow();
        RowTable table = WaitForAsyncUtils.asyncFx(() -> {
            RowTable t = new RowTable(model, "level0", List.of("id", "name"));
            t.getItems().setAll(TableReplay.untouched(s, null).get("level0"));
            own = new Stage();
            own.setScene(new Scene(new StackPane(t), 400, 300));
            own.show();
            return t;
        }).get();
        resizeAndSettle(400);
        TableColumn<?, ?> note = table.getColumns().get(2);
        assertTrue(room(table) < columnsWidth(table), "narrow: the columns are wider than the table: " + room(table));
        assertTrue(scrollBar(table, Orientation.HORIZONTAL).isVisible(), "narrow: the table scrolls sideways");
        double natural = note.getWidth();

        resizeAndSettle(1200);
        assertTrue(note.getWidth() > natural + 100, "wide: the note takes the room left: " + note.getWidth());
        assertEquals(room(table), columnsWidth(table), 1.0, "wide: the columns fill the table's width");
        assertTrue(columnsWidth(table) <= room(table), "wide: not a fraction wider than the table");
        assertFalse(scrollBar(table, Orientation.HORIZONTAL).isVisible(), "wide: no sideways scroll bar");

        resizeAndSettle(400);
        assertEquals(natural, note.getWidth(), 0.5, "narrow again: the note is back to its own width");
        assertTrue(scrollBar(table, Orientation.HORIZONTAL).isVisible(), "narrow again: the table scrolls sideways");
    }
}
