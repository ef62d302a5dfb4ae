package dev.cascadeviz.cli;

import dev.cascadeviz.scenario.Problem;
import dev.cascadeviz.scenario.ScenarioException;
import dev.cascadeviz.scenario.ScenarioFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code validate FILE...}: each problem as {@code file:line:column: message} on stderr; exit 1 if any. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        description = "Checks scenario files; prints each problem as file:line:column: message.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "scenario files (.yaml, .yml or .json)")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean failed = false;
        for (Path file : files) {
            try {
                ScenarioFiles.load(file);
                out.println(file + ": ok");
            } catch (ScenarioException e) {
                failed = true;
                for (Problem p : e.problems()) {
                    err.println(p);
                }
            } catch (RuntimeException | StackOverflowError e) {
                // A fault of CascadeViz with this file: say so, and go on to check the others.
                failed = true;
                err.println(file + ":1:1: internal error: " + e);
            }
        }
        return failed ? CascadeVizCommand.SCENARIO_PROBLEM : 0;
    }
}
