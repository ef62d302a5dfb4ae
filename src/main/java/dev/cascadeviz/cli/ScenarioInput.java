package dev.cascadeviz.cli;

import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.scenario.Problem;
import dev.cascadeviz.scenario.ScenarioException;
import dev.cascadeviz.scenario.ScenarioFiles;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Reading one of the command line's FILE arguments: the scenario, or its problems printed as
 * {@code file:line:column: message} on stderr and null, so that a command goes on to its next file.
 */
final class ScenarioInput {

    private ScenarioInput() {
    }

    /** The scenario in {@code file}, or null after printing why it cannot be read. */
    static Scenario load(Path file, PrintWriter err) {
        try {
            return ScenarioFiles.load(file);
        } catch (ScenarioException e) {
            for (Problem p : e.problems()) {
                err.println(p);
            }
        } catch (RuntimeException | StackOverflowError e) {
            // A fault of CascadeViz with this file: say so, and go on with the others.
            err.println(file + ":1:1: internal error: " + e);
        }
        return null;
    }
}
