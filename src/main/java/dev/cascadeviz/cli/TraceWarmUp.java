package dev.cascadeviz.cli;

import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.mapping.MappingResolver;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceJson;
import dev.cascadeviz.trace.TraceStatement;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * A {@code trace} run's reading and writing made ready on the other core while the main thread
 * is still parsing the command line (picocli's classes cannot be in the class-data archive, so
 * that takes a while): a small scenario is read from text and a small trace written to nowhere,
 * which loads and initializes the classes of the YAML reader, the scenario model, the mapping
 * and the JSON writer before the first file needs them. Nothing is kept: the result is thrown
 * away, and a failure here is left for the run itself to meet.
 */
final class TraceWarmUp {

    static final String SAMPLE = """
            tables:
              parent:
                columns:
                  id: {type: integer, primary_key: true}
                  name: {type: string, length: 20}
              child:
                columns:
                  id: {type: integer, primary_key: true}
                  parent_id: {type: integer, foreign_key: parent.id, index: true}
            classes:
              Parent:
                table: parent
                relationships:
                  children: {target: Child, cascade: 'all, delete'}
              Child: {table: child}
            rows:
              parent:
              - {id: 1, name: p}
              child:
              - {id: 1, parent_id: 1}
            steps:
            - {delete: Parent(1)}
            - commit
            """;

    private TraceWarmUp() {
    }

    /** Starts the warm-up when the arguments name the trace command; returns its thread, or null. */
    static Thread startFor(String[] args) {
        if (args.length < 2 || !args[0].equals("trace")) {
            return null;
        }
        Thread t = new Thread(TraceWarmUp::run, "cascadeviz-trace-warm-up");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Reads the sample and writes a trace of it to nowhere; true when all of it ran. */
    static boolean run() {
        try {
            Scenario s = ScenarioFiles.parse(SAMPLE, "warm-up.yaml");
            MappingResolver.resolve(s);
            Trace trace = new Trace(List.of(TraceStatement.single("SELECT 1", List.of(1L))), null,
                    Map.of("parent", List.of(Map.of("id", 1L, "name", "p"))), List.of(), null);
            TraceJson.write(trace, Writer.nullWriter());
            return true;
        } catch (Exception | LinkageError e) {
            return false;
        }
    }
}
