package dev.cascadeviz.interop;

import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.scenario.Problem;
import dev.cascadeviz.scenario.ScenarioException;
import dev.cascadeviz.scenario.ScenarioFiles;
import java.util.ArrayList;
import java.util.List;

/** Checks an imported scenario the way opening its file would, so that what is written also loads. */
final class ImportChecks {

    private ImportChecks() {
    }

    static ImportResult checked(Scenario scenario, List<ImportNote> notes) {
        List<String> problems = new ArrayList<>();
        if (scenario.tables().isEmpty()) {
            problems.add("no tables found");
        }
        try {
            ScenarioFiles.parse(ScenarioFiles.toYaml(scenario), "imported.yaml");
        } catch (ScenarioException e) {
            for (Problem p : e.problems()) {
                problems.add(p.message());
            }
        } catch (RuntimeException e) {
            problems.add("the scenario cannot be written: " + e.getMessage());
        }
        return new ImportResult(scenario, notes, problems);
    }
}
