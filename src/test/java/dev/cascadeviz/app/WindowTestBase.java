package dev.cascadeviz.app;

import dev.cascadeviz.app.library.RecentFiles;
import dev.cascadeviz.app.library.ScenarioLibrary;
import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.model.Scenario;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A main window on the real loader, with a runner each test may replace. */
abstract class WindowTestBase extends FxRobot {

    final SwitchRunner runner = new SwitchRunner();
    WorkspaceModel model;
    MainWindow window;
    Stage stage;

    @BeforeEach
    void openWindow() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            MainWindow.applyTheme(false);
            model = new WorkspaceModel(AppServices.files(), runner);
            window = new MainWindow(s, model, ScenarioLibrary.load(),
                    new RecentFiles(Preferences.userRoot().node("dev/cascadeviz/app-test")));
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeWindow() throws Exception {
        interact(model::shutdown);
        FxToolkit.cleanupStages();
    }

    void openDefault() {
        interact(() -> window.openDefault());
        awaitRun();
    }

    void show(Scenario s) {
        interact(() -> model.show(s, null, "test.yaml"));
        awaitRun();
    }

    /** Waits until the current run has finished and its outcome is shown, the graph laid out. */
    void awaitRun() {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.isRunning() && model.getTrace() != null);
        } catch (TimeoutException e) {
            throw new AssertionError("the run did not finish: " + model.runFailureProperty().get(), e);
        }
        awaitGraph();
    }

    /** Waits until the graph's layout, worked out off the JavaFX thread, is shown. */
    void awaitGraph() {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !window.graph().isLayingOut());
        } catch (TimeoutException e) {
            throw new AssertionError("the graph was not laid out", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
