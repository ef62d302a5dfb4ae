package dev.cascadeviz.app.viewmodel;

import dev.cascadeviz.editing.CheckedEdit;
import dev.cascadeviz.editing.RowEdits;
import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.model.Values;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the tables pane shows and what its edits mean (issue 12's rows, issue 11's save path).
 * Two modes, always said in the pane: the <b>starting rows</b> (the scenario's seed data, what
 * every run begins with), where an edit changes those rows; and the <b>run result</b> (after a
 * statement, or after the whole run), where an edit appends session steps. Stepping to "before
 * the first statement" shows the starting rows, stepping to a statement shows the result.
 * Every starting-row edit is one undoable job with a description, checked as the loader checks
 * the file's rows; a refused one says why here and changes nothing.
 */
public final class TablesModel {

    public enum Mode { STARTING_ROWS, RESULT }

    public static final String STARTING_HINT = "Edits change the starting rows every run begins with "
            + "(double-click a cell; ⋯ deletes a row; + Add row)";
    public static final String RESULT_HINT = "Edits add session steps (double-click a cell: a set step; "
            + "⋯ on a row: delete, new, append)";

    private final WorkspaceModel model;
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.RESULT);
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper(this, "refusal");

    public TablesModel(WorkspaceModel model) {
        this.model = model;
        model.stepProperty().addListener((o, a, b) -> {
            // before the first statement the tables are the starting rows; a statement, or the whole
            // outcome asked for (step -1 while no run restarts), is a run result
            if (b.intValue() == 0) {
                mode.set(Mode.STARTING_ROWS);
            } else if (b.intValue() > 0 || !model.isRunning()) {
                mode.set(Mode.RESULT);
            }
        });
        model.openedProperty().addListener((o, a, b) -> {
            mode.set(Mode.RESULT);
            refusal.set(null);
        });
        mode.addListener((o, a, b) -> refusal.set(null));
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public Mode getMode() {
        return mode.get();
    }

    public boolean isStartingRows() {
        return mode.get() == Mode.STARTING_ROWS;
    }

    /** Why the last starting-row edit was refused; null after an accepted one or a change of mode. */
    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    /** The pane's hint for the mode: what an edit here does. */
    public static String hint(Mode m) {
        return m == Mode.STARTING_ROWS ? STARTING_HINT : RESULT_HINT;
    }

    /** Shows the starting rows (and, with a run to step through, the state before its first statement). */
    public void showStartingRows() {
        mode.set(Mode.STARTING_ROWS);
        if (model.getTrace() != null && model.getStep() != 0) {
            model.stepTo(0);
        }
    }

    /** Shows the run's result (the whole outcome). */
    public void showResult() {
        mode.set(Mode.RESULT);
        if (model.getStep() == 0) {
            model.showOutcome();
        }
    }

    /** Sets a starting row's cell from the text typed (empty or null: NULL); true when kept. */
    public boolean setStartingValue(String table, int row, String column, String text) {
        Scenario s = model.getScenario();
        Table t = s == null ? null : s.table(table);
        Column c = t == null ? null : t.column(column);
        if (c == null) {
            return refuse("There is no column " + table + "." + column + ".");
        }
        Object value = RowEdits.parse(c, text == null ? "" : text.strip());
        return apply("Set starting row " + (row + 1) + " of " + table + ": " + column + " = " + Values.display(value),
                x -> RowEdits.setValue(x, table, row, column, value));
    }

    /** Adds a starting row (next key, sample values, foreign keys at an existing parent). */
    public boolean addStartingRow(String table) {
        return apply("Add a starting row to " + table, x -> RowEdits.addRow(x, table));
    }

    /** Deletes a starting row (0-based, in the file's order). */
    public boolean deleteStartingRow(String table, int row) {
        return apply("Delete starting row " + (row + 1) + " of " + table, x -> RowEdits.deleteRow(x, table, row));
    }

    /** The text a starting cell is edited as: what {@link RowEdits#parse} reads back to the same value. */
    public static String editText(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private boolean apply(String description, UnaryOperator<Scenario> change) {
        Scenario before = model.getScenario();
        if (before == null) {
            return false;
        }
        CheckedEdit checked = CheckedEdit.of(before, change);
        if (!checked.accepted()) {
            return refuse(description + ": not done — " + checked.refusal());
        }
        refusal.set(null);
        Scenario after = checked.after();
        model.edit(description, s -> s == before ? after : change.apply(s));
        return true;
    }

    private boolean refuse(String why) {
        refusal.set(why);
        return false;
    }
}
