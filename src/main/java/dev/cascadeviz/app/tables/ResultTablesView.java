package dev.cascadeviz.app.tables;

import dev.cascadeviz.app.viewmodel.TablesModel;
import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.workbench.RowState.Source;
import dev.cascadeviz.workbench.RowState;
import dev.cascadeviz.workbench.TableReplay;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.ColumnConstraints;
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
    /** On the pane while it shows (and edits) the starting rows rather than a run's result. */
    public static final PseudoClass STARTING_ROWS = PseudoClass.getPseudoClass("starting-rows");

    /**
     * Rows drawn per table. A lesson's tables are a few rows; a 37,000-row benchmark must not
     * build 150,000 cells on the JavaFX thread. Changed rows are drawn first, then the others.
     * Measured on the 37,449-row chain (six tables): 100 rows a table kept the JavaFX thread
     * busy for seconds on each step (CSS and layout of 600 rows of controls); 40 is more than a
     * lesson's table has and more than a screen shows.
     */
    static final int MAX_ROWS_SHOWN = 40;

    private final WorkspaceModel model;
    private final TablesModel tables;
    private final Tooltip rowActionsTip = new Tooltip("Run a session call on this row");
    private final VBox content = new VBox(12);
    private final Label state = new Label();
    private final ScrollPane scroll = new ScrollPane(content);
    /** The first row the current statement touched, to scroll into view once laid out. */
    private Node firstCurrent;
    private Node lastCurrent;
    /** Readies a big run's cards while a small run is shown. */
    private final TablesWarmUp warmUp;

    public ResultTablesView(WorkspaceModel model) {
        this.model = model;
        this.tables = new TablesModel(model);
        getStyleClass().add(STYLE);
        setId("result-tables");
        Label title = new Label("Tables");
        title.getStyleClass().add("pane-title");
        state.setId("tables-state");
        state.getStyleClass().add("tables-state");
        HBox bar = new HBox(8, title, state);
        bar.getStyleClass().add("pane-bar");
        Label hint = new Label();
        hint.setId("tables-mode-hint");
        hint.getStyleClass().add("tables-mode-hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(hint, Priority.ALWAYS);
        // the switch beside what an edit does in each mode: the two read as one sentence
        HBox modeBar = new HBox(8, modeToggle(), hint);
        modeBar.setAlignment(Pos.CENTER_LEFT);
        modeBar.getStyleClass().add("tables-mode-bar");
        hint.textProperty().bind(Bindings.createStringBinding(
                () -> TablesModel.hint(tables.getMode()), tables.modeProperty()));
        Label refusal = new Label();
        refusal.setId("tables-refusal");
        refusal.getStyleClass().add("tables-refusal");
        refusal.setWrapText(true);
        refusal.setMinHeight(Region.USE_PREF_SIZE);
        refusal.setMaxWidth(Double.MAX_VALUE);
        refusal.textProperty().bind(tables.refusalProperty());
        refusal.visibleProperty().bind(tables.refusalProperty().isNotNull());
        refusal.managedProperty().bind(refusal.visibleProperty());
        content.getStyleClass().add("tables-content");
        scroll.setId("tables-scroll");
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        FlowPane legend = legend();
        // in presentation the room goes to the rows; the colours are the ones the class knows by then
        // and the starting rows have no changes to explain
        legend.visibleProperty().bind(model.presentationProperty().not().and(Bindings.createBooleanBinding(
                () -> !tables.isStartingRows(), tables.modeProperty())));
        legend.managedProperty().bind(legend.visibleProperty());
        getChildren().addAll(bar, modeBar, refusal, legend, scroll);
        big = new BigTables(model, content, state, this::scrollCardIntoView);
        model.openedProperty().addListener((o, a, b) -> {
            scroll.setVvalue(0);
            scroll.setHvalue(0);
        });
        // the starting rows are the scenario's: a run finishing or a step shown leaves them as they are
        model.traceProperty().addListener((o, a, b) -> refreshResult());
        model.stepProperty().addListener((o, a, b) -> refreshResult());
        // a cancelled run leaves no trace: the tables stop saying "running…"
        model.runningProperty().addListener((o, a, b) -> {
            if (!b && model.getTrace() == null) {
                refreshResult();
            }
        });
        model.scenarioProperty().addListener((o, a, b) -> refresh());
        warmUp = TablesWarmUp.install(model, this);
        tables.modeProperty().addListener((o, a, b) -> {
            pseudoClassStateChanged(STARTING_ROWS, tables.isStartingRows());
            refresh();
        });
        refresh();
    }

    /** The pane's view model: its mode and the starting-row edits. */
    public TablesModel tablesModel() {
        return tables;
    }

    /** "Starting rows" | "Run result": which one the pane shows, and so what its edits change. */
    private Node modeToggle() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton starting = new ToggleButton("Starting rows");
        starting.setId("tables-starting-rows");
        starting.setTooltip(new Tooltip("The data every run begins with: edits here change it"));
        ToggleButton result = new ToggleButton("Run result");
        result.setId("tables-run-result");
        result.setTooltip(new Tooltip("The tables after the statement shown, or after the run: edits here add session steps"));
        starting.setToggleGroup(group);
        result.setToggleGroup(group);
        starting.getStyleClass().addAll(atlantafx.base.theme.Styles.LEFT_PILL, atlantafx.base.theme.Styles.SMALL);
        result.getStyleClass().addAll(atlantafx.base.theme.Styles.RIGHT_PILL, atlantafx.base.theme.Styles.SMALL);
        Runnable follow = () -> (tables.isStartingRows() ? starting : result).setSelected(true);
        follow.run();
        tables.modeProperty().addListener((o, a, b) -> follow.run());
        starting.setOnAction(e -> {
            tables.showStartingRows();
            follow.run();
        });
        result.setOnAction(e -> {
            tables.showResult();
            follow.run();
        });
        starting.setMinWidth(Region.USE_PREF_SIZE);
        result.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(starting, result);
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.getStyleClass().add("tables-mode");
        return box;
    }

    private void refreshResult() {
        if (!tables.isStartingRows()) {
            refresh();
        }
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
        legend.getChildren().addAll(orm, inserted, db, arrow);
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
        Supplier<Map<String, List<RowState>>> work;
        String text;
        if (tables.isStartingRows()) {
            work = () -> TableReplay.untouched(s, null);
            text = "the starting rows (the scenario's data before any step)";
        } else if (trace == null) {
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

    static int size(Scenario s, Trace trace) {
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
        Map<String, Integer> live = new HashMap<>();
        tables.forEach((name, rows) -> live.put(name, (int) rows.stream().filter(r -> !r.isDeleted()).count()));
        Map<String, List<RowState>> drawn = new LinkedHashMap<>();
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
        boolean starting = tables.isStartingRows();
        drawn.forEach((name, rows) -> content.getChildren().add(
                tableCard(s, name, rows, all.get(name), live.get(name), starting)));
        if (firstCurrent != null) {
            Node target = firstCurrent;
            Platform.runLater(() -> scrollIntoView(target));
        }
    }

    /** Shows the starting rows (the pane's own mode, where they are edited) with that table's card in view. */
    public void showStartingRowsOf(String table) {
        tables.showStartingRows();
        Platform.runLater(() -> {
            Node grid = content.lookup("#table-" + table);
            if (grid != null) {
                firstCurrent = grid;
                scrollIntoView(grid);
            }
        });
    }

    /** Scrolls the pane so a big table's card is in view. */
    private void scrollCardIntoView(Node table) {
        firstCurrent = table;
        lastCurrent = table;
        Platform.runLater(() -> scrollIntoView(table));
    }

    /** Whether a big run's tables are drawn (then their cards need no warm-up). */
    boolean showsBigTables() {
        return big.attached();
    }

    /**
     * What readies a big run's card code, off screen, with a sample scenario's starting rows while
     * the window is still empty (see {@code EmptyWindowWarmUp}): pieces of a pulse each. A big
     * file opened shows its starting rows in such cards straight away.
     */
    public List<Runnable> warmUpPieces(Scenario sample) {
        try {
            return warmUp.cardPieces(sample, TableReplay.untouched(sample, null));
        } catch (RuntimeException e) {
            return List.of(); // a sample the tables cannot show: no warm-up from it
        }
    }

    /** The warm-up of a big run's cards (tests). */
    TablesWarmUp warmUp() {
        return warmUp;
    }

    /** Every row of a big run's table as drawn (tests); empty for a small run's grid. */
    List<RowState> bigRows(String table) {
        return big.rows(table);
    }

    /** Scrolls the tables so the node (a cell of a row the current statement changed) is in view. */
    private void scrollIntoView(Node node) {
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
        Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        Bounds last = lastCurrent == null || lastCurrent.getScene() == null ? b
                : content.sceneToLocal(lastCurrent.localToScene(lastCurrent.getBoundsInLocal()));
        double top = scroll.getVvalue() * (contentHeight - viewport);
        if (b.getMinY() >= top && last.getMaxY() <= top + viewport) {
            return;
        }
        // the first changed row near the top, a row or two of context above it
        double y = Math.max(0, b.getMinY() - Math.min(viewport / 6, 3 * b.getHeight()));
        scroll.setVvalue(Math.min(1, y / (contentHeight - viewport)));
    }

    private VBox tableCard(Scenario s, String name, List<RowState> rows, List<RowState> all, int live, boolean starting) {
        int total = all.size();
        Table table = s.table(name);
        Label title = new Label(name + (starting ? "  (" + total + (total == 1 ? " starting row)" : " starting rows)")
                : "  (" + live + " of " + total + " rows)"));
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
            grid.getColumnConstraints().add(new ColumnConstraints());
        }
        ColumnConstraints noteColumn = new ColumnConstraints();
        noteColumn.setHgrow(Priority.ALWAYS);
        noteColumn.setMinWidth(160);
        grid.getColumnConstraints().add(noteColumn);
        int r = 1;
        String previousNote = null;
        for (RowState row : rows) {
            String note = row.note();
            String noteText = !note.isEmpty() && note.equals(previousNote) ? SAME_AS_ABOVE : note;
            if (starting) {
                addStartingRow(grid, name, columns, row, all.indexOf(row), r++);
            } else {
                addRow(grid, name, columns, row, r++, noteText);
            }
            previousNote = note;
        }
        VBox card = new VBox(4, title, grid);
        if (starting && table != null) {
            card.getChildren().add(StartingRowControls.addButton(tables, name));
        }
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
                cell.setOnContextMenuRequested(Event::consume);
                cell.setOnMousePressed(e -> {
                    if (e.getButton() != MouseButton.SECONDARY) {
                        return;
                    }
                    ContextMenu cm = new ContextMenu();
                    // a row the run inserted is no starting row a step can name (its key may be the
                    // database's): only "a new one like it", as its ⋯ menu is disabled
                    if (row.before() != null) {
                        cm.getItems().addAll(RowActions.menuItems(model, table, row.shown()));
                    }
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
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.getStyleClass().add("row-note");
        styleRow(note, row);
        note.pseudoClassStateChanged(DELETED, false);
        grid.add(note, columns.size() + 1, r);
    }

    /** A starting row: its cells edited in place, its ⋯ menu deleting it or adding another; {@code index} its place in the file. */
    private void addStartingRow(GridPane grid, String table, List<String> columns, RowState row, int index, int r) {
        MenuButton menu = new MenuButton("⋯");
        menu.getStyleClass().addAll("row-actions", atlantafx.base.theme.Tweaks.NO_ARROW, atlantafx.base.theme.Styles.FLAT);
        menu.setMnemonicParsing(false);
        menu.setId("starting-row-" + table + "-" + index);
        menu.getItems().setAll(StartingRowControls.rowMenu(tables, table, index));
        grid.add(menu, 0, r);
        for (int c = 0; c < columns.size(); c++) {
            String column = columns.get(c);
            Label cell = new Label(row.cellText(column));
            cell.getStyleClass().addAll("table-cell-label", "starting-cell");
            cell.setMaxWidth(Double.MAX_VALUE);
            cell.setMinWidth(Region.USE_PREF_SIZE);
            cell.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2) {
                    StartingRowControls.editInPlace(tables, grid, cell, table, index, column, row.shown().get(column));
                }
            });
            // the row's menu on a right-click too, as in the run result (on the press: Monocle sends no context-menu request)
            cell.setOnContextMenuRequested(Event::consume);
            cell.setOnMousePressed(e -> {
                if (e.getButton() == MouseButton.SECONDARY) {
                    new ContextMenu(StartingRowControls.rowMenu(tables, table, index).toArray(MenuItem[]::new))
                            .show(cell, e.getScreenX(), e.getScreenY());
                    e.consume();
                }
            });
            grid.add(cell, c + 1, r);
        }
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
