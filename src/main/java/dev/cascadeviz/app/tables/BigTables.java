package dev.cascadeviz.app.tables;

import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.workbench.RowState;
import dev.cascadeviz.workbench.TableReplay;
import dev.cascadeviz.workbench.TableTimeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The result tables of a big run: one virtualized {@link RowTable} a table, fed from a worker
 * thread. The worker works out the tables (before the run, after it, or after a statement,
 * through a {@link TableTimeline} kept for the trace) and hands the JavaFX thread either every
 * row (a new trace, or the whole outcome) or, for a step, only the rows the step changed, which
 * the JavaFX thread puts in place: a step costs it what the statement changed, not the tables'
 * size. Requests made faster than the worker answers are merged: only the newest is worked out.
 */
final class BigTables {

    /** What the tables should show. */
    record Request(Scenario scenario, Trace trace, int step, String text) {
    }

    /** What the worker hands over: every row ({@code full}) or the rows one move changed. */
    private record Answer(long epoch, Scenario scenario, String text, Map<String, List<RowState>> full,
                          Map<String, Integer> live, TableTimeline.Move move) {
    }

    private final WorkspaceModel model;
    private final VBox content;
    private final Label state;
    private final Consumer<RowTable> scrollTo;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cascadeviz-tables");
        t.setDaemon(true);
        return t;
    });
    private record Pending(Request request, long epoch) {
    }

    private final AtomicReference<Pending> latest = new AtomicReference<>();
    /** JavaFX thread: bumped whenever the tables drawn stop being the ones the worker's answers build on. */
    private long epoch;
    private final Map<String, RowTable> tables = new LinkedHashMap<>();
    private final Map<String, Label> titles = new LinkedHashMap<>();
    private Scenario drawnFor;

    // worker thread only
    private long answeredEpoch = -1;
    private boolean viewHoldsTimeline;
    private Trace timelineTrace;
    private TableTimeline timeline;
    private Trace outcomeTrace;
    private Map<String, List<RowState>> outcome;

    BigTables(WorkspaceModel model, VBox content, Label state, Consumer<RowTable> scrollTo) {
        this.model = model;
        this.content = content;
        this.state = state;
        this.scrollTo = scrollTo;
    }

    /** The tables drawn here are no longer on screen (the small grids took over). */
    void detach() {
        epoch++;
        tables.clear();
        titles.clear();
        drawnFor = null;
    }

    boolean attached() {
        return drawnFor != null;
    }

    /** Asks for the tables of {@code r}; the JavaFX thread goes on at once. */
    void request(Request r) {
        state.setText(r.text() + "  (working it out…)");
        latest.set(new Pending(r, epoch));
        worker.submit(this::work);
    }

    // ------------------------------------------------------------------ worker

    private void work() {
        Pending p = latest.getAndSet(null);
        if (p == null) {
            return;
        }
        Request r = p.request();
        long e = p.epoch();
        boolean fresh = answeredEpoch != e;
        answeredEpoch = e;
        Answer a;
        if (r.trace() == null) {
            viewHoldsTimeline = false;
            a = full(e, r, TableReplay.untouched(r.scenario(), null));
        } else if (r.step() >= 0) {
            if (timelineTrace != r.trace()) {
                timeline = TableTimeline.start(r.scenario(), r.trace());
                timelineTrace = r.trace();
                viewHoldsTimeline = false;
            }
            TableTimeline.Move move = timeline.moveTo(r.step());
            if (viewHoldsTimeline && !fresh) {
                a = new Answer(e, r.scenario(), r.text(), null, null, move);
            } else {
                a = full(e, r, timeline.snapshot());
                viewHoldsTimeline = true;
            }
        } else {
            if (outcomeTrace != r.trace()) {
                outcome = TableReplay.outcome(r.scenario(), r.trace());
                outcomeTrace = r.trace();
            }
            viewHoldsTimeline = false;
            a = full(e, r, outcome);
        }
        Platform.runLater(() -> show(a));
    }

    private static Answer full(long e, Request r, Map<String, List<RowState>> rows) {
        Map<String, Integer> live = new LinkedHashMap<>();
        rows.forEach((t, list) -> live.put(t, (int) list.stream().filter(x -> !x.isDeleted()).count()));
        return new Answer(e, r.scenario(), r.text(), rows, live, null);
    }

    // ------------------------------------------------------------------ JavaFX thread

    private void show(Answer a) {
        if (a.epoch() != epoch) {
            return;
        }
        if (latest.get() == null) {
            state.setText(a.text());
        }
        if (a.full() != null) {
            showAll(a);
        } else {
            showMove(a.move());
        }
    }

    private void showAll(Answer a) {
        Scenario s = a.scenario();
        if (drawnFor == null || !sameTables(drawnFor, s, a.full())) {
            content.getChildren().clear();
            tables.clear();
            titles.clear();
            a.full().forEach((name, rows) -> {
                Table t = s.table(name);
                List<String> columns = t == null ? List.of() : List.copyOf(t.columns().keySet());
                RowTable table = new RowTable(model, name, columns);
                Label title = new Label();
                title.getStyleClass().add("table-title");
                VBox card = new VBox(4, title, table);
                card.getStyleClass().add("table-card");
                tables.put(name, table);
                titles.put(name, title);
                content.getChildren().add(card);
            });
        }
        drawnFor = s;
        a.full().forEach((name, rows) -> {
            RowTable table = tables.get(name);
            table.setItems(FXCollections.observableList(new ArrayList<>(rows)));
            title(name, a.live().get(name), rows.size());
        });
        scrollToCurrent(null);
    }

    private static boolean sameTables(Scenario drawn, Scenario now, Map<String, List<RowState>> rows) {
        if (!drawn.tables().keySet().equals(now.tables().keySet())) {
            return false;
        }
        for (String name : rows.keySet()) {
            Table a = drawn.table(name);
            Table b = now.table(name);
            if (a == null || b == null || !a.columns().keySet().equals(b.columns().keySet())) {
                return false;
            }
        }
        return true;
    }

    private void showMove(TableTimeline.Move move) {
        move.tables().forEach((name, change) -> {
            RowTable table = tables.get(name);
            if (table == null) {
                return;
            }
            ObservableList<RowState> items = table.getItems();
            if (items.size() > change.size()) {
                items.remove(change.size(), items.size());
            }
            for (TableTimeline.RowAt at : change.rows()) {
                if (at.index() < items.size()) {
                    items.set(at.index(), at.row());
                } else {
                    items.add(at.row());
                }
            }
            title(name, change.live(), change.size());
        });
        scrollToCurrent(move);
    }

    private void title(String name, int live, int total) {
        Label title = titles.get(name);
        if (title != null) {
            title.setText(name + "  (" + live + " of " + total + " rows)");
        }
    }

    /** Brings the first row the current statement touched into view (its table scrolled to it). */
    private void scrollToCurrent(TableTimeline.Move move) {
        for (var e : tables.entrySet()) {
            if (move != null && !move.tables().containsKey(e.getKey())) {
                continue;
            }
            List<RowState> items = e.getValue().getItems();
            int first = -1;
            if (move != null) {
                for (TableTimeline.RowAt at : move.tables().get(e.getKey()).rows()) {
                    if (at.row().isCurrent()) {
                        first = first < 0 ? at.index() : Math.min(first, at.index());
                    }
                }
            }
            if (first >= 0) {
                e.getValue().scrollTo(Math.max(0, first - 1));
                scrollTo.accept(e.getValue());
                return;
            }
        }
    }

    /** Every row of a table as drawn (for tests). */
    List<RowState> rows(String table) {
        RowTable t = tables.get(table);
        return t == null ? List.of() : List.copyOf(t.getItems());
    }
}
