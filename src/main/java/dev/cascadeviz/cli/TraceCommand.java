package dev.cascadeviz.cli;

import dev.cascadeviz.db.ScenarioDatabase;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.orm.Simulator;
import dev.cascadeviz.scenario.AtomicFiles;
import dev.cascadeviz.trace.Trace;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code trace [--engine sqlite|h2] [--sqlalchemy 2.0|2.1] [--out DIR] FILE...}: runs each scenario and writes its trace
 * JSON, to stdout (one JSON document per file, in order) or to {@code DIR/NAME.trace.json}.
 * A file that cannot be loaded is reported on stderr and the others still run (exit 1).
 */
final class TraceCommand implements Callable<Integer> {

    private CommandSpec spec;
    private final ReleaseOption release = new ReleaseOption();
    private final OptionSpec engineOption = OptionSpec.builder("--engine").paramLabel("ENGINE").type(Engine.class)
            .converters(new EngineConverter())
            .description("sqlite or h2 (default: each scenario's own engine)").build();
    private final OptionSpec outOption = OptionSpec.builder("--out").paramLabel("DIR").type(Path.class)
            .description("write DIR/NAME.trace.json per file instead of stdout").build();
    private final OptionSpec timingsOption = OptionSpec.builder("--timings").type(boolean.class)
            .description("print where the time went (JVM start, parsing, seeding, simulating, database, output) "
                    + "on stderr").build();
    private final PositionalParamSpec filesParameter = PositionalParamSpec.builder().arity("1..*").required(true)
            .paramLabel("FILE").type(List.class).auxiliaryTypes(Path.class).description("scenario files (.yaml, .yml or .json)").build();

    private Engine engine;
    private Path out;
    private boolean timings;
    private List<Path> files;

    /**
     * The command's model, built here rather than read by picocli from annotations: reading them
     * (annotation proxies, reflection) cost each trace run about 25 ms of its start, before
     * the file is read. Options, texts and messages are those the annotations gave.
     */
    static CommandLine commandLine() {
        TraceCommand command = new TraceCommand();
        CodeBuiltFactory factory = new CodeBuiltFactory();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command, factory).name("trace");
        spec.usageMessage().description("Runs scenario files and prints their traces as JSON.");
        StandardHelp.addTo(spec);
        command.release.addTo(spec);
        spec.addOption(command.engineOption);
        spec.addOption(command.outOption);
        spec.addOption(command.timingsOption);
        spec.addPositional(command.filesParameter);
        command.spec = spec;
        return new CommandLine(spec, factory);
    }

    @Override
    public Integer call() throws IOException {
        engine = engineOption.getValue();
        out = outOption.getValue();
        timings = Boolean.TRUE.equals(timingsOption.getValue());
        files = filesParameter.getValue();
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Runs the command, printing traces on stdout (or into --out) and problems on err. */
    int run(PrintWriter stdout, PrintWriter err) throws IOException {
        if (out != null) {
            String clash = clash();
            if (clash != null) {
                err.println("cascadeviz trace: " + clash);
                return CascadeVizCommand.USAGE;
            }
            try {
                Files.createDirectories(out);
            } catch (IOException e) {
                err.println("cascadeviz trace: cannot create the output folder " + out + ": " + e.getMessage());
                return CascadeVizCommand.USAGE;
            }
        }
        if (engine != null) {
            ScenarioDatabase.warmUpInBackground(engine);
        }
        Simulator simulator = Simulator.withoutTablesBefore();
        boolean failed = false;
        long parse = 0;
        long output = 0;
        for (Path file : files) {
            long t0 = System.nanoTime();
            Scenario loaded = ScenarioInput.load(file, err);
            if (loaded == null) {
                failed = true;
                continue;
            }
            Scenario scenario = release.apply(loaded);
            parse += System.nanoTime() - t0;
            try (TraceJsonAhead json = new TraceJsonAhead(scenario.release())) {
                Trace trace = simulator.run(scenario, engine, json);
                long t1 = System.nanoTime();
                if (out == null) {
                    json.finish(trace, stdout);
                    stdout.println();
                } else {
                    Path target = out.resolve(traceName(file));
                    try {
                        AtomicFiles.write(target, w -> {
                            json.finish(trace, w);
                            w.write("\n");
                        }, false);
                    } catch (IOException e) {
                        err.println("cascadeviz trace: " + e.getMessage());
                        failed = true;
                    }
                }
                output += System.nanoTime() - t1;
            }
        }
        stdout.flush();
        if (timings) {
            printTimings(err, simulator.timings(), parse, output);
        }
        return failed ? CascadeVizCommand.SCENARIO_PROBLEM : 0;
    }

    private static void printTimings(PrintWriter err, Simulator.Timings t, long parse, long output) {
        // the process's start, not the management interface's JVM start: starting that (some 70 classes)
        // for one figure at the end cost the measured run about 20 ms
        long inMain = (parse + t.seedNanos() + t.simulateNanos() + t.snapshotNanos() + output) / 1_000_000;
        long sinceStart = ProcessHandle.current().info().startInstant()
                .map(start -> System.currentTimeMillis() - start.toEpochMilli())
                .orElse(inMain);
        err.printf("timings: jvm start + class loading %d ms, parsing %d ms, seeding %d ms, simulating %d ms "
                        + "(of which database %d ms), snapshots %d ms, output %d ms, total %d ms%n",
                Math.max(0, sinceStart - inMain), parse / 1_000_000, t.seedNanos() / 1_000_000,
                t.simulateNanos() / 1_000_000, t.databaseNanos() / 1_000_000, t.snapshotNanos() / 1_000_000,
                output / 1_000_000, sinceStart);
        err.flush();
    }

    /** {@code NAME.trace.json}, NAME being the file name without .yaml, .yml or .json. */
    static String traceName(Path file) {
        String name = file.getFileName().toString();
        for (String ext : List.of(".yaml", ".yml", ".json")) {
            if (name.toLowerCase(Locale.ROOT).endsWith(ext)) {
                name = name.substring(0, name.length() - ext.length());
                break;
            }
        }
        return name + ".trace.json";
    }

    /** A message when two files would write the same trace file, else null. */
    private String clash() {
        Map<String, Path> seen = new HashMap<>();
        for (Path f : files) {
            Path before = seen.putIfAbsent(traceName(f), f);
            if (before != null && !before.equals(f)) {
                return before + " and " + f + " would both write " + out.resolve(traceName(f));
            }
        }
        return null;
    }
}
