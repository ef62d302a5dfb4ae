package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.tables.ResultTablesView;
import dev.cascadeviz.scenario.ScenarioFiles;
import java.nio.file.Path;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

/** The result tables after a run of the save path, as the window draws them with the real simulator. */
class SavePathTablesTest extends WindowTestBase {

    /** The label in grid row {@code row} (1 = first data row) and column {@code column} (1 = first column, past the columns = the note). */
    @Test
    void theTablesMarkTheInsertedRowAndTheUpdatedCell() throws Exception {
        show(ScenarioFiles.load(Path.of(getClass().getResource("/dev/cascadeviz/workbench/save_marks.yaml").toURI())));
        // orders: id, note; rows 1 and 2 were there before, row 3 the run inserted
        Label insertedId = cell("orders", 3, 1);
        assertEquals("3", insertedId.getText());
        assertTrue(insertedId.getPseudoClassStates().contains(ResultTablesView.INSERTED));
        assertTrue(cell("orders", 3, 2).getPseudoClassStates().contains(ResultTablesView.INSERTED));
        assertTrue(cell("orders", 3, 3).getText().startsWith("inserted by the ORM: "), cell("orders", 3, 3).getText());
        Label updated = cell("orders", 1, 2);
        assertEquals("a → changed", updated.getText());
        assertTrue(updated.getPseudoClassStates().contains(ResultTablesView.CHANGED));
        assertTrue(updated.getPseudoClassStates().contains(ResultTablesView.BY_ORM));
        assertFalse(cell("orders", 1, 1).getPseudoClassStates().contains(ResultTablesView.CHANGED));
        assertFalse(cell("orders", 1, 1).getPseudoClassStates().contains(ResultTablesView.INSERTED));
        assertFalse(cell("orders", 2, 2).getPseudoClassStates().contains(ResultTablesView.CHANGED));
    }
}
