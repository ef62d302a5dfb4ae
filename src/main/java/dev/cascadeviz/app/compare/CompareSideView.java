package dev.cascadeviz.app.compare;

import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceAgreement;
import dev.cascadeviz.trace.TraceComparison.Side;
import dev.cascadeviz.trace.TraceComparison;
import dev.cascadeviz.trace.TraceStatement;
import dev.cascadeviz.workbench.Comparison;
import dev.cascadeviz.workbench.EchoLog;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One side of the compare view: its configuration, its figures (those that differ from the
 * other side's marked), the SQL it sent (statements only it sent marked) and the tables after
 * the run (rows only it has, or has with other values, marked).
 */
final class CompareSideView extends VBox {

    /** A statement as the list shows it. */
    record Item(int number, TraceStatement statement, TraceComparison.StatementStatus status) {
    }

    private final Side side;
    private final String key;
    private final Label heading = new Label();
    private final GridPane metrics = new GridPane();
    private final ListView<Item> sql = new ListView<>();
    private final Label outcome = new Label();
    private final VBox tables = new VBox(10);

    CompareSideView(Side side) {
        this.side = side;
        this.key = side.name().toLowerCase(Locale.ROOT);
        getStyleClass().add("compare-side");
        setId("compare-" + key);
        setSpacing(6);
        heading.getStyleClass().add("compare-side-heading");
        heading.setWrapText(true);
        heading.setMinHeight(Region.USE_PREF_SIZE);
        metrics.getStyleClass().add("compare-metrics");
        metrics.setHgap(10);
        metrics.setVgap(2);
        sql.setId("compare-sql-" + key);
        sql.getStyleClass().add("compare-sql");
        sql.setCellFactory(v -> new StatementCell());
        sql.setPlaceholder(new Label("no SQL"));
        outcome.getStyleClass().add("compare-outcome");
        outcome.setWrapText(true);
        outcome.setMinHeight(Region.USE_PREF_SIZE);
        tables.getStyleClass().add("compare-tables");
        tables.setId("compare-tables-" + key);
        ScrollPane tableScroll = new ScrollPane(tables);
        tableScroll.setFitToWidth(true);
        VBox sqlBox = new VBox(4, section("SQL sent"), sql, outcome);
        VBox.setVgrow(sql, Priority.ALWAYS);
        VBox tableBox = new VBox(4, section("Tables after the run"), tableScroll);
        VBox.setVgrow(tableScroll, Priority.ALWAYS);
        SplitPane split = new SplitPane(sqlBox, tableBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(heading, metrics, split);
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("compare-section");
        return l;
    }

    void showRun(String label) {
        heading.setText(label);
        metrics.getChildren().clear();
        sql.getItems().clear();
        tables.getChildren().clear();
        outcome.setText("");
    }

    void show(Comparison c) {
        heading.setText(c.run(side).label());
        showMetrics(c.metrics());
        TraceComparison diff = c.diff();
        Trace trace = c.trace(side);
        List<TraceComparison.StatementStatus> status = diff.statements(side);
        sql.getItems().clear();
        for (int i = 0; i < trace.statements().size(); i++) {
            sql.getItems().add(new Item(i + 1, trace.statements().get(i), status.get(i)));
        }
        outcome.setText(trace.error() == null
                ? "The steps completed."
                : trace.error().type() + (trace.error().step() == null ? " when the mappers configure" : " at step "
                        + (trace.error().step() + 1)) + ": " + trace.error().message());
        outcome.pseudoClassStateChanged(CompareStyles.ONLY_HERE, trace.error() != null);
        outcome.pseudoClassStateChanged(CompareStyles.DIFFERS, !diff.sameError());
        tables.getChildren().clear();
        for (TraceComparison.TableDiff t : diff.tables()) {
            tables.getChildren().add(table(t));
        }
    }

    private void showMetrics(List<Comparison.Metric> list) {
        metrics.getChildren().clear();
        // one figure a line, its value wrapped in the room left: never cut off ("IntegrityError at s…")
        if (metrics.getColumnConstraints().isEmpty()) {
            ColumnConstraints names = new ColumnConstraints();
            names.setMinWidth(Region.USE_PREF_SIZE);
            ColumnConstraints values = new ColumnConstraints();
            values.setHgrow(Priority.ALWAYS);
            metrics.getColumnConstraints().setAll(names, values);
        }
        for (int i = 0; i < list.size(); i++) {
            Comparison.Metric m = list.get(i);
            Label name = new Label(m.name());
            name.getStyleClass().add("compare-metric-name");
            Label value = new Label(side == Side.LEFT ? m.left() : m.right());
            value.setWrapText(true);
            value.setMinHeight(Region.USE_PREF_SIZE);
            value.getStyleClass().add("compare-metric-value");
            value.setId("metric-" + key + "-" + m.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-"));
            value.pseudoClassStateChanged(CompareStyles.DIFFERS, m.differs());
            name.pseudoClassStateChanged(CompareStyles.DIFFERS, m.differs());
            Tooltip.install(name, new Tooltip(m.tip()));
            metrics.add(name, 0, i);
            metrics.add(value, 1, i);
        }
    }

    private VBox table(TraceComparison.TableDiff t) {
        List<TraceComparison.RowDiff> rows = t.side(side);
        Label title = new Label(t.table() + "  (" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
        title.getStyleClass().add("compare-table-title");
        title.pseudoClassStateChanged(CompareStyles.DIFFERS, t.differs());
        GridPane grid = new GridPane();
        grid.getStyleClass().add("compare-table");
        List<String> columns = rows.isEmpty() ? List.of() : List.copyOf(rows.get(0).row().keySet());
        for (int c = 0; c < columns.size(); c++) {
            Label h = new Label(columns.get(c));
            h.getStyleClass().add("compare-header");
            h.setMaxWidth(Double.MAX_VALUE);
            grid.add(h, c, 0);
        }
        for (int r = 0; r < rows.size(); r++) {
            TraceComparison.RowDiff row = rows.get(r);
            for (int c = 0; c < columns.size(); c++) {
                Object v = row.row().get(columns.get(c));
                Label cell = new Label(v == null ? "NULL" : String.valueOf(v));
                cell.getStyleClass().addAll(CompareStyles.CELL, CompareStyles.ROW);
                cell.setMaxWidth(Double.MAX_VALUE);
                CompareStyles.mark(cell, row.status());
                cell.pseudoClassStateChanged(CompareStyles.DIFFERS, row.changedColumns().contains(columns.get(c)));
                grid.add(cell, c, r + 1);
            }
        }
        if (rows.isEmpty()) {
            grid.add(new Label("no rows"), 0, 0);
        }
        VBox box = new VBox(2, title, grid);
        box.setId("compare-table-" + key + "-" + t.table());
        return box;
    }

    Label heading() {
        return heading;
    }

    ListView<Item> sqlList() {
        return sql;
    }

    /** A statement: its number, SQL with white space folded, parameters as Python prints them. */
    private final class StatementCell extends ListCell<Item> {

        private final Label text = new Label();

        StatementCell() {
            getStyleClass().add(CompareStyles.STATEMENT);
            text.setWrapText(true);
            text.getStyleClass().add("code");
            text.maxWidthProperty().bind(sql.widthProperty().subtract(34));
            text.prefWidthProperty().bind(text.maxWidthProperty());
            text.setMinHeight(Region.USE_PREF_SIZE);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Item item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                CompareStyles.mark(this, TraceComparison.StatementStatus.SAME);
                return;
            }
            TraceStatement s = item.statement();
            String params = EchoLog.params(s);
            text.setText(item.number() + ".  " + TraceAgreement.foldWhitespace(s.sql()) + "\n     " + params
                    + (s.many() ? "   (executemany)" : ""));
            setGraphic(text);
            CompareStyles.mark(this, item.status());
            setTooltip(new Tooltip(switch (item.status()) {
                case SAME -> "Both sides sent this statement.";
                case OTHER_PARAMETERS -> "The other side sent this statement with other parameters.";
                case ONLY_HERE -> "Only this side sent this statement.";
            } + (s.cause() == null ? "" : "\n" + s.cause())));
        }
    }
}
