package dev.cascadeviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.advice.TinyScenarios;
import dev.cascadeviz.scenario.ScenarioFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {

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

    private Path file(String yaml) throws Exception {
        Path p = tmp.resolve("artists.yaml");
        Files.writeString(p, yaml);
        return p;
    }

    @Test
    void explainPrintsTheWarningWithItsFixThenEachStatementWithItsCause() throws Exception {
        Path f = file(ScenarioFiles.toYaml(TinyScenarios.deleteArtist("", "ondelete: CASCADE")));
        assertEquals(0, run("explain", f.toString()), err);
        assertTrue(out.startsWith("Warnings:\n  ! The database has song.artist_id ON DELETE CASCADE"), out);
        assertTrue(out.contains("    fix: Set passive_deletes=True on Artist.songs"), out);
        int update = out.indexOf("UPDATE song SET artist_id=? WHERE song.id = ?");
        assertTrue(update > out.indexOf("Statements:"), out);
        assertTrue(out.indexOf("why: Artist.songs has no delete cascade, so the ORM detaches the children") > update, out);
    }

    @Test
    void explainSaysWhichRuleTheDatabaseApplied() throws Exception {
        Path f = file(ScenarioFiles.toYaml(TinyScenarios.deleteArtist(
                "cascade: 'all, delete-orphan', passive_deletes: true", "ondelete: CASCADE")));
        assertEquals(0, run("explain", f.toString()), err);
        assertTrue(out.startsWith("Warnings: none"), out);
        assertTrue(out.contains("then the database: song.artist_id ON DELETE CASCADE: delete song (2 rows)"), out);
    }

    @Test
    void explainOfAFileThatCannotBeReadExitsWithTheScenarioProblemCode() throws Exception {
        Path f = file("format: 1\ntables: [\n");
        assertEquals(CascadeVizCommand.SCENARIO_PROBLEM, run("explain", f.toString()));
        assertTrue(!err.isEmpty() && !err.contains("Exception"), err);
    }

    @Test
    void explainWithoutAFileIsAUsageProblem() {
        assertEquals(CascadeVizCommand.USAGE, run("explain"));
    }
}
