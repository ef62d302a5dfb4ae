package dev.cascadeviz.app.tables;

import dev.cascadeviz.app.MainWindow;
import dev.cascadeviz.app.WindowTestBase;
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
}
