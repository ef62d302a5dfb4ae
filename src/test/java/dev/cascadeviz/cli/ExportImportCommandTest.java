package dev.cascadeviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export and import subcommands: output, files and the messages for mistakes. */
class ExportImportCommandTest {

    private static final String ARTISTS = "assets/scenarios/10-artists-orm-cascade.yaml";

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CascadeVizCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void exportPythonWritesTheModuleToStdout() {
        Run r = run("export", "--python", ARTISTS);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("class Artist(Base):") && r.out().contains("def main("), r.out());
    }

    @Test
    void exportDdlWritesToTheOutputFile() throws Exception {
        Path out = dir.resolve("schema.sql");
        Run r = run("export", "--ddl", "postgresql", ARTISTS, "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(out).contains("CREATE TABLE artist"));
    }

    @Test
    void anUnknownDialectIsAUsageError() {
        Run r = run("export", "--ddl", "oracle", ARTISTS);
        assertEquals(CascadeVizCommand.USAGE, r.code());
        assertTrue(r.err().contains("unknown DDL dialect 'oracle'"), r.err());
    }

    @Test
    void importWritesAScenarioThatExportsBack() throws Exception {
        Path py = dir.resolve("m.py");
        Path yaml = dir.resolve("m.yaml");
        assertEquals(0, run("export", "--python", ARTISTS, "-o", py.toString()).code());
        Run r = run("import", py.toString(), "-o", yaml.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(yaml).contains("Artist:"));
        assertTrue(r.err().contains("skipped def run_steps"), r.err());
    }

    @Test
    void importOfAFileThatIsNotPythonModelsExitsWithOneAndAMessage() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.py"), "print('hello')\n");
        Run r = run("import", junk.toString());
        assertEquals(CascadeVizCommand.SCENARIO_PROBLEM, r.code());
        assertTrue(r.err().contains("error: no tables found"), r.err());
    }

    @Test
    void importNeedsEitherAModelsFileOrADatabase() {
        assertEquals(CascadeVizCommand.USAGE, run("import").code());
    }
}
