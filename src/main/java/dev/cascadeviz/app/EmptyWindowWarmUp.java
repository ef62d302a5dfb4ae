package dev.cascadeviz.app;

import dev.cascadeviz.app.pulse.PulsePieces;
import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.threads.BackgroundThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.stage.Window;

/**
 * Readies the views' code while the window is still empty. Started with a big file, the window
 * shows nothing while the file is read in the background, and then every view met a big model
 * for the first time in that JVM: the graph's cards and the tables' cards were cold code, their
 * CSS and layout run in the interpreter, in the events that hold the JavaFX thread longest at
 * open (the 37,449-row benchmark opened into an empty window, conformance/bench-window-run.sh
 * with -Dbench.cold=true). Here a small sample scenario (the built-in default, read on a
 * background thread) is handed to each view, which makes, styles and draws its cards for it in a
 * scene of its own that no one sees, a piece a pulse. A window that shows a scenario first (the
 * application started without a file shows the default lesson) readies nothing: that scenario's
 * views are the warm-up. Once a window; it stops as soon as a scenario is shown.
 */
final class EmptyWindowWarmUp {

    private final WorkspaceModel model;
    private final Callable<Scenario> sample;
    private final List<Function<Scenario, List<Runnable>>> views;
    /** A scenario shown stops it: its own views are made now. */
    private final PulsePieces pieces = new PulsePieces(this::wanted, () -> gaveUp = true);
    private boolean started;
    private volatile boolean done;
    /** A piece failed: the rest is left to the views' own time. */
    private volatile boolean gaveUp;

    private EmptyWindowWarmUp(WorkspaceModel model, Callable<Scenario> sample, List<Function<Scenario, List<Runnable>>> views) {
        this.model = model;
        this.sample = sample;
        this.views = views;
    }

    /**
     * Readies the views with the sample once, when the window first shows with no scenario.
     * @param views each view's warm-up: the pieces it readies itself with for a sample scenario
     */
    static EmptyWindowWarmUp install(Window window, WorkspaceModel model, Callable<Scenario> sample,
            List<Function<Scenario, List<Runnable>>> views) {
        EmptyWindowWarmUp w = new EmptyWindowWarmUp(model, sample, views);
        window.showingProperty().addListener((o, a, b) -> {
            if (b) {
                w.start();
            }
        });
        if (window.isShowing()) {
            w.start();
        }
        return w;
    }

    /** Whether the warm-up has run to its end (tests). */
    boolean done() {
        return done;
    }

    /** Whether it has been started (tests). */
    boolean started() {
        return started;
    }

    /** Whether a piece failed and the rest was dropped (tests). */
    boolean gaveUp() {
        return gaveUp;
    }

    private boolean wanted() {
        return !done && !gaveUp && model.getScenario() == null;
    }

    private void start() {
        if (started || !wanted()) {
            return;
        }
        started = true;
        BackgroundThreads.named("cascadeviz-warmup-sample").newThread(() -> {
            Scenario s;
            try {
                s = sample.call();
            } catch (Exception | LinkageError e) {
                return; // only a warm-up: the views do without it
            }
            if (s != null) {
                Platform.runLater(() -> begin(s));
            }
        }).start();
    }

    private void begin(Scenario s) {
        if (!wanted()) {
            return;
        }
        List<Runnable> asks = new ArrayList<>();
        // each view's pieces are asked for in a piece of their own: some views' own making is work
        for (Function<Scenario, List<Runnable>> view : views) {
            asks.add(() -> pieces.runNext(view.apply(s)));
        }
        asks.add(() -> {
            done = true;
            pieces.stop();
        });
        pieces.start(asks);
    }
}
