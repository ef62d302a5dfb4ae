package dev.cascadeviz.cli;

import dev.cascadeviz.interop.DdlExport;
import dev.cascadeviz.interop.PythonExport;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.scenario.Problem;
import dev.cascadeviz.scenario.ScenarioException;
import dev.cascadeviz.scenario.ScenarioFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code export --python FILE} or {@code export --ddl sqlite|h2|postgresql FILE}: the scenario as
 * a runnable SQLAlchemy module or as DDL, on stdout or into {@code -o OUT}.
 */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        description = "Writes a scenario as a runnable SQLAlchemy module (--python) or as DDL (--ddl).")
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ReleaseOption release = new ReleaseOption();

    static final class What {
        @Option(names = "--python", required = true, description = "a SQLAlchemy module for the scenario's release (--sqlalchemy to choose)")
        boolean python;

        @Option(names = "--ddl", required = true, paramLabel = "DIALECT", description = "DDL for sqlite, h2 or postgresql")
        String ddl;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "write to OUT instead of stdout")
    Path output;

    @Parameters(paramLabel = "FILE", description = "the scenario file (.yaml, .yml or .json)")
    Path file;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        DdlExport.Dialect dialect = null;
        if (what.ddl != null) {
            dialect = DdlExport.Dialect.named(what.ddl);
            if (dialect == null) {
                err.println("cascadeviz export: unknown DDL dialect '" + what.ddl + "'; expected sqlite, h2 or postgresql");
                return CascadeVizCommand.USAGE;
            }
        }
        Scenario scenario;
        try {
            scenario = release.apply(ScenarioFiles.load(file));
        } catch (ScenarioException e) {
            for (Problem p : e.problems()) {
                err.println(p);
            }
            return CascadeVizCommand.SCENARIO_PROBLEM;
        }
        String text = dialect == null ? PythonExport.module(scenario) : DdlExport.script(scenario, dialect);
        return Output.write(spec, "export", text, output);
    }
}
