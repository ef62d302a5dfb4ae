package dev.cascadeviz.cli;

import dev.cascadeviz.interop.ImportResult;
import dev.cascadeviz.interop.Imports;
import dev.cascadeviz.scenario.ScenarioFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code import models.py -o scenario.yaml} or {@code import --db URL_OR_FILE [--rows N] -o scenario.yaml}:
 * a scenario from SQLAlchemy models (read, never run) or from a database's metadata. What was
 * skipped is reported on stderr, line by line; the scenario goes to OUT or stdout.
 */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        description = "Makes a scenario from a SQLAlchemy models module (read, never run) or from a database.")
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "URL_OR_FILE", description = "a SQLite or H2 (.mv.db) file, or a JDBC URL")
    String db;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "0", description = "take the first N rows of each table (with --db)")
    int rows;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "write the scenario to OUT instead of stdout")
    Path output;

    @Parameters(arity = "0..1", paramLabel = "MODELS", description = "a Python module of declarative models")
    Path models;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if ((db == null) == (models == null)) {
            err.println("cascadeviz import: give either a models file or --db URL_OR_FILE");
            return CascadeVizCommand.USAGE;
        }
        if (rows < 0) {
            err.println("cascadeviz import: --rows must be 0 or more");
            return CascadeVizCommand.USAGE;
        }
        if (rows > 0 && db == null) {
            err.println("cascadeviz import: --rows needs --db");
            return CascadeVizCommand.USAGE;
        }
        ImportResult result = db != null ? Imports.database(db, rows) : Imports.models(models);
        err.print(result.report(db != null ? db : models.toString()));
        err.flush();
        if (!result.ok()) {
            return CascadeVizCommand.SCENARIO_PROBLEM;
        }
        return Output.write(spec, "import", ScenarioFiles.toYaml(result.scenario()), output);
    }
}
