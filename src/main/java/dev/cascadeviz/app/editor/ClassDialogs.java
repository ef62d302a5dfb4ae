package dev.cascadeviz.app.editor;

import dev.cascadeviz.editing.ModelEdits;
import dev.cascadeviz.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The small dialogs of the model editor: a new class, renaming a class or a table, an association table. */
final class ClassDialogs {

    private ClassDialogs() {
    }

    /** {class name, table name}, the table name following the class name until edited. */
    static Optional<String[]> askNewClass(Window owner) {
        Dialog<String[]> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Add class");
        d.setHeaderText("A mapped class on a new table (with an integer primary key id)");
        TextField name = new TextField();
        name.setId("class-name");
        name.setPromptText("User");
        TextField table = new TextField();
        table.setId("table-name");
        table.setPromptText("user");
        boolean[] tableEdited = {false};
        table.textProperty().addListener((o, a, b) -> {
            if (table.isFocused()) {
                tableEdited[0] = true;
            }
        });
        name.textProperty().addListener((o, a, b) -> {
            if (!tableEdited[0]) {
                table.setText(b == null || b.isBlank() ? "" : ModelEdits.tableNameFor(b.strip()));
            }
        });
        GridPane grid = grid();
        grid.addRow(0, new Label("Class"), name);
        grid.addRow(1, new Label("Table"), table);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK ? new String[] {name.getText().strip(), table.getText().strip()} : null);
        enterConfirms(d);
        Platform.runLater(name::requestFocus);
        return d.showAndWait();
    }

    /**
     * {class name, table name} for a rename; the table name follows the class name while it is the
     * one the class name gives and is not edited by hand.
     */
    static Optional<String[]> askRenameClass(Window owner, String className, String table) {
        Dialog<String[]> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Rename class");
        d.setHeaderText("Rename " + className + " (relationships, steps and layout follow; a new table name "
                + "is followed by the foreign keys, association tables and rows)");
        d.getDialogPane().setPrefWidth(520);
        TextField name = new TextField(className);
        name.setId("rename-field");
        TextField tableField = new TextField(table);
        tableField.setId("rename-table-field");
        boolean[] follows = {table.equals(ModelEdits.tableNameFor(className))};
        tableField.textProperty().addListener((o, a, b) -> {
            if (tableField.isFocused()) {
                follows[0] = false;
            }
        });
        name.textProperty().addListener((o, a, b) -> {
            if (follows[0] && b != null && !b.isBlank()) {
                tableField.setText(ModelEdits.tableNameFor(b.strip()));
            }
        });
        GridPane grid = grid();
        grid.addRow(0, new Label("Class"), name);
        grid.addRow(1, new Label("Table"), tableField);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().setId("rename-class-dialog");
        d.setResultConverter(b -> b == ButtonType.OK ? new String[] {name.getText().strip(), tableField.getText().strip()} : null);
        enterConfirms(d);
        Platform.runLater(() -> {
            name.requestFocus();
            name.selectAll();
        });
        return d.showAndWait();
    }

    /** {table, new name}, the table chosen among all (the selected class's first). */
    static Optional<String[]> askRenameTable(Window owner, Scenario s, String selected) {
        Dialog<String[]> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Rename table");
        d.setHeaderText("Foreign keys, secondary=, the class mapped to it and its rows follow");
        ChoiceBox<String> table = new ChoiceBox<>();
        table.getItems().setAll(s.tables().keySet());
        table.setId("rename-table-choice");
        TextField name = new TextField();
        name.setId("rename-table-name");
        table.valueProperty().addListener((o, a, b) -> {
            name.setText(b == null ? "" : b);
            name.selectAll();
        });
        table.setValue(selected != null ? selected : table.getItems().get(0));
        GridPane grid = grid();
        grid.addRow(0, new Label("Table"), table);
        grid.addRow(1, new Label("New name"), name);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().setId("rename-table-dialog");
        d.setResultConverter(b -> b == ButtonType.OK && table.getValue() != null
                ? new String[] {table.getValue(), name.getText().strip()} : null);
        enterConfirms(d);
        Platform.runLater(() -> {
            name.requestFocus();
            name.selectAll();
        });
        return d.showAndWait();
    }

    /** {name, left table, right table}. */
    static Optional<String[]> askAssociation(Window owner, Scenario s) {
        Dialog<String[]> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Add association table");
        d.setHeaderText("A table with no class, for a many-to-many (secondary=)");
        List<String> tables = new ArrayList<>(s.tables().keySet());
        ChoiceBox<String> left = new ChoiceBox<>();
        left.getItems().setAll(tables);
        left.setId("association-left");
        ChoiceBox<String> right = new ChoiceBox<>();
        right.getItems().setAll(tables);
        right.setId("association-right");
        TextField name = new TextField();
        name.setId("association-name");
        Runnable propose = () -> {
            if (left.getValue() != null && right.getValue() != null) {
                name.setText(left.getValue() + "_" + right.getValue());
            }
        };
        left.valueProperty().addListener((o, a, b) -> propose.run());
        right.valueProperty().addListener((o, a, b) -> propose.run());
        GridPane grid = grid();
        grid.addRow(0, new Label("Between"), left);
        grid.addRow(1, new Label("and"), right);
        grid.addRow(2, new Label("Name"), name);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK ? new String[] {name.getText().strip(), left.getValue(), right.getValue()} : null);
        return d.showAndWait();
    }

    /**
     * Return confirms the dialog wherever the focus is (after a click on a radio button, a check
     * box or an editable combo box, which keep the key to themselves), except on a button, which
     * answers it itself, and in an open drop-down list, where it picks the item.
     */
    static void enterConfirms(Dialog<?> d) {
        d.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ENTER || e.isShiftDown() || e.isControlDown() || e.isAltDown()) {
                return;
            }
            Node focus = d.getDialogPane().getScene() == null ? null : d.getDialogPane().getScene().getFocusOwner();
            if (focus instanceof Button) {
                return;
            }
            for (Node n = focus; n != null; n = n.getParent()) {
                if (n instanceof ComboBoxBase<?> c && c.isShowing()
                        || n instanceof ChoiceBox<?> cb && cb.isShowing()) {
                    return;
                }
            }
            Node ok = d.getDialogPane().lookupButton(ButtonType.OK);
            if (ok instanceof Button b && !b.isDisabled()) {
                e.consume();
                b.fire();
            }
        });
    }

    static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        return grid;
    }
}
