package dev.cascadeviz.app;

import dev.cascadeviz.app.viewmodel.ScenarioIO;
import dev.cascadeviz.app.viewmodel.ScenarioRunner;
import dev.cascadeviz.db.ScenarioDatabase;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Trace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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

    /**
     * Until the session simulator is merged: seeds the scenario's database and snapshots it, so
     * the window shows real tables (no statements yet).
     */
    public static ScenarioRunner runner() {
        return (scenario, engine) -> {
            try (ScenarioDatabase db = ScenarioDatabase.open(scenario, engine)) {
                Map<String, List<Map<String, Object>>> tables = db.snapshot();
                return new Trace(List.of(), null, tables, List.of(), tables);
            }
        };
    }
}
