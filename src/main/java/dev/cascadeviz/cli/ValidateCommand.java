package dev.cascadeviz.cli;

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
            if (ScenarioInput.load(file, err) == null) {
                failed = true;
            } else {
                out.println(file + ": ok");
            }
        }
        return failed ? CascadeVizCommand.SCENARIO_PROBLEM : 0;
    }
}
