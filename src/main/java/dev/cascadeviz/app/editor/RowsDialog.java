package dev.cascadeviz.app.editor;

import dev.cascadeviz.editing.RowEdits;
import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A table's starting rows, before the run: edit a cell (Enter commits), add a row, delete the
 * selected one. Each change is one undoable edit, checked as the loader checks the file's rows:
 * a refused value says why and the cell goes back to what the scenario holds.
 */
final class RowsDialog {

    private final ModelEditor editor;
    private final String table;
    private final TableView<Map<String, Object>> view = new TableView<>();
    private final Dialog<Void> dialog = new Dialog<>();

    RowsDialog(ModelEditor editor, String table) {
        this.editor = editor;
        this.table = table;
        dialog.initOwner(editor.owner());
        dialog.initModality(javafx.stage.Modality.NONE);
        dialog.setTitle("Starting rows of " + table);
        view.setId("rows-table");
        view.setEditable(true);
        view.setPrefSize(560, 280);
        Button add = new Button("Add row");
        add.setId("row-add");
        add.setOnAction(e -> editor.apply("Add a row to " + table, s -> RowEdits.addRow(s, table)));
        Button delete = new Button("Delete row");
        delete.setId("row-delete");
        delete.setOnAction(e -> {
            int i = view.getSelectionModel().getSelectedIndex();
            if (i >= 0) {
                editor.apply("Delete row " + (i + 1) + " of " + table, s -> RowEdits.deleteRow(s, table, i));
            }
        });
        dialog.getDialogPane().setContent(new VBox(8, view, new HBox(6, add, delete)));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.getDialogPane().setId("rows-dialog");
        // after the commit that caused it, not inside it (the table is still finishing its edit)
        ChangeListener<Scenario> follow = (o, a, b) -> javafx.application.Platform.runLater(this::refresh);
        editor.model().scenarioProperty().addListener(follow);
        dialog.setOnHidden(e -> editor.model().scenarioProperty().removeListener(follow));
        refresh();
    }

    void show() {
        dialog.show();
    }

    private void refresh() {
        Scenario s = editor.model().getScenario();
        Table t = s == null ? null : s.table(table);
        if (t == null) {
            view.getColumns().clear();
            view.getItems().clear();
            return;
        }
        int selected = view.getSelectionModel().getSelectedIndex();
        java.util.List<String> shown = view.getColumns().stream().map(TableColumn::getText).toList();
        if (shown.equals(java.util.List.copyOf(t.columns().keySet()))) {
            view.getItems().setAll(s.rowsOf(table));
            if (selected >= 0 && selected < view.getItems().size()) {
                view.getSelectionModel().select(selected);
            }
            return;
        }
        view.getColumns().clear();
        for (Column c : t.columns().values()) {
            TableColumn<Map<String, Object>, String> col = new TableColumn<>(c.name());
            col.setId("rows-col-" + c.name());
            col.setCellValueFactory(d -> new SimpleStringProperty(text(d.getValue().get(c.name()))));
            col.setCellFactory(TextFieldTableCell.forTableColumn());
            col.setOnEditCommit(ev -> {
                int row = ev.getTablePosition().getRow();
                Object value = RowEdits.parse(c, ev.getNewValue());
                boolean kept = editor.apply("Set " + table + " row " + (row + 1) + " " + c.name(),
                        x -> RowEdits.setValue(x, table, row, c.name(), value));
                if (!kept) {
                    view.getItems().setAll(editor.model().getScenario().rowsOf(table)); // the cell shows the kept value again
                }
            });
            view.getColumns().add(col);
        }
        view.getItems().setAll(s.rowsOf(table));
        if (selected >= 0 && selected < view.getItems().size()) {
            view.getSelectionModel().select(selected);
        }
    }

    static String text(Object v) {
        return v == null ? "" : String.valueOf(v);
    }
}
