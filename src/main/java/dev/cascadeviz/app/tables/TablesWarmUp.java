package dev.cascadeviz.app.tables;

import dev.cascadeviz.app.pulse.PulsePieces;
import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.workbench.RowState;
import dev.cascadeviz.workbench.TableReplay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Readies a big run's table cards while the window shows a small run and the user does nothing:
 * one {@link RowTable} of the scenario shown, with its rows, is made, styled, laid out and drawn
 * once in a scene of its own that no one sees, then dropped. A big run's cards are the only
 * views a lesson never draws (its tables are grids): the first one the window made was cold code,
 * the JavaFX classes of a table view loaded and verified, their CSS and skins run in the
 * interpreter, while the run's collections and compiling took the other core (the 37,449-row
 * benchmark opened after a lesson: the table cards' pieces were the JavaFX thread's largest
 * pieces in its stalls). Made once a window, a piece a pulse, none while a run is under way.
 */
final class TablesWarmUp {

    /** How long the window shows a finished run unchanged before the warm-up starts. */
    static final Duration IDLE = Duration.millis(1500);

    private final WorkspaceModel model;
    private final ResultTablesView pane;
    private final PauseTransition idle = new PauseTransition(IDLE);
    /** A run started, a step was asked for: the user is no longer idle. */
    private final PulsePieces pieces = new PulsePieces(this::ready, () -> done = true);
    private boolean done;

    private TablesWarmUp(WorkspaceModel model, ResultTablesView pane) {
        this.model = model;
        this.pane = pane;
        idle.setOnFinished(e -> start());
    }

    /** Warms the pane's big-table cards up once, the first time a run's outcome has been shown for a while. */
    static TablesWarmUp install(WorkspaceModel model, ResultTablesView pane) {
        TablesWarmUp w = new TablesWarmUp(model, pane);
        Runnable check = w::schedule;
        model.traceProperty().addListener((o, a, b) -> check.run());
        model.runningProperty().addListener((o, a, b) -> check.run());
        model.stepProperty().addListener((o, a, b) -> check.run());
        return w;
    }

    /** Whether the warm-up has run to its end (tests). */
    boolean done() {
        return done;
    }

    private void schedule() {
        if (done) {
            return;
        }
        stop();
        if (ready()) {
            idle.playFromStart();
        }
    }

    /** A finished small run (its replay costs the JavaFX thread next to nothing) is shown in a window on screen: the moment a user reads it. */
    private boolean ready() {
        Trace t = model.getTrace();
        return t != null && !model.isRunning() && model.getScenario() != null && !pane.showsBigTables()
                && ResultTablesView.size(model.getScenario(), t) <= ResultTablesView.bigAbove && pane.getScene() != null
                && pane.getScene().getWindow() != null && pane.getScene().getWindow().isShowing();
    }

    private void start() {
        if (done || !ready()) {
            return;
        }
        Map<String, List<RowState>> rows;
        try {
            rows = TableReplay.outcome(model.getScenario(), model.getTrace());
        } catch (RuntimeException e) {
            return; // a run the tables cannot replay: no warm-up from it
        }
        List<Runnable> card = new ArrayList<>(cardPieces(model.getScenario(), rows));
        if (card.isEmpty()) {
            return;
        }
        card.add(() -> {
            done = true;
            stop();
        });
        pieces.start(card);
    }

    /**
     * The pieces that make, style, lay out and draw, in a scene of their own, one big-run card of
     * the first of the tables with rows: each piece is a pulse's worth of the JavaFX thread. None
     * when no table has rows.
     */
    List<Runnable> cardPieces(Scenario s, Map<String, List<RowState>> rows) {
        Map.Entry<String, List<RowState>> first = rows.entrySet().stream().filter(e -> !e.getValue().isEmpty()
                && s.table(e.getKey()) != null).findFirst().orElse(null);
        if (first == null) {
            return List.of();
        }
        String name = first.getKey();
        Table t = s.table(name);
        List<RowState> items = first.getValue();
        RowTable[] table = new RowTable[1];
        VBox[] root = new VBox[1];
        // the pieces a big run's card goes in with (BigTables), then a drawing of it
        return List.of(() -> {
            table[0] = new RowTable(model, name, List.copyOf(t.columns().keySet()));
            table[0].fitRows(items.size());
        }, () -> {
            Label title = BigTables.title();
            title.setText(name);
            VBox content = new VBox(12, BigTables.card(title, table[0]));
            content.getStyleClass().add("tables-content");
            ScrollPane scroll = new ScrollPane(content);
            scroll.setFitToWidth(true);
            root[0] = new VBox(scroll);
            root[0].getStyleClass().addAll(pane.getScene().getRoot().getStyleClass());
            root[0].getStyleClass().add(ResultTablesView.STYLE);
            Scene scene = new Scene(root[0], 640, 360);
            scene.getStylesheets().setAll(pane.getScene().getStylesheets());
            root[0].applyCss();
            root[0].layout();
        }, () -> {
            table[0].setItems(FXCollections.observableArrayList(items));
            root[0].applyCss();
            root[0].layout();
        }, () -> root[0].snapshot(null, null));
    }

    private void stop() {
        idle.stop();
        pieces.stop();
    }
}
