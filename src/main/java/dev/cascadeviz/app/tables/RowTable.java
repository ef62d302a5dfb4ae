package dev.cascadeviz.app.tables;

import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.workbench.RowState.Source;
import dev.cascadeviz.workbench.RowState;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.event.Event;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;

/**
 * One table of a big run: a virtualized {@link TableView} over every row, so only the rows on
 * screen have cells, whatever the table's size. Marks as the grid of a small run does (deleted
 * struck through, changed cells {@code old → new}, who did it, the current statement's rows);
 * the row actions are on the secondary click, a cell is set by a double-click.
 */
final class RowTable extends TableView<RowState> {

    /** Rows high: the table scrolls inside, the cards of the other tables stay in reach. */
    static final int ROWS_HIGH = 12;

    private final WorkspaceModel model;
    private final String table;
    private final List<String> columns;

    RowTable(WorkspaceModel model, String table, List<String> columns) {
        this.model = model;
        this.table = table;
        this.columns = columns;
        setId("table-" + table);
        getStyleClass().add("row-table");
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        setPlaceholder(new Label("no rows"));
        for (String column : columns) {
            TableColumn<RowState, RowState> c = new TableColumn<>(column);
            c.setSortable(false);
            c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
            c.setCellFactory(x -> new ValueCell(column));
            getColumns().add(c);
        }
        TableColumn<RowState, RowState> note = new TableColumn<>("");
        note.setSortable(false);
        note.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        note.setCellFactory(x -> new NoteCell());
        getColumns().add(note);
        sizeColumns();
        itemsProperty().addListener((o, a, rows) -> {
            if (!sizedToRows && rows != null && !rows.isEmpty()) {
                sizedToRows = true;
                sizeColumns();
            }
        });
        fitRows(ROWS_HIGH);
        setMinHeight(Region.USE_PREF_SIZE);
    }

    /** The font the cells show, once CSS has given them one (larger in presentation). */
    private Font cellFont = Font.getDefault();
    /** Whether the columns were sized to rows yet: a step swaps the rows in, and must not move the columns. */
    private boolean sizedToRows;

    /** A cell's font as CSS set it: when it is a new one, the columns' widths follow it. */
    private void fontSeen(Font font) {
        if (font != null && !font.equals(cellFont)) {
            cellFont = font;
            sizeColumns();
        }
    }

    /**
     * Each column as wide as its name and the longest of the first rows' values in the cells' font,
     * so a larger text (presentation, Ctrl+Plus) widens the columns instead of cutting the values
     * off; the note column some forty characters wide.
     */
    private void sizeColumns() {
        List<RowState> rows = getItems() == null ? List.of() : getItems();
        int sample = Math.min(rows.size(), SAMPLED_ROWS);
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            String longest = column;
            for (int r = 0; r < sample; r++) {
                String text = rows.get(r).cellText(column);
                if (text != null && text.length() > longest.length()) {
                    longest = text;
                }
            }
            getColumns().get(i).setPrefWidth(ColumnWidth.toShow(longest, cellFont));
        }
        getColumns().get(columns.size()).setPrefWidth(ColumnWidth.NOTE_EMS * cellFont.getSize());
    }

    /** How many rows from the top a column's width is measured on: the rows a first look shows, and more. */
    static final int SAMPLED_ROWS = 200;

    /** About this high a row at the window's usual text size (a taller row, in presentation, scrolls sooner). */
    private static final double ROW_HEIGHT = 36;

    /** As high as {@code rows} rows, at most {@link #ROWS_HIGH}: a one-row table takes one row's room. */
    void fitRows(int rows) {
        // the header, the rows, and room for a horizontal scroll bar
        setPrefHeight(48 + ROW_HEIGHT * Math.max(1, Math.min(rows, ROWS_HIGH)) + 24);
    }

    String table() {
        return table;
    }

    List<String> columns() {
        return columns;
    }

    private static void mark(TableCell<?, ?> cell, RowState row) {
        boolean deleted = row != null && row.isDeleted();
        cell.pseudoClassStateChanged(ResultTablesView.DELETED, deleted);
        cell.pseudoClassStateChanged(ResultTablesView.INSERTED, row != null && row.insertedBy() != null);
        cell.pseudoClassStateChanged(ResultTablesView.CURRENT, row != null && row.isCurrent());
        Source by = row == null ? null : deleted ? row.deletedBy() : null;
        cell.pseudoClassStateChanged(ResultTablesView.BY_DATABASE, by == Source.DATABASE);
        cell.pseudoClassStateChanged(ResultTablesView.BY_ORM, by == Source.ORM);
        cell.pseudoClassStateChanged(ResultTablesView.CHANGED, false);
    }

    /** A cell of one column: the value, or {@code old → new}. */
    private final class ValueCell extends TableCell<RowState, RowState> {
        private final String column;

        ValueCell(String column) {
            this.column = column;
            getStyleClass().add("table-cell-label");
            fontProperty().addListener((o, a, font) -> fontSeen(font));
            setOnMouseClicked(e -> {
                RowState row = getItem();
                if (e.getClickCount() == 2 && row != null && !row.isDeleted() && row.before() != null) {
                    ObjectRef self = RowActions.objectOf(model.getScenario(), table, row.shown());
                    if (self != null) {
                        CellEditDialog.open(this, model, self, column, row.shown().get(column));
                    }
                }
            });
            setOnContextMenuRequested(Event::consume);
            setOnMousePressed(e -> {
                RowState row = getItem();
                if (e.getButton() != MouseButton.SECONDARY || row == null || row.isDeleted() || row.before() == null) {
                    return;
                }
                ContextMenu cm = new ContextMenu();
                cm.getItems().addAll(RowActions.menuItems(model, table, row.shown()));
                MenuItem created = RowActions.newObjectItem(model, table, row.shown());
                if (created != null) {
                    cm.getItems().add(created);
                }
                if (!cm.getItems().isEmpty()) {
                    cm.show(this, e.getScreenX(), e.getScreenY());
                }
                e.consume();
            });
        }

        @Override
        protected void updateItem(RowState row, boolean empty) {
            super.updateItem(row, empty);
            RowState r = empty ? null : row;
            setText(r == null ? null : r.cellText(column));
            mark(this, r);
            Source changed = r == null ? null : r.changedCells().get(column);
            if (changed != null) {
                pseudoClassStateChanged(ResultTablesView.CHANGED, true);
                pseudoClassStateChanged(changed == Source.DATABASE ? ResultTablesView.BY_DATABASE : ResultTablesView.BY_ORM, true);
            }
        }
    }

    /** Who changed the row and why; a note the row above already says reads "as above". */
    private final class NoteCell extends TableCell<RowState, RowState> {
        NoteCell() {
            getStyleClass().add("row-note");
        }

        @Override
        protected void updateItem(RowState row, boolean empty) {
            super.updateItem(row, empty);
            RowState r = empty ? null : row;
            String note = r == null ? null : r.note();
            int i = getIndex();
            if (note != null && !note.isEmpty() && i > 0 && i - 1 < getTableView().getItems().size()
                    && note.equals(getTableView().getItems().get(i - 1).note())) {
                note = ResultTablesView.SAME_AS_ABOVE;
            }
            setText(note);
            mark(this, r);
            pseudoClassStateChanged(ResultTablesView.DELETED, false);
        }
    }
}
