package dev.cascadeviz.cli;

import dev.cascadeviz.interop.DdlExport;
import dev.cascadeviz.interop.PythonExport;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.scenario.Problem;
import dev.cascadeviz.scenario.ScenarioException;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.picture.ModelPicture;
import dev.cascadeviz.picture.PngPicture;
import dev.cascadeviz.picture.SvgPicture;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code export --python FILE} or {@code export --ddl sqlite|h2|postgresql FILE}: the scenario as
 * a runnable SQLAlchemy module or as DDL, on stdout or into {@code -o OUT}; {@code --svg} and
 * {@code --png} (with {@code -o}) draw its graph as the window lays it out, at presentation size.
 */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        description = "Writes a scenario as a runnable SQLAlchemy module (--python), as DDL (--ddl), "
                + "or its graph as a picture (--svg, --png).")
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    final ReleaseOption release = new ReleaseOption();

    /** The command with its {@code --sqlalchemy} option, which is added to the model read from the annotations. */
    static CommandLine commandLine() {
        ExportCommand command = new ExportCommand();
        return command.release.commandLineOf(command);
    }

    static final class What {
        @Option(names = "--python", required = true, description = "a SQLAlchemy module for the scenario's release (--sqlalchemy to choose)")
        boolean python;

        @Option(names = "--ddl", required = true, paramLabel = "DIALECT", description = "DDL for sqlite, h2 or postgresql")
        String ddl;

        @Option(names = "--svg", required = true, description = "the model's graph as an SVG picture")
        boolean svg;

        @Option(names = "--png", required = true, description = "the model's graph as a PNG picture (needs -o)")
        boolean png;
    }

    @Option(names = "--scale", paramLabel = "N", defaultValue = "2",
            description = "picture size over the window's at 100 %% (default 2: presentation size)")
    double scale;

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
        if (what.png && output == null) {
            err.println("cascadeviz export: --png writes a binary picture: give the file with -o OUT.png");
            return CascadeVizCommand.USAGE;
        }
        if ((what.png || what.svg) && !(scale > 0 && scale <= 8)) {
            err.println("cascadeviz export: --scale must be above 0 and at most 8");
            return CascadeVizCommand.USAGE;
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
        if (what.png || what.svg) {
            ModelPicture picture = ModelPicture.of(scenario);
            if (what.svg) {
                return Output.write(spec, "export", SvgPicture.of(picture, scale), output);
            }
            try (OutputStream out = Files.newOutputStream(output)) {
                PngPicture.write(picture, scale, out);
                return 0;
            } catch (IOException e) {
                err.println("cascadeviz export: cannot write " + output + ": "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                return CascadeVizCommand.USAGE;
            }
        }
        String text = dialect == null ? PythonExport.module(scenario) : DdlExport.script(scenario, dialect);
        return Output.write(spec, "export", text, output);
    }
}
