package dev.cascadeviz.app.tables;

import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.workbench.RowState.Source;
import dev.cascadeviz.workbench.RowState;
import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.workbench.TableReplay;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.css.PseudoClass;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Every table after the run beside its state before: deleted rows struck through, changed cells
 * as {@code old → new}; what the database did by itself (ON DELETE rules) in a different colour
 * from what the ORM's own statements did. In step-through, the tables after the current
 * statement; after a failed run, what the database holds: earlier commits kept, the rest rolled back.
 */
public final class ResultTablesView extends VBox {

    public static final String STYLE = "result-tables";
    public static final PseudoClass DELETED = PseudoClass.getPseudoClass("deleted");
    public static final PseudoClass BY_DATABASE = PseudoClass.getPseudoClass("by-database");
    public static final PseudoClass BY_ORM = PseudoClass.getPseudoClass("by-orm");
    public static final PseudoClass INSERTED = PseudoClass.getPseudoClass("inserted");
    public static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
    public static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    /**
     * Rows drawn per table. A lesson's tables are a few rows; a 37,000-row benchmark must not
     * build 150,000 cells on the JavaFX thread. Changed rows are drawn first, then the others.
     * Measured on the 37,449-row chain (six tables): 100 rows a table kept the JavaFX thread
     * busy for seconds on each step (CSS and layout of 600 rows of controls); 40 is more than a
     * lesson's table has and more than a screen shows.
     */
    static final int MAX_ROWS_SHOWN = 40;

    private final WorkspaceModel model;
    private final Tooltip rowActionsTip = new Tooltip("Run a session call on this row");
    private final VBox content = new VBox(12);
    private final Label state = new Label();
    private final ScrollPane scroll = new ScrollPane(content);
    /** The first row the current statement touched, to scroll into view once laid out. */
    private javafx.scene.Node firstCurrent;
    private javafx.scene.Node lastCurrent;

    public ResultTablesView(WorkspaceModel model) {
        this.model = model;
        getStyleClass().add(STYLE);
        setId("result-tables");
        Label title = new Label("Tables");
        title.getStyleClass().add("pane-title");
        state.setId("tables-state");
        state.getStyleClass().add("tables-state");
        HBox bar = new HBox(8, title, state);
        bar.getStyleClass().add("pane-bar");
        content.getStyleClass().add("tables-content");
        scroll.setId("tables-scroll");
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        FlowPane legend = legend();
        // in presentation the room goes to the rows; the colours are the ones the class knows by then
        legend.visibleProperty().bind(model.presentationProperty().not());
        legend.managedProperty().bind(legend.visibleProperty());
        getChildren().addAll(bar, legend, scroll);
        big = new BigTables(model, content, state, this::scrollCardIntoView);
        model.openedProperty().addListener((o, a, b) -> {
            scroll.setVvalue(0);
            scroll.setHvalue(0);
        });
        model.traceProperty().addListener((o, a, b) -> refresh());
        model.stepProperty().addListener((o, a, b) -> refresh());
        // a cancelled run leaves no trace: the tables stop saying "running…"
        model.runningProperty().addListener((o, a, b) -> {
            if (!b && model.getTrace() == null) {
                refresh();
            }
        });
        model.scenarioProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private static FlowPane legend() {
        FlowPane legend = new FlowPane(10, 4);
        legend.getStyleClass().add("tables-legend");
        Label orm = new Label("deleted / changed by the ORM's statements");
        Label inserted = new Label("inserted by the ORM's statements");
        inserted.getStyleClass().addAll("legend-item", "legend-inserted");
        orm.getStyleClass().addAll("legend-item", "legend-orm");
        Label db = new Label("by the database itself (ON DELETE / ON UPDATE rule)");
        db.getStyleClass().addAll("legend-item", "legend-db");
        Label arrow = new Label("old → new: a changed value");
        arrow.getStyleClass().add("legend-item");
        Label actions = new Label("⋯ on a row: delete it, or unlink it from its parent; double-click a cell to set it");
        actions.getStyleClass().add("legend-item");
        legend.getChildren().addAll(orm, inserted, db, arrow, actions);
        return legend;
    }

    /**
     * Rows (before the run) plus changes (in the trace) above which the tables are virtualized
     * tables fed from a worker thread ({@link BigTables}): a lesson's tables are grids that
     * appear at once, a 37,000-row run's never freeze the window.
     */
    static int bigAbove = 20_000;

    private final BigTables big;

    private void refresh() {
        Scenario s = model.getScenario();
        if (s == null) {
            big.detach();
            show(null, Map.of(), "");
            return;
        }
        Trace trace = model.getTrace();
        int step = model.getStep();
        java.util.function.Supplier<Map<String, List<RowState>>> work;
        String text;
        if (trace == null) {
            work = () -> TableReplay.untouched(s, null);
            text = model.isRunning() ? "before the run (running…)" : "before the run";
        } else if (step >= 0) {
            work = () -> TableReplay.after(s, trace, step);
            text = step == 0 ? "before the first statement"
                    : "after statement " + step + " of " + trace.statements().size()
                    + (trace.error() != null ? " (the run later rolls back)" : "");
        } else if (trace.error() != null) {
            work = () -> TableReplay.outcome(s, trace);
            text = TableReplay.keptCommittedWork(trace)
                    ? "the failed transaction rolled back; what earlier commits did stays"
                    : "rolled back: every table is as it was before the run";
        } else {
            work = () -> TableReplay.outcome(s, trace);
            text = "after the run, compared with before";
        }
        if (size(s, trace) > bigAbove) {
            if (!big.attached()) {
                content.getChildren().clear();
                firstCurrent = null;
                lastCurrent = null;
            }
            big.request(new BigTables.Request(s, trace, step, text));
            return;
        }
        big.detach();
        show(s, work.get(), text);
    }

    private static int size(Scenario s, Trace trace) {
        int n = 0;
        for (List<?> rows : s.rows().values()) {
            n += rows.size();
        }
        if (trace != null) {
            for (var st : trace.statements()) {
                n += st.changes().size() + st.databaseChanges().size();
            }
        }
        return n;
    }

    private void show(Scenario s, Map<String, List<RowState>> tables, String text) {
        Map<String, Integer> live = new java.util.HashMap<>();
        tables.forEach((name, rows) -> live.put(name, (int) rows.stream().filter(r -> !r.isDeleted()).count()));
        Map<String, List<RowState>> drawn = new java.util.LinkedHashMap<>();
        tables.forEach((name, rows) -> drawn.put(name, shown(rows)));
        show(s, drawn, text, tables, live);
    }

    /** Draws the cards: {@code drawn} the rows to draw per table, {@code all} every row (for the counts). */
    private void show(Scenario s, Map<String, List<RowState>> drawn, String text,
                      Map<String, List<RowState>> all, Map<String, Integer> live) {
        content.getChildren().clear();
        firstCurrent = null;
        lastCurrent = null;
        state.setText(text);
        if (s == null) {
            return;
        }
        drawn.forEach((name, rows) -> content.getChildren().add(tableCard(s, name, rows, all.get(name).size(), live.get(name))));
        if (firstCurrent != null) {
            javafx.scene.Node target = firstCurrent;
            javafx.application.Platform.runLater(() -> scrollIntoView(target));
        }
    }

    /** Scrolls the pane so a big table's card is in view. */
    private void scrollCardIntoView(javafx.scene.Node table) {
        firstCurrent = table;
        lastCurrent = table;
        javafx.application.Platform.runLater(() -> scrollIntoView(table));
    }

    /** Every row of a big run's table as drawn (tests); empty for a small run's grid. */
    List<RowState> bigRows(String table) {
        return big.rows(table);
    }

    /** Scrolls the tables so the node (a cell of a row the current statement changed) is in view. */
    private void scrollIntoView(javafx.scene.Node node) {
        if (node.getScene() == null || node != firstCurrent) {
            return;
        }
        scroll.applyCss();
        scroll.layout();
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (contentHeight <= viewport) {
            return;
        }
        javafx.geometry.Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        javafx.geometry.Bounds last = lastCurrent == null || lastCurrent.getScene() == null ? b
                : content.sceneToLocal(lastCurrent.localToScene(lastCurrent.getBoundsInLocal()));
        double top = scroll.getVvalue() * (contentHeight - viewport);
        if (b.getMinY() >= top && last.getMaxY() <= top + viewport) {
            return;
        }
        // the first changed row near the top, a row or two of context above it
        double y = Math.max(0, b.getMinY() - Math.min(viewport / 6, 3 * b.getHeight()));
        scroll.setVvalue(Math.min(1, y / (contentHeight - viewport)));
    }

    private VBox tableCard(Scenario s, String name, List<RowState> rows, int total, int live) {
        Table table = s.table(name);
        Label title = new Label(name + "  (" + live + " of " + total + " rows)");
        title.getStyleClass().add("table-title");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("table-grid");
        grid.setId("table-" + name);
        List<String> columns = table == null ? List.of() : List.copyOf(table.columns().keySet());
        grid.add(headerCell(""), 0, 0);
        for (int c = 0; c < columns.size(); c++) {
            grid.add(headerCell(columns.get(c)), c + 1, 0);
        }
        grid.add(headerCell(""), columns.size() + 1, 0);
        for (int c = 0; c <= columns.size(); c++) {
            grid.getColumnConstraints().add(new javafx.scene.layout.ColumnConstraints());
        }
        javafx.scene.layout.ColumnConstraints noteColumn = new javafx.scene.layout.ColumnConstraints();
        noteColumn.setHgrow(Priority.ALWAYS);
        noteColumn.setMinWidth(160);
        grid.getColumnConstraints().add(noteColumn);
        int r = 1;
        String previousNote = null;
        for (RowState row : rows) {
            String note = row.note();
            addRow(grid, name, columns, row, r++, !note.isEmpty() && note.equals(previousNote) ? SAME_AS_ABOVE : note);
            previousNote = note;
        }
        VBox card = new VBox(4, title, grid);
        if (total > rows.size()) {
            Label more = new Label("… " + (total - rows.size()) + " more rows not drawn (changed rows are drawn first)");
            more.getStyleClass().add("row-note");
            card.getChildren().add(more);
        }
        card.getStyleClass().add("table-card");
        return card;
    }

    /** At most {@link #MAX_ROWS_SHOWN} rows: the changed ones first, then the rest; in table order. */
    static List<RowState> shown(List<RowState> rows) {
        if (rows.size() <= MAX_ROWS_SHOWN) {
            return rows;
        }
        Set<RowState> picked = Collections.newSetFromMap(new IdentityHashMap<>());
        for (RowState row : rows) {
            if (picked.size() < MAX_ROWS_SHOWN && (row.isMarked() || row.isCurrent())) {
                picked.add(row);
            }
        }
        for (RowState row : rows) {
            if (picked.size() >= MAX_ROWS_SHOWN) {
                break;
            }
            picked.add(row);
        }
        List<RowState> out = new ArrayList<>(MAX_ROWS_SHOWN);
        for (RowState row : rows) {
            if (picked.contains(row)) {
                out.add(row);
            }
        }
        return out;
    }

    private static Label headerCell(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("table-header");
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** A row whose note would repeat the row above's says so, so that a long cause is read once. */
    static final String SAME_AS_ABOVE = "〃 as above";

    private void addRow(GridPane grid, String table, List<String> columns, RowState row, int r, String noteText) {
        List<MenuItem> actions = RowActions.menuItems(model, table, row.shown());
        MenuButton menu = new MenuButton("⋯");
        menu.getStyleClass().addAll("row-actions", atlantafx.base.theme.Tweaks.NO_ARROW, atlantafx.base.theme.Styles.FLAT);
        menu.setMnemonicParsing(false);
        menu.setTooltip(rowActionsTip);
        menu.getItems().setAll(actions);
        menu.setDisable(actions.isEmpty() || row.isDeleted() || row.before() == null);
        grid.add(menu, 0, r);
        for (int c = 0; c < columns.size(); c++) {
            String column = columns.get(c);
            Label cell = new Label(row.cellText(column));
            cell.getStyleClass().add("table-cell-label");
            cell.setMaxWidth(Double.MAX_VALUE);
            cell.setMinWidth(Region.USE_PREF_SIZE);
            styleRow(cell, row);
            if (row.isCurrent()) {
                firstCurrent = firstCurrent == null ? cell : firstCurrent;
                lastCurrent = cell;
            }
            Source changed = row.changedCells().get(column);
            if (changed != null) {
                cell.pseudoClassStateChanged(CHANGED, true);
                cell.pseudoClassStateChanged(changed == Source.DATABASE ? BY_DATABASE : BY_ORM, true);
            }
            ObjectRef self = row.isDeleted() || row.before() == null ? null
                    : RowActions.objectOf(model.getScenario(), table, row.shown());
            if (self != null) {
                cell.setOnMouseClicked(e -> {
                    if (e.getClickCount() == 2) {
                        CellEditDialog.open(cell, model, self, column, row.shown().get(column));
                    }
                });
            }
            if (!actions.isEmpty() && !row.isDeleted()) {
                // built when asked for: a popup per cell would cost more than the table itself
                // on the secondary press, as the graph does: Monocle (headless tests) sends no context-menu request
                cell.setOnContextMenuRequested(javafx.event.Event::consume);
                cell.setOnMousePressed(e -> {
                    if (e.getButton() != javafx.scene.input.MouseButton.SECONDARY) {
                        return;
                    }
                    ContextMenu cm = new ContextMenu();
                    cm.getItems().addAll(RowActions.menuItems(model, table, row.shown()));
                    MenuItem created = RowActions.newObjectItem(model, table, row.shown());
                    if (created != null) {
                        cm.getItems().add(created);
                    }
                    cm.show(cell, e.getScreenX(), e.getScreenY());
                    e.consume();
                });
            }
            grid.add(cell, c + 1, r);
        }
        Label note = new Label(noteText);
        // the whole cause, wrapped in the room left: never cut off with the rest in a tooltip only
        note.setWrapText(true);
        note.setMinWidth(160);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        note.getStyleClass().add("row-note");
        styleRow(note, row);
        note.pseudoClassStateChanged(DELETED, false);
        grid.add(note, columns.size() + 1, r);
    }

    private static void styleRow(Label cell, RowState row) {
        cell.pseudoClassStateChanged(DELETED, row.isDeleted());
        cell.pseudoClassStateChanged(INSERTED, row.insertedBy() != null);
        cell.pseudoClassStateChanged(CURRENT, row.isCurrent());
        if (row.isDeleted()) {
            cell.pseudoClassStateChanged(row.deletedBy() == Source.DATABASE ? BY_DATABASE : BY_ORM, true);
        }
    }
}
