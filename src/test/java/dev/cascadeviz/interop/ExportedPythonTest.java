package dev.cascadeviz.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascadeviz.model.Release;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceAgreement;
import dev.cascadeviz.trace.TraceJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported module of every library scenario, run by real SQLAlchemy through
 * conformance/run_exported.py, sends the statements, raises the error and leaves the tables of
 * the scenario's golden trace for the release the module was written for. Every Python found
 * runs it: the virtual environments conformance/sqlalchemy-python.sh makes for 2.0.54 and 2.1.1
 * (each compared with its own release's goldens) and /usr/bin/python3 (CI has Debian's 1.4.46
 * there, which runs the module written for 2.0 and is compared with the 2.0 goldens: 1.4 and 2.0
 * send the same SQL on every library scenario).
 */
class ExportedPythonTest {

    static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");
    static final Path GOLDENS = Path.of("src", "test", "resources", "conformance", "goldens");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A Python with SQLAlchemy, and the release whose goldens its runs are compared with. */
    record Runner(Path python, String version, Release release) {
    }

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyLibraryScenarioRunsAsItsGoldenSays() {
        List<Runner> runners = runners();
        Assumptions.assumeFalse(runners.isEmpty(), "no Python with SQLAlchemy: apt-get install python3-sqlalchemy "
                + "python3-yaml, or conformance/sqlalchemy-python.sh 2.1.1");
        return runners.stream().flatMap(r -> Library.files().stream().map(f -> DynamicTest.dynamicTest(
                "SQLAlchemy " + r.version() + ": " + f.getFileName(), () -> {
                    String name = f.getFileName().toString().replaceFirst("\\.yaml$", "");
                    Path module = dir.resolve(name.replace('-', '_') + "_" + r.release().name() + ".py");
                    String code = PythonExport.module(Library.load(f).withSqlalchemy(r.release()));
                    assertTrue(code.contains("Written for SQLAlchemy " + r.release().text()), "the module names its release");
                    Files.writeString(module, code, StandardCharsets.UTF_8);
                    Trace actual = run(r.python(), module);
                    List<Trace> variants = golden(GOLDENS.resolve(r.release().text()).resolve("library")
                            .resolve(name + ".golden.json"));
                    // 1.4 stands in for 2.0 on the delete path; its INSERT of a generated key has no RETURNING
                    Assumptions.assumeFalse(r.version().startsWith("1.4.") && variants.stream().anyMatch(v ->
                            v.statements().stream().anyMatch(st -> st.sql().contains(" RETURNING "))),
                            () -> name + ": SQLAlchemy " + r.version() + " sends INSERT without RETURNING, 2.0 with it");
                    assertTrue(TraceAgreement.agreesWithAny(actual, variants),
                            () -> TraceAgreement.firstDifference(actual, TraceAgreement.closest(actual, variants)));
                })));
    }

    static final Path HOSTILE_NAMES = Path.of("src", "test", "resources", "conformance", "scenarios", "hostile-names");

    /**
     * Issue 16: tables and columns whose names need quotes (spaces, digits first, quotes, other
     * alphabets, reserved words) export as columns with a Python attribute key
     * ({@code first_name = mapped_column("first name", ...)}) and send exactly the golden's SQL.
     */
    @TestFactory
    Stream<DynamicTest> everyHostileNamesScenarioRunsAsItsGoldenSays() throws IOException {
        List<Runner> runners = runners().stream().filter(r -> !r.version().startsWith("1.4.")).toList();
        Assumptions.assumeFalse(runners.isEmpty(), "no SQLAlchemy 2.x: conformance/sqlalchemy-python.sh 2.1.1");
        List<Path> files;
        try (Stream<Path> list = Files.list(HOSTILE_NAMES)) {
            files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 4, "the hostile-names corpus is missing");
        return runners.stream().flatMap(r -> files.stream().map(f -> DynamicTest.dynamicTest(
                "SQLAlchemy " + r.version() + ": " + f.getFileName(), () -> {
                    String name = f.getFileName().toString().replaceFirst("\\.yaml$", "");
                    Path module = dir.resolve(name + "_" + r.release().name() + ".py");
                    String code = PythonExport.module(Library.load(f).withSqlalchemy(r.release()));
                    Files.writeString(module, code, StandardCharsets.UTF_8);
                    Trace actual = run(r.python(), module);
                    List<Trace> variants = golden(GOLDENS.resolve(r.release().text()).resolve("hostile-names")
                            .resolve(name + ".golden.json"));
                    assertTrue(TraceAgreement.agreesWithAny(actual, variants),
                            () -> TraceAgreement.firstDifference(actual, TraceAgreement.closest(actual, variants)));
                })));
    }

    /** Every Python here that has SQLAlchemy and PyYAML, once per SQLAlchemy version. */
    static List<Runner> runners() {
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "cascadeviz");
        String venvs = System.getenv("SQLALCHEMY_VENVS");
        List<Path> candidates = new ArrayList<>();
        for (String version : List.of("2.0.54", "2.1.1")) {
            if (venvs != null) {
                candidates.add(Path.of(venvs, "sqlalchemy-" + version, "bin", "python"));
            }
            candidates.add(cache.resolve("sqlalchemy-" + version).resolve("bin").resolve("python"));
        }
        candidates.add(SYSTEM_PYTHON);
        List<Runner> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Path python : candidates) {
            String version = Files.isExecutable(python) ? sqlalchemyVersion(python) : null;
            Release release = version == null ? null
                    : Release.fromText(version.replaceFirst("^(\\d+\\.\\d+).*", "$1"));
            if (version != null && version.startsWith("1.4.")) {
                release = Release.V2_0;
            }
            if (release != null && seen.add(version)) {
                out.add(new Runner(python, version, release));
            }
        }
        return out;
    }

    private static String sqlalchemyVersion(Path python) {
        try {
            Process p = new ProcessBuilder(python.toString(), "-c", "import sqlalchemy, yaml; print(sqlalchemy.__version__)")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty() ? out : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    static Trace run(Path python, Path module) throws IOException, InterruptedException {
        Path errors = Files.createTempFile(module.getParent(), "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(python.toString(), "conformance/run_exported.py", module.toString())
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
