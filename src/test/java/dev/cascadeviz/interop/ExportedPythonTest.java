package dev.cascadeviz.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceAgreement;
import dev.cascadeviz.trace.TraceJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported module of every library scenario, run by real SQLAlchemy (/usr/bin/python3 with
 * Debian's python3-sqlalchemy) through conformance/run_exported.py, sends the statements, raises
 * the error and leaves the tables of the scenario's golden trace.
 */
class ExportedPythonTest {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path GOLDENS = Path.of("src", "test", "resources", "conformance", "goldens", "library");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyLibraryScenarioRunsAsItsGoldenSays() {
        assumePythonWithSqlAlchemy();
        return Library.files().stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            String name = f.getFileName().toString().replaceFirst("\\.yaml$", "");
            Path module = dir.resolve(name.replace('-', '_') + ".py");
            Files.writeString(module, PythonExport.module(Library.load(f)), StandardCharsets.UTF_8);
            Trace actual = run(module);
            Path goldenFile = GOLDENS.resolve(name + ".golden.json");
            String captured = JSON.readTree(goldenFile.toFile()).path("sqlalchemy").asText();
            String python = pythonRelease();
            Assumptions.assumeTrue(sameRelease(captured, python), () -> name + ": its golden was captured by "
                    + "SQLAlchemy " + captured + ", whose INSERTs differ from " + python + "'s (RETURNING)");
            List<Trace> variants = golden(goldenFile);
            assertTrue(TraceAgreement.agreesWithAny(actual, variants),
                    () -> TraceAgreement.firstDifference(actual, TraceAgreement.closest(actual, variants)));
        }));
    }

    private static String release;

    /** The SQLAlchemy version of {@link #PYTHON}. */
    static synchronized String pythonRelease() throws IOException, InterruptedException {
        if (release == null) {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import sqlalchemy; print(sqlalchemy.__version__)")
                    .redirectErrorStream(true).start();
            release = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(60, TimeUnit.SECONDS);
        }
        return release;
    }

    /** 1.4.x against 2.0.x: the major version decides (2.x sends INSERT ... RETURNING on SQLite, 1.4 does not). */
    static boolean sameRelease(String a, String b) {
        return a.split("\\.")[0].equals(b.split("\\.")[0]);
    }

    static void assumePythonWithSqlAlchemy() {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON), "no " + PYTHON + ": install python3 to run exported modules");
        int code;
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import sqlalchemy, yaml").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            code = p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException | InterruptedException e) {
            code = -1;
        }
        Assumptions.assumeTrue(code == 0, "SQLAlchemy is missing: apt-get install python3-sqlalchemy python3-yaml");
    }

    static Trace run(Path module) throws IOException, InterruptedException {
        Path errors = Files.createTempFile(module.getParent(), "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(PYTHON.toString(), "conformance/run_exported.py", module.toString())
                .redirectError(errors.toFile());
        pb.environment().put("PYTHONHASHSEED", "0");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the exported module did not finish");
        assertEquals(0, p.exitValue(), () -> "the exported module failed:\n" + read(errors));
        return TraceJson.fromTree(JSON.readTree(out));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    static List<Trace> golden(Path file) throws IOException {
        List<Trace> out = new ArrayList<>();
        for (JsonNode v : JSON.readTree(file.toFile()).path("variants")) {
            out.add(TraceJson.fromTree(v));
        }
        assertTrue(!out.isEmpty(), "no variants in " + file);
        return out;
    }
}
