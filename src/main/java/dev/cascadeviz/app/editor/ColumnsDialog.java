package dev.cascadeviz.app.editor;

import dev.cascadeviz.editing.ModelEdits;
import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import java.util.ArrayList;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Window;

/**
 * A class's columns: add, edit (name, type, length, keys, constraints, foreign key and its
 * rules), move up or down, delete. Each button is one undoable edit of the scenario; the list
 * follows the scenario (undo included) while the dialog is open.
 */
final class ColumnsDialog {

    private final ModelEditor editor;
    private final String className;
    private final ListView<String> list = new ListView<>();
    private final Dialog<Void> dialog = new Dialog<>();

    ColumnsDialog(ModelEditor editor, String className) {
        this.editor = editor;
        this.className = className;
        dialog.initOwner(editor.owner());
        dialog.initModality(Modality.NONE);
        dialog.setTitle("Columns of " + className);
        list.setId("columns-list");
        list.setPrefSize(460, 260);
        Button add = button("Add… (Insert)", "column-add", this::add);
        Button edit = button("Edit…", "column-edit", this::edit);
        Button up = button("Up", "column-up", () -> move(-1));
        Button down = button("Down", "column-down", () -> move(1));
        Button delete = button("Delete", "column-delete", this::delete);
        // keys for the list: Insert adds, Enter edits, Delete deletes, Alt+Up/Down moves
        list.setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case INSERT -> add();
                case ENTER -> edit();
                case DELETE -> delete();
                case UP, DOWN -> {
                    if (e.isAltDown()) {
                        move(e.getCode() == KeyCode.UP ? -1 : 1);
                    } else {
                        return;
                    }
                }
                default -> {
                    return;
                }
            }
            e.consume();
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                edit();
            }
        });
        dialog.getDialogPane().setContent(new VBox(8, list, new HBox(6, add, edit, up, down, delete)));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.getDialogPane().setId("columns-dialog");
        ChangeListener<Scenario> follow = (o, a, b) -> refresh();
        editor.model().scenarioProperty().addListener(follow);
        dialog.setOnHidden(e -> {
            editor.model().scenarioProperty().removeListener(follow);
            editor.backToGraph(className);
        });
        refresh();
    }

    void show() {
        dialog.setOnShown(e -> placeBesideGraph());
        dialog.show();
        Platform.runLater(list::requestFocus);
    }

    /**
     * Non-modal, the dialog stays open while the graph is used: it goes beside the graph (right of
     * it, else below, else left), and only where the screen has no room, in its bottom-right corner.
     */
    private void placeBesideGraph() {
        Bounds g = editor.graphArea();
        Window w = dialog.getDialogPane().getScene() == null ? null : dialog.getDialogPane().getScene().getWindow();
        if (g == null || w == null) {
            return;
        }
        var screens = Screen.getScreensForRectangle(g.getMinX(), g.getMinY(), g.getWidth(), g.getHeight());
        Rectangle2D screen = (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getVisualBounds();
        double dw = w.getWidth();
        double dh = w.getHeight();
        double x;
        double y;
        if (g.getMaxX() + dw <= screen.getMaxX()) {
            x = g.getMaxX();
            y = g.getMinY();
        } else if (g.getMaxY() + dh <= screen.getMaxY()) {
            x = g.getMaxX() - dw;
            y = g.getMaxY();
        } else if (g.getMinX() - dw >= screen.getMinX()) {
            x = g.getMinX() - dw;
            y = g.getMinY();
        } else {
            x = screen.getMaxX() - dw;
            y = screen.getMaxY() - dh;
        }
        w.setX(Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - dw)));
        w.setY(Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - dh)));
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** The column form belongs to this dialog: closing it comes back here, not to the main window. */
    private Window own() {
        Window w = dialog.getDialogPane().getScene() == null ? null : dialog.getDialogPane().getScene().getWindow();
        return w != null ? w : editor.owner();
    }

    private Table table() {
        Scenario s = editor.model().getScenario();
        MappedClass c = s == null ? null : s.mappedClass(className);
        return c == null ? null : s.table(c.table());
    }

    private void refresh() {
        Table t = table();
        String selected = selectedColumn();
        list.getItems().clear();
        if (t == null) {
            dialog.setTitle("Columns of " + className + " (gone)");
            return;
        }
        for (Column c : t.columns().values()) {
            list.getItems().add(ColumnDialog.describe(c));
        }
        if (selected != null) {
            int i = new ArrayList<>(t.columns().keySet()).indexOf(selected);
            if (i >= 0) {
                list.getSelectionModel().select(i);
            }
        }
    }

    private String selectedColumn() {
        Table t = table();
        int i = list.getSelectionModel().getSelectedIndex();
        if (t == null || i < 0 || i >= t.columns().size()) {
            return null;
        }
        return new ArrayList<>(t.columns().keySet()).get(i);
    }

    private void add() {
        Table t = table();
        if (t == null) {
            return;
        }
        ColumnDialog.ask(own(), editor.model().getScenario(), t.name(), null).ifPresent(c ->
                editor.apply("Add column " + t.name() + "." + c.name(), s -> ModelEdits.addColumn(s, t.name(), c)));
    }

    private void edit() {
        Table t = table();
        String col = selectedColumn();
        if (t == null || col == null) {
            return;
        }
        ColumnDialog.ask(own(), editor.model().getScenario(), t.name(), t.column(col)).ifPresent(c ->
                editor.apply("Change column " + t.name() + "." + col, s -> ModelEdits.replaceColumn(s, t.name(), col, c)));
    }

    private void move(int delta) {
        Table t = table();
        String col = selectedColumn();
        if (t != null && col != null) {
            editor.apply("Move column " + t.name() + "." + col + (delta < 0 ? " up" : " down"),
                    s -> ModelEdits.moveColumn(s, t.name(), col, delta));
        }
    }

    private void delete() {
        Table t = table();
        String col = selectedColumn();
        if (t == null || col == null) {
            return;
        }
        var deps = ModelEdits.columnDependents(editor.model().getScenario(), t.name(), col);
        if (editor.confirm("Delete column " + t.name() + "." + col, deps)) {
            editor.apply("Delete column " + t.name() + "." + col, s -> ModelEdits.deleteColumn(s, t.name(), col));
        }
    }
}
