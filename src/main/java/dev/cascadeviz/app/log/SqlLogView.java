package dev.cascadeviz.app.log;

import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceStatement;
import dev.cascadeviz.workbench.EchoLog;
import dev.cascadeviz.workbench.LoadedRows;
import java.util.Collections;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;

/**
 * The SQL the ORM sent, as SQLAlchemy's echo log prints it, keywords highlighted; a count of
 * statements and of rows loaded into the session; copy all. In step-through the current
 * statement's lines are marked and scrolled into view, with why the ORM sent it.
 */
public final class SqlLogView extends VBox {

    public static final String STYLE = "sql-log";

    private final WorkspaceModel model;
    private final CodeArea area = new CodeArea();
    private final Label counts = new Label();
    private final Hyperlink cause = new Hyperlink();
    private TraceStatement shown;
    private EchoLog log = EchoLog.of(null, List.of());

    public SqlLogView(WorkspaceModel model) {
        this.model = model;
        getStyleClass().add(STYLE);
        setId("sql-log");
        area.setEditable(false);
        area.setId("sql-log-area");
        area.getStyleClass().add("sql-log-area");
        counts.setId("sql-counts");
        counts.getStyleClass().add("sql-counts");
        cause.setId("sql-cause");
        cause.getStyleClass().add("sql-cause");
        cause.setWrapText(true);
        cause.managedProperty().bind(cause.visibleProperty());
        cause.setTooltip(new Tooltip("Show the relationship and setting that caused it"));
        cause.setOnAction(e -> {
            cause.setVisited(false);
            if (shown != null) {
                model.showCause(shown.why());
            }
        });
        area.caretPositionProperty().addListener((o, a, b) -> showCauseAtCaret());
        Button copy = new Button("Copy all");
        copy.setId("copy-sql");
        copy.setOnAction(e -> copyAll());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label title = new Label("SQL log");
        title.setTooltip(new Tooltip("What create_engine(..., echo=True) would print"));
        title.getStyleClass().add("pane-title");
        HBox bar = new HBox(8, title, spacer, copy);
        bar.getStyleClass().add("pane-bar");
        VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        area.setWrapText(true);
        getChildren().addAll(bar, counts, scroll, cause);
        model.traceProperty().addListener((o, a, b) -> refresh());
        model.stepProperty().addListener((o, a, b) -> markCurrent());
        model.runningProperty().addListener((o, a, b) -> refreshCounts());
        refresh();
    }

    private void refresh() {
        Trace trace = model.getTrace();
        log = EchoLog.of(trace, model.steps());
        marked = null;
        area.replaceText(log.text());
        if (!log.text().isEmpty()) {
            area.setStyleSpans(0, SqlHighlighter.spans(log.text()));
        }
        refreshCounts();
        markCurrent();
    }

    private void refreshCounts() {
        Trace trace = model.getTrace();
        if (trace == null) {
            counts.setText(model.isRunning() ? "running…" : "");
        } else if (trace.statements().isEmpty()) {
            counts.setText("no SQL emitted");
        } else {
            int rows = LoadedRows.total(trace);
            int n = trace.statements().size();
            counts.setText(n + (n == 1 ? " statement" : " statements")
                    + (rows < 0 ? "" : "  ·  " + rows + (rows == 1 ? " row" : " rows") + " loaded into the session"));
        }
    }

    /** The paragraphs marked as the current statement, to unmark (not every paragraph of a long log). */
    private int[] marked;

    private void markCurrent() {
        if (marked != null) {
            for (int p = marked[0]; p <= marked[1] && p < area.getParagraphs().size(); p++) {
                area.setParagraphStyle(p, Collections.emptyList());
            }
            marked = null;
        }
        Trace trace = model.getTrace();
        int step = model.getStep();
        showCause(null);
        if (trace == null || step <= 0 || step > log.statementCount()) {
            return;
        }
        int[] lines = log.statementLines().get(step - 1);
        for (int p = lines[0]; p <= lines[1] && p < area.getParagraphs().size(); p++) {
            area.setParagraphStyle(p, Collections.singleton("current-statement"));
        }
        marked = lines;
        area.showParagraphInViewport(lines[0]);
        showCause(trace.statements().get(step - 1));
    }

    /** Outside step-through, the statement under the caret has its cause shown. */
    private void showCauseAtCaret() {
        Trace trace = model.getTrace();
        if (trace == null || model.getStep() > 0) {
            return;
        }
        int paragraph = area.getCurrentParagraph();
        List<int[]> lines = log.statementLines();
        for (int i = 0; i < lines.size() && i < trace.statements().size(); i++) {
            if (paragraph >= lines.get(i)[0] && paragraph <= lines.get(i)[1]) {
                showCause(trace.statements().get(i));
                return;
            }
        }
        showCause(null);
    }

    private void showCause(TraceStatement s) {
        shown = s != null && s.cause() != null ? s : null;
        cause.setVisible(shown != null);
        if (shown != null) {
            cause.setText("Why: " + shown.cause());
        }
    }

    private void copyAll() {
        ClipboardContent c = new ClipboardContent();
        c.putString(area.getText());
        Clipboard.getSystemClipboard().setContent(c);
    }

    /** The log's text, as shown. */
    public String text() {
        return area.getText();
    }

    public String countsText() {
        return counts.getText();
    }
}
