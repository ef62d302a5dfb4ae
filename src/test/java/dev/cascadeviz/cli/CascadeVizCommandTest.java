package dev.cascadeviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CascadeVizCommandTest {

    @TempDir
    Path tmp;

    private String out = "";
    private String err = "";

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = CascadeVizCommand.execute(new PrintWriter(o), new PrintWriter(e), args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    private static String resource(String name) {
        try {
            return Path.of(CascadeVizCommandTest.class.getResource("/cli/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path write(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void tracePrintsTheTraceJsonOfAGoodFile() {
        assertEquals(0, run("trace", resource("artist.yaml")), err);
        Trace trace = TraceJson.fromJson(out);
        assertEquals(List.of("artist", "song"), new ArrayList<>(trace.tables().keySet()));
        assertEquals("SELECT artist.id, artist.name \nFROM artist \nWHERE artist.id = ?",
                trace.statements().get(0).sql(), "SQLAlchemy 2.1's text: the file names no release");
        assertEquals(List.of(), trace.tables().get("artist"), "the step deleted the only artist");
        assertEquals("", err);
    }

    @Test
    void traceTimingsSayWhereTheTimeWentOnStderrAndLeaveTheTraceAlone() {
        assertEquals(0, run("trace", "--engine", "sqlite", resource("artist.yaml")), err);
        String plain = out;
        assertEquals(0, run("trace", "--timings", "--engine", "sqlite", resource("artist.yaml")), err);
        assertEquals(plain, out, "the trace is the same with --timings");
        Matcher m = Pattern.compile("timings: jvm start \\+ class loading (\\d+) ms, "
                + "parsing (\\d+) ms, seeding (\\d+) ms, simulating (\\d+) ms \\(of which database (\\d+) ms\\), "
                + "snapshots (\\d+) ms, output (\\d+) ms, total (\\d+) ms\\R").matcher(err);
        assertTrue(m.matches(), err);
        long parts = 0;
        for (int g : new int[] {1, 2, 3, 4, 6, 7}) {
            parts += Long.parseLong(m.group(g));
        }
        assertTrue(Long.parseLong(m.group(8)) >= parts, "the total holds the parts: " + err);
        assertTrue(Long.parseLong(m.group(5)) <= Long.parseLong(m.group(4)), "the database's time is part of simulating");
    }

    @Test
    void traceRunsOnTheEngineGivenOnTheCommandLine() {
        assertEquals(0, run("trace", "--engine", "sqlite", resource("artist.yaml")), err);
        // SQLite with foreign keys on lets ON DELETE CASCADE remove the songs, as on H2.
        assertEquals(0, TraceJson.fromJson(out).tables().get("song").size());
        assertEquals(2, TraceJson.fromJson(out).statements().size());
    }

    @Test
    void traceWithoutPicocliPrintsWhatPicocliWouldForTheSameOptions() throws Exception {
        assertEquals(0, run("trace", "--engine", "h2", resource("artist.yaml")), err);
        String plain = out;
        assertEquals(0, run("trace", "--engine=h2", resource("artist.yaml")), err); // not a plain form: picocli
        assertEquals(out, plain);
        Path dir = tmp.resolve("traces");
        assertEquals(0, run("trace", "--out", dir.toString(), resource("artist.yaml")), err);
        String written = Files.readString(dir.resolve("artist.trace.json"));
        assertEquals(0, run("trace", "--out=" + dir, resource("artist.yaml")), err);
        assertEquals(Files.readString(dir.resolve("artist.trace.json")), written);
    }

    @Test
    void traceRefusesAnUnknownEngineAsAUsageProblemWithoutAStackTrace() {
        assertEquals(2, run("trace", "--engine", "oracle", resource("artist.yaml")));
        assertTrue(err.contains("unknown engine 'oracle'"), err);
        assertFalse(err.contains("at dev.cascadeviz"), err);
    }

    @Test
    void traceReportsABrokenFileWithItsPositionAndExitsOne() {
        assertEquals(1, run("trace", resource("broken.yaml")));
        assertTrue(err.matches("(?s).*broken\\.yaml:\\d+:\\d+: .*"), err);
        assertEquals("", out);
    }

    @Test
    void traceReportsAMissingFileOnStderrAndExitsOne() {
        assertEquals(1, run("trace", tmp.resolve("nope.yaml").toString()));
        assertTrue(err.contains("nope.yaml"), err);
        assertFalse(err.contains("Exception"), err);
    }

    @Test
    void traceWritesOneTraceFilePerScenarioIntoTheOutFolder() throws Exception {
        String good = Files.readString(Path.of(resource("artist.yaml")));
        List<String> args = new ArrayList<>(List.of("trace", "--out", tmp.resolve("out").toString()));
        for (int i = 0; i < 30; i++) {
            args.add(write("s" + i + (i % 2 == 0 ? ".yaml" : ".yml"), good).toString());
        }
        assertEquals(0, run(args.toArray(String[]::new)), err);
        assertEquals("", out);
        for (int i = 0; i < 30; i++) {
            JsonNode t = new ObjectMapper().readTree(tmp.resolve("out").resolve("s" + i + ".trace.json").toFile());
            assertEquals(0, t.path("tables").path("song").size(), "ON DELETE CASCADE removed the songs");
            assertEquals(0, t.path("tables").path("artist").size());
        }
    }

    @Test
    void traceStillWritesTheGoodFilesWhenOneIsBroken() throws Exception {
        Path outDir = tmp.resolve("out");
        assertEquals(1, run("trace", "--out", outDir.toString(), resource("broken.yaml"), resource("artist.yaml")));
        assertTrue(Files.exists(outDir.resolve("artist.trace.json")));
        assertFalse(Files.exists(outDir.resolve("broken.trace.json")));
    }

    @Test
    void explainReportsABrokenFileAndStillExplainsTheNextOne() {
        assertEquals(1, run("explain", resource("broken.yaml"), resource("artist.yaml")));
        assertTrue(err.contains("broken.yaml:"), err);
        assertTrue(out.contains("== " + resource("artist.yaml")), out);
        assertTrue(out.contains("DELETE FROM artist WHERE artist.id = ?"), out);
    }

    @Test
    void traceRefusesTwoFilesThatWouldWriteTheSameTraceFile() throws Exception {
        Files.createDirectories(tmp.resolve("a"));
        Files.createDirectories(tmp.resolve("b"));
        String good = Files.readString(Path.of(resource("artist.yaml")));
        Path a = write("a/x.yaml", good);
        Path b = write("b/x.yml", good);
        assertEquals(2, run("trace", "--out", tmp.resolve("out").toString(), a.toString(), b.toString()));
        assertTrue(err.contains("would both write"), err);
    }

    @Test
    void traceReportsRowsThatCannotBeSeededAsTheTracesError() throws Exception {
        String text = Files.readString(Path.of(resource("artist.yaml")))
                .replace("nullable: false}", "nullable: false, unique: true}")
                .replace("- {id: 1, name: Nirvana}", "- {id: 1, name: Nirvana}\n    - {id: 2, name: Nirvana}");
        assertEquals(0, run("trace", write("duplicate.yaml", text).toString()), err);
        assertEquals("IntegrityError", TraceJson.fromJson(out).error().type());
    }

    @Test
    void validateAcceptsAGoodFile() {
        assertEquals(0, run("validate", resource("artist.yaml")));
        assertTrue(out.contains("artist.yaml: ok"), out);
        assertEquals("", err);
    }

    @Test
    void validatePrintsEachProblemAsFileLineColumnMessageAndExitsOne() {
        assertEquals(1, run("validate", resource("artist.yaml"), resource("broken.yaml")));
        for (String line : err.strip().split("\n")) {
            assertTrue(line.matches(".*broken\\.yaml:\\d+:\\d+: .+"), line);
        }
        assertTrue(err.contains("strnig"), err);
    }

    @Test
    void validateWithoutFilesIsAUsageProblem() {
        assertEquals(2, run("validate"));
        assertTrue(err.contains("FILE"), err);
    }

    @Test
    void anUnknownOptionIsAUsageProblem() {
        assertEquals(2, run("trace", "--frobnicate", resource("artist.yaml")));
        assertTrue(err.contains("--frobnicate"), err);
    }

    @Test
    void helpAndVersionSucceed() {
        assertEquals(0, run("--help"));
        assertTrue(out.contains("trace") && out.contains("validate"), out);
        assertEquals(0, run("--version"));
        assertTrue(out.startsWith("CascadeViz "), out);
        assertEquals(0, run("trace", "--help"));
        assertTrue(out.contains("--engine"), out);
    }

    @Test
    void noArgumentsOrASingleFileAskForTheWindowAndSubcommandsDoNot() {
        assertTrue(CascadeVizCommand.isWindowRequest(new String[0]));
        assertTrue(CascadeVizCommand.isWindowRequest(new String[] {"artist.yaml"}));
        assertFalse(CascadeVizCommand.isWindowRequest(new String[] {"trace", "artist.yaml"}));
        assertFalse(CascadeVizCommand.isWindowRequest(new String[] {"--help"}));
        assertFalse(CascadeVizCommand.isWindowRequest(new String[] {"validate"}));
    }

    @Test
    void validateReportsABrokenRelationshipWithItsPositionAndChecksTheFilesAfterIt() throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, """
                tables:
                  a: {columns: {id: {type: integer, primary_key: true}}}
                classes:
                  A: {table: a, relationships: {r: {cascade: all}, s: {target: null}}}
                """);
        Path good = tmp.resolve("good.yaml");
        Files.writeString(good, "tables:\n  a: {columns: {id: {type: integer, primary_key: true}}}\n");
        assertEquals(1, run("validate", bad.toString(), good.toString()));
        assertTrue(err.contains(bad + ":4:33: relationship A.r needs 'target'"), err);
        assertTrue(err.contains(bad + ":4:64: expected a string for 'target' of relationship A.s, found null"), err);
        assertFalse(err.contains("internal error"), err);
        assertTrue(out.contains(good + ": ok"), out);
    }

    @Test
    void exportWritesItsFileWholeAndNamesTheFileWhenItCannot() throws Exception {
        Path file = tmp.resolve("out.sql");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        assertEquals(2, run("export", "--ddl", "sqlite", resource("artist.yaml"), "-o", file.toString()));
        assertTrue(err.contains(file + " is read-only"), err);
        assertEquals("old", Files.readString(file));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(0, run("export", "--ddl", "sqlite", resource("artist.yaml"), "-o", file.toString()));
        assertTrue(Files.readString(file).contains("CREATE TABLE"));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)));
    }
}
