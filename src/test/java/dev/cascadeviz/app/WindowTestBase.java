package dev.cascadeviz.app;

import dev.cascadeviz.app.library.RecentFiles;
import dev.cascadeviz.app.library.ScenarioLibrary;
import dev.cascadeviz.app.viewmodel.ScenarioIO;
import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.model.Scenario;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A main window on the real loader, with a runner each test may replace: the one setup of the
 * window tests of every package (public for those in the views' packages, which change their
 * package's own settings).
 */
public abstract class WindowTestBase extends FxRobot {

    protected final SwitchRunner runner = new SwitchRunner();
    protected WorkspaceModel model;
    protected MainWindow window;
    protected Stage stage;

    /** How the window reads and writes scenarios: the real loader, unless a test puts its own. */
    protected ScenarioIO files() {
        return AppServices.files();
    }

    /** Where the window keeps its recent files. */
    protected String recentFilesNode() {
        return "dev/cascadeviz/app-test";
    }

    @BeforeEach
    protected void openWindow() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            MainWindow.applyTheme(false);
            model = new WorkspaceModel(files(), runner);
            window = new MainWindow(s, model, ScenarioLibrary.load(),
                    new RecentFiles(Preferences.userRoot().node(recentFilesNode())));
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    protected void closeWindow() throws Exception {
        interact(model::shutdown);
        FxToolkit.cleanupStages();
    }

    protected void openDefault() {
        interact(() -> window.openDefault());
        awaitRun();
    }

    protected void show(Scenario s) {
        interact(() -> model.show(s, null, "test.yaml"));
        awaitRun();
    }

    /** The label at this row and column of a table drawn as a grid (a small run's, or the starting rows'). */
    protected Label cell(String table, int row, int column) {
        GridPane grid = lookup("#table-" + table).query();
        for (Node n : grid.getChildren()) {
            if (GridPane.getRowIndex(n) == row && GridPane.getColumnIndex(n) == column && n instanceof Label l) {
                return l;
            }
        }
        throw new AssertionError("no cell " + row + "," + column + " in " + table);
    }

    /** Whether this many pulses (the window's frames) go by within ten seconds. */
    protected boolean pulsesGoBy(int pulses) throws InterruptedException {
        CountDownLatch left = new CountDownLatch(pulses);
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                left.countDown();
            }
        };
        interact(timer::start);
        boolean went = left.await(10, TimeUnit.SECONDS);
        interact(timer::stop);
        return went;
    }

    /** Waits until the current run has finished and its outcome is shown, the graph laid out. */
    protected void awaitRun() {
        awaitTrace();
        awaitGraph();
    }

    /** Waits until the current run has finished and its trace is handed to the views. */
    protected void awaitTrace() {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.isRunning() && model.getTrace() != null);
        } catch (TimeoutException e) {
            throw new AssertionError("the run did not finish: " + model.runFailureProperty().get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until the graph's layout, worked out off the JavaFX thread, is shown. */
    protected void awaitGraph() {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !window.graph().isLayingOut());
        } catch (TimeoutException e) {
            throw new AssertionError("the graph was not laid out", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
