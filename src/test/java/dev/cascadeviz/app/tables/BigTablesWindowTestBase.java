package dev.cascadeviz.app.tables;

import dev.cascadeviz.app.MainWindow;
import dev.cascadeviz.app.WindowTestBase;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A main window in which every run counts as big (its tables are virtualized tables fed from a
 * worker), left out of presentation, in the usual theme, whatever a test did.
 */
abstract class BigTablesWindowTestBase extends WindowTestBase {

    private int bigAboveBefore;

    @BeforeEach
    void everyRunIsBig() {
        bigAboveBefore = ResultTablesView.bigAbove;
        ResultTablesView.bigAbove = 0;
    }

    @AfterEach
    void restoreTheSizeAndTheme() {
        ResultTablesView.bigAbove = bigAboveBefore;
        interact(() -> model.presentationProperty().set(false));
        interact(() -> MainWindow.applyTheme(false));
    }

    /** The table's rows' scroll bar of this orientation (its flow has one of each, shown or not). */
    static ScrollBar scrollBar(TableView<?> table, Orientation orientation) {
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        for (Node n : flow.getChildrenUnmodifiable()) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == orientation) {
                return bar;
            }
        }
        throw new AssertionError("no " + orientation + " scroll bar in the table's flow");
    }
}
