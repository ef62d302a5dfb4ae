package dev.cascadeviz.app;

import dev.cascadeviz.app.library.RecentFiles;
import dev.cascadeviz.app.library.ScenarioLibrary;
import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import java.lang.management.ManagementFactory;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop application: opens the main window on the library's default scenario. */
public class CascadeVizApp extends Application {

    private WorkspaceModel model;

    @Override
    public void start(Stage stage) {
        MainWindow.applyTheme(false);
        model = new WorkspaceModel(AppServices.files(), AppServices.runner());
        MainWindow window = new MainWindow(stage, model, ScenarioLibrary.load(),
                new RecentFiles(Preferences.userRoot().node("dev/cascadeviz/app")));
        window.openDefault();
        stage.show();
        if (Boolean.getBoolean("cascadeviz.timing")) {
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.println("window shown " + ms + " ms after JVM start");
        }
    }

    @Override
    public void stop() {
        if (model != null) {
            model.shutdown();
        }
    }
}
