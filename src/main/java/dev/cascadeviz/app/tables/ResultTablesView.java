package dev.cascadeviz.app.tables;

import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.workbench.RowState.Source;
import dev.cascadeviz.workbench.RowState;
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
 * statement; after a failed run, the tables rolled back.
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
     */
    static final int MAX_ROWS_SHOWN = 100;

    private final WorkspaceModel model;
    private final Tooltip rowActionsTip = new Tooltip("Run a session call on this row");
    private final VBox content = new VBox(12);
    private final Label state = new Label();

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
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(bar, legend(), scroll);
        model.traceProperty().addListener((o, a, b) -> refresh());
        model.stepProperty().addListener((o, a, b) -> refresh());
        model.scenarioProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private static FlowPane legend() {
        FlowPane legend = new FlowPane(10, 4);
        legend.getStyleClass().add("tables-legend");
        Label orm = new Label("deleted / changed by the ORM's statements");
        orm.getStyleClass().addAll("legend-item", "legend-orm");
        Label db = new Label("by the database itself (ON DELETE / ON UPDATE rule)");
        db.getStyleClass().addAll("legend-item", "legend-db");
        Label arrow = new Label("old → new: a changed value");
        arrow.getStyleClass().add("legend-item");
        Label actions = new Label("⋯ on a row: delete it, or unlink it from its parent");
        actions.getStyleClass().add("legend-item");
        legend.getChildren().addAll(orm, db, arrow, actions);
        return legend;
    }

    private void refresh() {
        content.getChildren().clear();
        Scenario s = model.getScenario();
        if (s == null) {
            return;
        }
        Trace trace = model.getTrace();
        int step = model.getStep();
        Map<String, List<RowState>> tables;
        if (trace == null) {
            tables = TableReplay.untouched(s, null);
            state.setText(model.isRunning() ? "before the run (running…)" : "before the run");
        } else if (step >= 0) {
            tables = TableReplay.after(s, trace, step);
            state.setText(step == 0 ? "before the first statement"
                    : "after statement " + step + " of " + trace.statements().size()
                    + (trace.error() != null ? " (the run later rolls back)" : ""));
        } else if (trace.error() != null) {
            tables = TableReplay.outcome(s, trace);
            state.setText("rolled back: every table is as it was before the run");
        } else {
            tables = TableReplay.outcome(s, trace);
            state.setText("after the run, compared with before");
        }
        tables.forEach((name, rows) -> content.getChildren().add(tableCard(s, name, rows)));
    }

    private VBox tableCard(Scenario s, String name, List<RowState> rows) {
        Table table = s.table(name);
        Label title = new Label(name + "  (" + rows.stream().filter(r -> !r.isDeleted()).count() + " of " + rows.size() + " rows)");
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
        int r = 1;
        for (RowState row : shown(rows)) {
            addRow(grid, name, columns, row, r++);
        }
        VBox card = new VBox(4, title, grid);
        if (rows.size() > MAX_ROWS_SHOWN) {
            Label more = new Label("… " + (rows.size() - MAX_ROWS_SHOWN) + " more rows not drawn (changed rows are drawn first)");
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
            if (picked.size() < MAX_ROWS_SHOWN && (row.isDeleted() || !row.changedCells().isEmpty() || row.isCurrent())) {
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

    private void addRow(GridPane grid, String table, List<String> columns, RowState row, int r) {
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
            Source changed = row.changedCells().get(column);
            if (changed != null) {
                cell.pseudoClassStateChanged(CHANGED, true);
                cell.pseudoClassStateChanged(changed == Source.DATABASE ? BY_DATABASE : BY_ORM, true);
            }
            if (!actions.isEmpty() && !row.isDeleted()) {
                // built when asked for: a popup per cell would cost more than the table itself
                cell.setOnContextMenuRequested(e -> {
                    ContextMenu cm = new ContextMenu();
                    cm.getItems().addAll(RowActions.menuItems(model, table, row.shown()));
                    cm.show(cell, e.getScreenX(), e.getScreenY());
                    e.consume();
                });
            }
            grid.add(cell, c + 1, r);
        }
        Label note = new Label(row.note());
        if (note.getText().length() > 40) {
            note.setTooltip(new Tooltip(note.getText()));
        }
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
