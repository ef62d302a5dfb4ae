package dev.cascadeviz.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.viewmodel.TablesModel.Mode;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.orm.Simulator;
import dev.cascadeviz.scenario.ScenarioFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The tables pane's view model without a window: its two modes and the starting-row edits, each one undoable job checked as the loader checks. */
class TablesModelTest {

    private WorkspaceModel model;
    private TablesModel tables;
    private Scenario original;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // the run's result arrives on the JavaFX thread
    }

    @BeforeEach
    void open() throws Exception {
        original = ScenarioFiles.load(Path.of(getClass().getResource("/dev/cascadeviz/workbench/save_marks.yaml").toURI()));
        ScenarioIO io = new ScenarioIO() {
            @Override
            public Scenario load(Path file) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Scenario parse(String text, String fileName) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void save(Scenario scenario, Path file) {
                throw new UnsupportedOperationException();
            }
        };
        WaitForAsyncUtils.asyncFx(() -> {
            model = new WorkspaceModel(io, (s, e) -> new Simulator().run(s, Engine.SQLITE));
            tables = new TablesModel(model);
            model.show(original, null, "save_marks.yaml");
        }).get();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.getTrace() != null && !model.isRunning());
    }

    private void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get();
    }

    private List<Map<String, Object>> orders() {
        return model.getScenario().rowsOf("orders");
    }

    @Test
    void stepsBeforeTheFirstStatementShowTheStartingRowsAndAStatementTheResult() throws Exception {
        assertEquals(Mode.RESULT, tables.getMode());
        fx(() -> model.stepTo(0));
        assertEquals(Mode.STARTING_ROWS, tables.getMode());
        fx(() -> model.stepTo(1));
        assertEquals(Mode.RESULT, tables.getMode());
        fx(tables::showStartingRows);
        assertEquals(Mode.STARTING_ROWS, tables.getMode());
        assertEquals(0, model.getStep(), "the rest of the window shows the state before the first statement");
        fx(tables::showResult);
        assertEquals(Mode.RESULT, tables.getMode());
        assertEquals(-1, model.getStep());
        fx(() -> model.stepTo(0));
        fx(model::showOutcome);
        assertEquals(Mode.RESULT, tables.getMode(), "the outcome shown after stepping back to the start is a result");
        assertTrue(TablesModel.hint(Mode.STARTING_ROWS).contains("starting rows"));
        assertTrue(TablesModel.hint(Mode.RESULT).contains("session steps"));
    }

    @Test
    void anEditOfTheStartingRowsStaysInThatModeWhileTheRunRestarts() throws Exception {
        fx(tables::showStartingRows);
        fx(() -> assertTrue(tables.setStartingValue("orders", 0, "note", "edited")));
        assertEquals(Mode.STARTING_ROWS, tables.getMode());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.getTrace() != null && !model.isRunning());
        assertEquals(Mode.STARTING_ROWS, tables.getMode());
    }

    @Test
    void aCellValueIsOneUndoableEditOfTheStartingRows() throws Exception {
        fx(() -> assertTrue(tables.setStartingValue("orders", 1, "note", "rush")));
        assertEquals("rush", orders().get(1).get("note"));
        assertEquals(original.steps(), model.getScenario().steps(), "no step was added");
        assertEquals("Set starting row 2 of orders: note = rush", model.jobs().undoDescriptionProperty().get());
        assertNull(tables.refusalProperty().get());
        fx(model::undo);
        assertEquals(original.rows(), model.getScenario().rows());
    }

    @Test
    void anEmptyCellIsNullAndAnIntegerIsReadAsOne() throws Exception {
        fx(() -> assertTrue(tables.setStartingValue("order_items", 0, "order_id", "2")));
        assertEquals(2L, model.getScenario().rowsOf("order_items").get(0).get("order_id"));
        fx(() -> assertTrue(tables.setStartingValue("orders", 0, "note", "")));
        assertNull(orders().get(0).get("note"));
    }

    @Test
    void aValueTheLoaderRefusesSaysWhyAndChangesNothing() throws Exception {
        fx(() -> assertFalse(tables.setStartingValue("orders", 0, "id", "seven")));
        String why = tables.refusalProperty().get();
        assertNotNull(why);
        assertTrue(why.contains("integer"), why);
        assertEquals(original, model.getScenario());
        assertFalse(model.jobs().canUndoProperty().get());
        // a primary key is NOT NULL in the file as in the database
        fx(() -> assertFalse(tables.setStartingValue("orders", 0, "id", "")));
        assertEquals(original, model.getScenario());
        // an accepted edit clears the refusal
        fx(() -> assertTrue(tables.setStartingValue("orders", 0, "note", "ok")));
        assertNull(tables.refusalProperty().get());
    }

    @Test
    void rowsAreAddedAndDeletedAsOneUndoableEditEach() throws Exception {
        fx(() -> assertTrue(tables.addStartingRow("orders")));
        assertEquals(3, orders().size());
        assertEquals(3L, orders().get(2).get("id"), "the next key");
        assertEquals("Add a starting row to orders", model.jobs().undoDescriptionProperty().get());
        fx(() -> assertTrue(tables.deleteStartingRow("orders", 1)));
        assertEquals(List.of(1L, 3L), orders().stream().map(r -> r.get("id")).toList());
        assertEquals("Delete starting row 2 of orders", model.jobs().undoDescriptionProperty().get());
        fx(model::undo);
        fx(model::undo);
        assertEquals(original.rows(), model.getScenario().rows());
    }

    @Test
    void aRowAStepNamesCannotBeDeleted() throws Exception {
        // the steps get Order(1): deleting its row would leave a step naming a missing row, as the loader says
        fx(() -> assertFalse(tables.deleteStartingRow("orders", 0)));
        assertTrue(tables.refusalProperty().get().contains("Order(1)"), tables.refusalProperty().get());
        assertEquals(original, model.getScenario());
    }

    @Test
    void openingAnotherScenarioShowsItsResult() throws Exception {
        fx(tables::showStartingRows);
        fx(() -> model.show(original, null, "again.yaml"));
        assertEquals(Mode.RESULT, tables.getMode());
    }
}
