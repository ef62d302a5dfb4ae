package dev.cascadeviz.app;

import dev.cascadeviz.app.viewmodel.ScenarioIO;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.orm.Simulator;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.workbench.ScenarioRunner;
import java.nio.file.Path;

/** The real file loader and runner the window uses. */
public final class AppServices {

    private AppServices() {
    }

    public static ScenarioIO files() {
        return new ScenarioIO() {
            @Override
            public Scenario load(Path file) throws Exception {
                return ScenarioFiles.load(file);
            }

            @Override
            public Scenario parse(String text, String fileName) throws Exception {
                return ScenarioFiles.parse(text, fileName);
            }

            @Override
            public void save(Scenario scenario, Path file) throws Exception {
                ScenarioFiles.save(scenario, file);
            }
        };
    }

    /** The session simulator. It runs on the window's worker thread; cancelling interrupts that thread. */
    public static ScenarioRunner runner() {
        Simulator simulator = new Simulator();
        return simulator::run;
    }
}
