package dev.cascadeviz.app;

import dev.cascadeviz.app.library.RecentFiles;
import dev.cascadeviz.app.library.ScenarioLibrary;
import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The desktop application: opens the main window on the scenario file given on the command
 * line, or else on the library's default scenario.
 */
public class CascadeVizApp extends Application {

    private WorkspaceModel model;

    @Override
    public void start(Stage stage) {
        timing("start() entered");
        MainWindow.applyTheme(false);
        model = new WorkspaceModel(AppServices.files(), AppServices.runner());
        Preferences prefs = Preferences.userRoot().node("dev/cascadeviz/app");
        MainWindow window = new MainWindow(stage, model, ScenarioLibrary.empty(), new RecentFiles(prefs));
        WindowPlace.restore(stage, prefs);
        WindowPlace.rememberOnClose(stage, prefs, model.presentationProperty()::get);
        timing("window built");
        stage.show();
        timing("window shown");
        List<String> files = getParameters().getUnnamed();
        Platform.runLater(() -> {
            window.setLibrary(ScenarioLibrary.load());
            if (files.isEmpty()) {
                window.openDefault();
            } else {
                window.open(Path.of(files.get(0)));
            }
            timing("scenario open");
        });
    }

    /** With -Dcascadeviz.timing=true, prints how long after JVM start a point of the start-up was reached. */
    private static void timing(String what) {
        if (Boolean.getBoolean("cascadeviz.timing")) {
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.println(what + ": " + ms + " ms after JVM start");
        }
    }

    @Override
    public void stop() {
        if (model != null) {
            model.shutdown();
        }
    }
}
