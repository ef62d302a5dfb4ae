package dev.cascadeviz.workbench;

import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.trace.Trace;

/** Runs a scenario's steps (the simulator in the application); called off the JavaFX thread. */
@FunctionalInterface
public interface ScenarioRunner {

    Trace run(Scenario scenario, Engine engine) throws Exception;
}
