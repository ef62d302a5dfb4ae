package dev.cascadeviz.cli;

import dev.cascadeviz.advice.Advice;
import dev.cascadeviz.advice.Advisor;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.orm.Simulator;
import dev.cascadeviz.trace.Trace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code explain [--engine sqlite|h2] [--sqlalchemy 2.0|2.1] FILE...}: the warnings about each scenario with their
 * fixes, then the statements its steps emit, each with why, as readable text.
 */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        description = "Prints the warnings about scenario files, then each statement with its cause.")
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    final ReleaseOption release = new ReleaseOption();

    /** The command with its {@code --sqlalchemy} option, which is added to the model read from the annotations. */
    static CommandLine commandLine() {
        ExplainCommand command = new ExplainCommand();
        return command.release.commandLineOf(command);
    }

    @Option(names = "--engine", paramLabel = "ENGINE", converter = EngineConverter.class,
            description = "sqlite or h2 (default: each scenario's own engine)")
    Engine engine;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "scenario files (.yaml, .yml or .json)")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Simulator simulator = new Simulator();
        boolean failed = false;
        for (Path file : files) {
            Scenario loaded = ScenarioInput.load(file, err);
            if (loaded == null) {
                failed = true;
                continue;
            }
            Scenario scenario = release.apply(loaded);
            if (files.size() > 1) {
                out.println("== " + file);
            }
            out.print(ExplanationText.of(Advisor.check(scenario), simulator.run(scenario, engine)));
        }
        out.flush();
        return failed ? CascadeVizCommand.SCENARIO_PROBLEM : 0;
    }

    /** For tests and other callers: the text for one scenario. */
    static String explain(Scenario scenario, Engine engine) {
        List<Advice> advice = Advisor.check(scenario);
        Trace trace = new Simulator().run(scenario, engine);
        return ExplanationText.of(advice, trace);
    }
}
