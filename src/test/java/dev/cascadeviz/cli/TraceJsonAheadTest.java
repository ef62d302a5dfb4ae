package dev.cascadeviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Release;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.orm.Simulator;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceError;
import dev.cascadeviz.trace.TraceJson;
import dev.cascadeviz.trace.TraceStatement;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The trace command's JSON written ahead while the simulator runs ({@link TraceJsonAhead}) is the
 * text {@link TraceJson} writes for the same trace, whatever the run gave.
 */
class TraceJsonAheadTest {

    private static String ahead(TraceJsonAhead json, Trace trace) throws IOException {
        StringWriter out = new StringWriter();
        json.finish(trace, out);
        return out.toString();
    }

    @Test
    void theLibrarysRunsUnderBothReleasesAreWrittenAsTraceJsonWritesThem() throws Exception {
        List<Path> files;
        try (Stream<Path> library = Files.list(Path.of("assets/scenarios"))) {
            // the lessons (library.yaml is their index, not a scenario)
            files = library.filter(p -> p.getFileName().toString().matches("\\d.*\\.yaml")).sorted().toList();
        }
        assertTrue(files.size() > 20, "the library is there: " + files.size());
        int withStatements = 0;
        for (Path f : files) {
            for (Release release : Release.values()) {
                Scenario s = ScenarioFiles.load(f).withSqlalchemy(release);
                try (TraceJsonAhead json = new TraceJsonAhead(s.release())) {
                    Trace trace = Simulator.withoutTablesBefore().run(s, null, json);
                    assertEquals(TraceJson.toJson(trace), ahead(json, trace), f + " " + release);
                    withStatements += trace.statements().isEmpty() ? 0 : 1;
                }
            }
        }
        assertTrue(withStatements > 20, "most runs send statements: " + withStatements);
    }

    private static List<TraceStatement> statements(int n) {
        List<TraceStatement> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(TraceStatement.single("SELECT t.id FROM t WHERE t.id = ?", List.of((long) i)));
        }
        return list;
    }

    private static Trace trace(List<TraceStatement> statements, Release release) {
        return new Trace(statements, null, Map.of("t", List.of(Map.of("id", 1L))), List.of("a warning"), null,
                List.of(), release);
    }

    @Test
    void manyBatchesOfStatementsAreWrittenInOrder() throws IOException {
        List<TraceStatement> told = statements(5 * TraceJsonAhead.BATCH + 3);
        try (TraceJsonAhead json = new TraceJsonAhead(Release.V2_0)) {
            told.forEach(json);
            Trace trace = trace(told, Release.V2_0);
            assertEquals(TraceJson.toJson(trace), ahead(json, trace));
        }
    }

    @Test
    void aTraceWithoutTheToldStatementsIsWrittenAnew() throws IOException {
        // a run that failed outside its steps: its trace has none of the statements recorded before
        List<TraceStatement> told = statements(TraceJsonAhead.BATCH + 1);
        try (TraceJsonAhead json = new TraceJsonAhead(Release.V2_1)) {
            told.forEach(json);
            Trace failed = new Trace(List.of(), new TraceError("SimulatorError", "the simulator failed", null), Map.of(),
                    List.of(), null, List.of(), Release.V2_1);
            assertEquals(TraceJson.toJson(failed), ahead(json, failed));
        }
        try (TraceJsonAhead json = new TraceJsonAhead(Release.V2_1)) {
            told.forEach(json);
            Trace other = trace(statements(TraceJsonAhead.BATCH + 1), Release.V2_1); // equal, not the same objects
            assertEquals(TraceJson.toJson(other), ahead(json, other));
        }
    }

    @Test
    void anotherReleaseOrASecondWritingIsWrittenAnew() throws IOException {
        List<TraceStatement> told = statements(3);
        try (TraceJsonAhead json = new TraceJsonAhead(Release.V2_0)) {
            told.forEach(json);
            Trace trace = trace(told, Release.V2_1);
            assertEquals(TraceJson.toJson(trace), ahead(json, trace));
            assertEquals(TraceJson.toJson(trace), ahead(json, trace));
        }
        try (TraceJsonAhead json = new TraceJsonAhead(null)) {
            Trace trace = trace(List.of(), null);
            assertEquals(TraceJson.toJson(trace), ahead(json, trace));
        }
    }

    @Test
    void closingWithoutWritingEndsTheThread() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            try (TraceJsonAhead json = new TraceJsonAhead(Release.V2_1)) {
                statements(TraceJsonAhead.BATCH * 2).forEach(json);
            }
        }
        for (int waited = 0; waited < 100 && threads() > 0; waited++) {
            Thread.sleep(50);
        }
        assertFalse(threads() > 0, "no writing thread is left behind");
    }

    private static long threads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("cascadeviz-trace-json") && t.isAlive()).count();
    }
}
