package dev.cascadeviz.workbench;

import dev.cascadeviz.model.Scenario;

/** One side of a comparison before it runs: a name for it and the scenario as configured. */
public record CompareRun(String label, Scenario scenario) {
}
