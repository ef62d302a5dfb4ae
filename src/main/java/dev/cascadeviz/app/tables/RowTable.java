package dev.cascadeviz.app.tables;

import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.workbench.RowState.Source;
import dev.cascadeviz.workbench.RowState;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.event.Event;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.CellSkinBase;
import javafx.scene.control.skin.VirtualFlow;
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
        fillWidth();
    }

    /**
     * The note column some forty characters wide, or as wide as the room the other columns leave
     * when that is more: a table wider than its columns showed an empty header cell and an empty
     * strip at its right.
     */
    private void fillWidth() {
        TableColumn<RowState, ?> note = getColumns().get(columns.size());
        double others = 0;
        for (int i = 0; i < columns.size(); i++) {
            others += getColumns().get(i).getWidth();
        }
        double bar = verticalBar != null && verticalBar.isVisible() ? verticalBar.getWidth() : 0;
        double room = Math.floor(getWidth() - snappedLeftInset() - snappedRightInset() - others - bar);
        double width = Math.max(ColumnWidth.NOTE_EMS * cellFont.getSize(), room);
        if (Math.abs(note.getPrefWidth() - width) > 0.5) {
            note.setPrefWidth(width);
        }
    }

    /** How many rows from the top a column's width is measured on: the rows a first look shows, and more. */
    static final int SAMPLED_ROWS = 200;

    /** How many rows the table is as high as: at least one (a table with none shows a line saying so), at most {@link #ROWS_HIGH}. */
    private int rowsHigh = 1;
    /**
     * The height of a row, of the header and of what a horizontal scroll bar takes from the rows'
     * room, as CSS and the last layout made them (the theme's rows are 2.8 em, so larger in
     * presentation, its header 40 px; the scroll bar is there only when the columns are wider than
     * the table); until a row is shown, a first guess that the first layout with a row puts right
     * (the next pulse lays the card out at its measured height).
     */
    private double rowHeight = 36;
    private double headerHeight = 48;
    private double barsHeight = 24;
    /** The header and the rows' scrolling area, once the skin has made them. */
    private Region header;
    private VirtualFlow<?> flow;
    private Region viewport;
    private ScrollBar verticalBar;

    /** As high as {@code rows} rows, at most {@link #ROWS_HIGH}: a one-row table takes one row's room. */
    void fitRows(int rows) {
        rowsHigh = Math.max(1, Math.min(rows, ROWS_HIGH));
        fit();
    }

    /** The insets and the header (rounded up to whole pixels), the rows and the scroll bar's room. */
    private void fit() {
        double high = Math.ceil(snappedTopInset() + snappedBottomInset() + headerHeight) + rowHeight * rowsHigh + barsHeight;
        if (Math.abs(getPrefHeight() - high) > 0.5) {
            setPrefHeight(high);
        }
    }

    /** Whether a measure and fit after this pulse is asked for already. */
    private boolean refitAsked;

    /**
     * Measures and fits the table again once this pulse's layout is done (the rows' flow laid out
     * too): a table that changed its preferred height within the layout pass would not have its
     * card lay it out at that height, as a parent does not take requests while it lays out.
     */
    private void refitLater() {
        if (!refitAsked) {
            refitAsked = true;
            Platform.runLater(() -> {
                refitAsked = false;
                measure();
                fit();
                fillWidth();
            });
        }
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        refitLater();
    }

    /**
     * The header and a row as CSS has made them (a new text size, presentation, changes both), and
     * what the horizontal scroll bar took from the rows' room at the last layout. The rows are given
     * the theme's row height in whole pixels as their fixed size, so that they fill their room
     * exactly: at 2.8 em (36.4 px) a row, the room's last fraction of a pixel took an empty row,
     * and with it the table showed a vertical scroll bar beside the horizontal one.
     */
    private void measure() {
        if (flow == null) {
            header = (Region) lookup(".column-header-background");
            flow = (VirtualFlow<?>) lookup(".virtual-flow");
            viewport = flow == null ? null : (Region) flow.lookup(".clipped-container");
            for (Node n : flow == null ? List.<Node>of() : flow.getChildrenUnmodifiable()) {
                if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                    verticalBar = bar;
                }
            }
            if (viewport != null) {
                // the rows' room changes when the flow shows or hides a scroll bar (the window made
                // narrower, wider columns), also in a layout of the flow alone
                viewport.heightProperty().addListener((o, a, b) -> refitLater());
            }
        }
        if (header != null) {
            headerHeight = header.prefHeight(-1);
        }
        if (flow != null && flow.isVisible() && viewport != null && viewport.getHeight() > 0) {
            barsHeight = flow.getHeight() - viewport.getHeight(); // the VirtualFlow's own measure: a bar shown, or none
        }
        IndexedCell<?> row = flow == null || !flow.isVisible() ? null : flow.getFirstVisibleCell();
        if (row != null && row.getSkin() instanceof CellSkinBase<?> skin && skin.getCellSize() > 0) {
            rowHeight = Math.ceil(skin.getCellSize());
            if (getFixedCellSize() != rowHeight) {
                setFixedCellSize(rowHeight);
            }
        }
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
