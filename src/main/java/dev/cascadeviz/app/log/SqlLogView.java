package dev.cascadeviz.app.log;

import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.threads.BackgroundThreads;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceStatement;
import dev.cascadeviz.workbench.EchoLog;
import dev.cascadeviz.workbench.LoadedRows;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.ReadOnlyStyledDocumentBuilder;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.TextOps;
import org.fxmisc.richtext.util.UndoUtils;

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
        // the log is read-only: an undo history would keep a second copy of every log shown
        area.setUndoManager(UndoUtils.noOpUndoManager());
        segOps = area.getSegOps();
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
        // a click on a statement steps to it: the tables after it, its lines marked, why it was sent
        area.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                int statement = statementAt(area.getCurrentParagraph());
                if (statement >= 0) {
                    model.stepTo(statement + 1);
                }
            }
        });
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

    /** Statements above which the log's text and colours are worked out off the JavaFX thread (tests lower it). */
    static int workInBackgroundAbove = 300;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(BackgroundThreads.named("cascadeviz-log"));
    private long generation;

    private void refresh() {
        long gen = ++generation;
        Trace trace = model.getTrace();
        var steps = model.steps();
        feeding = false;
        if (trace == null || trace.statements().size() <= workInBackgroundAbove) {
            EchoLog l = EchoLog.of(trace, steps);
            show(l, l.text().isEmpty() ? null : SqlHighlighter.spans(l.text()));
            return;
        }
        area.replaceText("");
        log = EchoLog.of(null, List.of());
        marked = null;
        feeding = true;
        counts.setText("writing the log of " + trace.statements().size() + " statements…");
        TextOps<String, Collection<String>> ops = segOps;
        worker.submit(() -> {
            EchoLog l = EchoLog.of(trace, steps);
            List<Piece> pieces = new ArrayList<>();
            for (String part : chunks(l.text())) {
                pieces.add(document(part, ops));
            }
            Platform.runLater(() -> feed(gen, l, pieces, 0));
        });
    }

    /** The log area's segment operations (stateless): the worker builds documents with them. */
    private final TextOps<String, Collection<String>> segOps;

    /** A piece of a big log as the area holds it, built off the JavaFX thread: its lines, coloured. */
    private record Piece(ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> document) {
    }

    /**
     * The text as a styled document, a paragraph a line, each coloured as {@link SqlHighlighter}
     * colours it (its patterns never cross a line end). Putting such a document in is all the
     * JavaFX thread does: turning text into paragraphs and then restyling them there cost it
     * some 400 ms of CPU over the benchmark's log.
     */
    private static Piece document(String text, TextOps<String, Collection<String>> ops) {
        ReadOnlyStyledDocumentBuilder<Collection<String>, String, Collection<String>> b =
                new ReadOnlyStyledDocumentBuilder<>(ops, Collections.emptyList());
        int start = 0;
        while (true) {
            int end = text.indexOf('\n', start);
            String line = end < 0 ? text.substring(start) : text.substring(start, end);
            if (line.isEmpty()) {
                b.addParagraph(line, Collections.<String>emptyList());
            } else {
                b.addParagraph(line, SqlHighlighter.spans(line));
            }
            if (end < 0) {
                return new Piece(b.build());
            }
            start = end + 1;
        }
    }

    /** Lines put into the log per pulse: a whole big log at once kept the JavaFX thread for a quarter second and more. */
    static int linesPerPulse = 500;

    /** The text cut at line ends into pieces of {@link #linesPerPulse} lines. */
    static List<String> chunks(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int lines = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n' && ++lines == linesPerPulse) {
                out.add(text.substring(start, i + 1));
                start = i + 1;
                lines = 0;
            }
        }
        if (start < text.length() || out.isEmpty()) {
            out.add(text.substring(start));
        }
        return out;
    }

    /** Appends piece {@code i} and its colours, then the next piece on a later pulse; the log is whole after the last. */
    private void feed(long gen, EchoLog l, List<Piece> pieces, int i) {
        if (gen != generation) {
            return;
        }
        int at = area.getLength();
        int caret = area.getCaretPosition();
        area.replace(at, at, pieces.get(i).document());
        // the caret (at the end of the text so far, when the piece came in there) and the view
        // stay where the reader is, not at the end of the piece
        area.moveTo(caret);
        if (i == 0) {
            area.showParagraphAtTop(0);
        }
        if (i + 1 < pieces.size()) {
            counts.setText("writing the log… " + (i + 1) * linesPerPulse + " lines");
            Platform.runLater(() -> feed(gen, l, pieces, i + 1));
            return;
        }
        log = l;
        marked = null;
        feeding = false;
        refreshCounts();
        markCurrent();
    }

    /** True while a big log is being fed in: the counts line says so until it is whole. */
    private boolean feeding;

    private void show(EchoLog l, StyleSpans<Collection<String>> spans) {
        log = l;
        marked = null;
        area.replaceText(l.text());
        if (spans != null) {
            area.setStyleSpans(0, spans);
        }
        refreshCounts();
        markCurrent();
    }

    private void refreshCounts() {
        if (feeding) {
            return;
        }
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
        if (log.statementCount() > workInBackgroundAbove) {
            // a paragraph style is a change of the document, which RichTextFX checks against the
            // whole text: on a log of thousands of statements that took seconds a step. A
            // selection marks the lines without changing the document.
            int last = Math.min(lines[1], area.getParagraphs().size() - 1);
            area.selectRange(lines[0], 0, last, area.getParagraphLength(last));
        } else {
            for (int p = lines[0]; p <= lines[1] && p < area.getParagraphs().size(); p++) {
                area.setParagraphStyle(p, Collections.singleton("current-statement"));
            }
            marked = lines;
        }
        // the whole statement in view, one line of what came before above it
        area.showParagraphAtTop(Math.max(0, lines[0] - 1));
        showCause(trace.statements().get(step - 1));
    }

    /** The index of the statement whose lines hold the paragraph, or -1. */
    private int statementAt(int paragraph) {
        Trace trace = model.getTrace();
        List<int[]> lines = log.statementLines();
        for (int i = 0; trace != null && i < lines.size() && i < trace.statements().size(); i++) {
            if (paragraph >= lines.get(i)[0] && paragraph <= lines.get(i)[1]) {
                return i;
            }
        }
        return -1;
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
