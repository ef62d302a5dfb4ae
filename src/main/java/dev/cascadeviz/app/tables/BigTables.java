package dev.cascadeviz.app.tables;

import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.threads.BackgroundThreads;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.workbench.RowState;
import dev.cascadeviz.workbench.TableReplay;
import dev.cascadeviz.workbench.TableTimeline;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
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
    private final ExecutorService worker = Executors.newSingleThreadExecutor(BackgroundThreads.named("cascadeviz-tables"));
    private record Pending(Request request, long epoch) {
    }

    private final AtomicReference<Pending> latest = new AtomicReference<>();
    /** JavaFX thread: bumped whenever the tables drawn stop being the ones the worker's answers build on. */
    private long epoch;
    private final Map<String, RowTable> tables = new LinkedHashMap<>();
    /** Each table's rows (what it shows once its card is whole). */
    private final Map<String, ObservableList<RowState>> rowsOf = new LinkedHashMap<>();
    /**
     * New cards are put in over several pulses, one piece a pulse: a card with its table empty
     * (the skin and header), then its rows (a screenful of cells). A table's first CSS and layout
     * pass is the costliest moment of its life: the benchmark's six tables put in at once held the
     * JavaFX thread for 330 ms of CPU in one pulse.
     */
    private final ArrayDeque<Runnable> unshown = new ArrayDeque<>();
    /** The state line to show once the last card is in (null: nothing waiting). */
    private String textWhenShown;
    private final AnimationTimer adder = new AnimationTimer() {
        @Override
        public void handle(long now) {
            addNextCard();
        }
    };
    private final Map<String, Label> titles = new LinkedHashMap<>();
    private Scenario drawnFor;

    // worker thread only
    private long answeredEpoch = -1;
    private boolean viewHoldsTimeline;
    private Trace timelineTrace;
    private TableTimeline timeline;
    private Trace outcomeTrace;
    private Map<String, List<RowState>> outcome;
    /**
     * Every row after the first statement, worked out while the view shows the outcome and
     * nothing is asked (null: none ready): the first Next from the outcome then hands it over at
     * once instead of copying every row of the timeline (37,449 rows: some 25 ms of worker CPU).
     */
    private Map<String, List<RowState>> firstStep;

    BigTables(WorkspaceModel model, VBox content, Label state, Consumer<RowTable> scrollTo) {
        this.model = model;
        this.content = content;
        this.state = state;
        this.scrollTo = scrollTo;
    }

    /** The tables drawn here are no longer on screen (the small grids took over). */
    void detach() {
        epoch++;
        stopAdding();
        tables.clear();
        titles.clear();
        rowsOf.clear();
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
                firstStep = null;
            }
            boolean ready = firstStep != null && timeline.count() == r.step();
            TableTimeline.Move move = timeline.moveTo(r.step());
            if (viewHoldsTimeline && !fresh) {
                a = new Answer(e, r.scenario(), r.text(), null, null, move);
            } else {
                a = full(e, r, ready ? firstStep : timeline.snapshot());
                viewHoldsTimeline = true;
            }
            firstStep = null;
        } else {
            if (outcomeTrace != r.trace()) {
                outcome = TableReplay.outcome(r.scenario(), r.trace());
                outcomeTrace = r.trace();
            }
            viewHoldsTimeline = false;
            a = full(e, r, outcome);
        }
        Platform.runLater(() -> show(a));
        if (r.trace() != null && r.step() < 0 && latest.get() == null) {
            // ready before the first Previous/Next asks for it: the timeline, moved to the first statement
            if (timelineTrace != r.trace()) {
                timeline = TableTimeline.start(r.scenario(), r.trace());
                timelineTrace = r.trace();
                firstStep = null;
            }
            viewHoldsTimeline = false;
            if (firstStep == null || timeline.count() != 1) {
                timeline.moveTo(1);
                firstStep = timeline.count() == 1 ? timeline.snapshot() : null;
            }
        }
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
        if (a.full() != null) {
            showAll(a);
        } else {
            showMove(a.move());
        }
        if (!unshown.isEmpty()) {
            textWhenShown = a.text(); // said once the last card is in
        } else if (latest.get() == null) {
            state.setText(a.text());
        }
    }

    private void showAll(Answer a) {
        Scenario s = a.scenario();
        // the cards drawn must be the answer's tables: a request made as a new scenario came, before
        // its run reset the trace, pairs it with the old run's rows (the old tables drawn under the
        // new scenario's name, whose own rows then found no card)
        boolean fresh = drawnFor == null || !sameTables(drawnFor, s, a.full()) || !titles.keySet().equals(a.full().keySet());
        if (fresh) {
            content.getChildren().clear();
            stopAdding();
            tables.clear();
            titles.clear();
            rowsOf.clear();
        }
        drawnFor = s;
        a.full().forEach((name, rows) -> {
            ObservableList<RowState> list = FXCollections.observableList(new ArrayList<>(rows));
            rowsOf.put(name, list);
            if (!fresh) {
                RowTable table = tables.get(name); // null while its card waits to be put in
                if (table != null) {
                    if (table.getItems() != EMPTY) {
                        table.setItems(list);
                    }
                    table.fitRows(rows.size());
                }
                title(name, a.live().get(name), rows.size());
            }
        });
        if (fresh) {
            a.full().forEach((name, rows) -> {
                Table t = s.table(name);
                List<String> columns = t == null ? List.of() : List.copyOf(t.columns().keySet());
                Label title = title();
                titles.put(name, title);
                title(name, a.live().get(name), rows.size());
                // three pieces a card: the table made (making the six at once held the JavaFX
                // thread some 30 ms of CPU), then put in the scene (its first CSS and layout: the
                // first card's 30-60 ms), then given its rows
                AtomicReference<RowTable> made = new AtomicReference<>();
                unshown.add(() -> {
                    RowTable table = new RowTable(model, name, columns);
                    table.setItems(EMPTY);
                    table.fitRows(rowsOf.get(name).size());
                    made.set(table);
                });
                unshown.add(() -> {
                    tables.put(name, made.get());
                    content.getChildren().add(card(title, made.get()));
                });
                unshown.add(() -> tables.get(name).setItems(rowsOf.get(name)));
            });
            adder.start(); // a piece a pulse, from the next one: not in the event that built the graph or ran other views' work
        }
        scrollToCurrent(null);
    }

    /** A card's title (its text set by {@link #title(String, int, int)}). */
    static Label title() {
        Label title = new Label();
        title.getStyleClass().add("table-title");
        return title;
    }

    /** A table's card: its title above it. */
    static VBox card(Label title, RowTable table) {
        VBox card = new VBox(4, title, table);
        card.getStyleClass().add("table-card");
        return card;
    }

    /** What a table shows until its rows are put in. */
    private static final ObservableList<RowState> EMPTY = FXCollections.emptyObservableList();

    private void addNextCard() {
        Runnable piece = unshown.poll();
        if (piece != null) {
            piece.run();
        }
        if (unshown.isEmpty()) {
            adder.stop();
            if (textWhenShown != null && latest.get() == null) {
                state.setText(textWhenShown);
            }
            textWhenShown = null;
        }
    }

    private void stopAdding() {
        adder.stop();
        unshown.clear();
        textWhenShown = null;
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
            RowTable table = tables.get(name); // null while its card waits to be put in: its rows are kept all the same
            ObservableList<RowState> items = rowsOf.get(name);
            if (items == null) {
                return;
            }
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
            if (table != null) {
                table.fitRows(change.size());
            }
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
        List<RowState> rows = rowsOf.get(table);
        return rows == null ? List.of() : List.copyOf(rows);
    }
}
