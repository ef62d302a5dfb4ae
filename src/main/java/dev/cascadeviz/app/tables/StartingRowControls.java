package dev.cascadeviz.app.tables;

import dev.cascadeviz.app.viewmodel.TablesModel;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;

/**
 * The tables pane's controls for the starting rows (the scenario's seed data): a cell edited in
 * place (double-click, Enter keeps, Esc leaves), a row deleted from its ⋯ menu, a row added by
 * the card's button. What they do is {@link TablesModel}'s; a refused value keeps the field open
 * and marked, with the reason in the pane.
 */
final class StartingRowControls {

    static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");

    private StartingRowControls() {
    }

    static List<MenuItem> rowMenu(TablesModel tables, String table, int row) {
        MenuItem delete = new MenuItem("Delete starting row " + (row + 1));
        delete.setId("starting-delete-" + table + "-" + row);
        delete.setOnAction(e -> tables.deleteStartingRow(table, row));
        MenuItem add = new MenuItem("Add a starting row to " + table);
        add.setOnAction(e -> tables.addStartingRow(table));
        return List.of(delete, add);
    }

    static Button addButton(TablesModel tables, String table) {
        Button add = new Button("+ Add row");
        add.setId("starting-add-" + table);
        add.getStyleClass().addAll("starting-add", atlantafx.base.theme.Styles.SMALL, atlantafx.base.theme.Styles.FLAT);
        add.setOnAction(e -> tables.addStartingRow(table));
        return add;
    }

    /** Opens an editor over the cell: Enter keeps the value (if the loader accepts it), Esc or leaving the field drops it. */
    static void editInPlace(TablesModel tables, GridPane grid, Label cell, String table, int row, String column, Object value) {
        TextField field = new TextField(TablesModel.editText(value));
        field.setId("starting-cell-editor");
        field.getStyleClass().add("starting-cell-editor");
        field.setPrefColumnCount(Math.max(6, field.getText().length() + 2));
        Integer c = GridPane.getColumnIndex(cell);
        Integer r = GridPane.getRowIndex(cell);
        cell.setVisible(false);
        grid.add(field, c == null ? 0 : c, r == null ? 0 : r);
        Runnable close = () -> {
            grid.getChildren().remove(field);
            cell.setVisible(true);
        };
        field.setOnAction(e -> {
            if (tables.setStartingValue(table, row, column, field.getText())) {
                close.run(); // the pane is redrawn from the changed scenario
            } else {
                field.pseudoClassStateChanged(REFUSED, true);
            }
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close.run();
                e.consume();
            }
        });
        field.focusedProperty().addListener((o, was, is) -> {
            if (!is && field.getParent() != null) {
                close.run();
            }
        });
        field.requestFocus();
        field.selectAll();
    }
}
