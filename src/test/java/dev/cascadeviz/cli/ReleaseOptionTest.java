package dev.cascadeviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Release;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --sqlalchemy 2.0|2.1} on trace, explain and export, overriding the file's release. */
class ReleaseOptionTest {

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

    private static String artist() {
        try {
            return Path.of(ReleaseOptionTest.class.getResource("/cli/artist.yaml").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Trace trace(String... args) {
        assertEquals(0, run(args), err);
        return TraceJson.fromJson(out);
    }

    @Test
    void aFileWithoutAReleaseIsTracedAsSqlAlchemy21() {
        Trace t = trace("trace", artist());
        assertEquals(Release.V2_1, t.release(), "the trace says which release it shows");
        assertEquals("SELECT artist.id, artist.name \nFROM artist \nWHERE artist.id = ?", t.statements().get(0).sql());
    }

    @Test
    void traceShowsSqlAlchemy20sLabelsWhenAsked() {
        Trace t = trace("trace", "--sqlalchemy", "2.0", artist());
        assertEquals(Release.V2_0, t.release());
        assertEquals("SELECT artist.id AS artist_id, artist.name AS artist_name \nFROM artist \nWHERE artist.id = ?",
                t.statements().get(0).sql());
    }

    @Test
    void theOptionOverridesTheFilesRelease() throws Exception {
        Path pinned = tmp.resolve("pinned.yaml");
        Files.writeString(pinned, "sqlalchemy: \"2.0\"\n" + Files.readString(Path.of(artist())));
        assertEquals(Release.V2_0, trace("trace", pinned.toString()).release());
        assertEquals(Release.V2_1, trace("trace", "--sqlalchemy", "2.1", pinned.toString()).release());
    }

    @Test
    void anUnknownReleaseIsAUsageError() {
        assertEquals(CascadeVizCommand.USAGE, run("trace", "--sqlalchemy", "1.4", artist()));
        assertTrue(err.contains("unknown SQLAlchemy release '1.4' (expected 2.0 or 2.1)"), err);
    }

    @Test
    void explainShowsTheChosenRelease() {
        assertEquals(0, run("explain", "--sqlalchemy", "2.0", artist()), err);
        assertTrue(out.contains("artist.id AS artist_id"), out);
        assertEquals(0, run("explain", "--sqlalchemy", "2.1", artist()), err);
        assertTrue(out.contains("SELECT artist.id, artist.name"), out);
    }

    @Test
    void exportedPythonStatesTheReleaseItWasWrittenFor() {
        assertEquals(0, run("export", "--python", "--sqlalchemy", "2.0", artist()), err);
        assertTrue(out.contains("Written for SQLAlchemy 2.0"), out);
        assertEquals(0, run("export", "--python", artist()), err);
        assertTrue(out.contains("Written for SQLAlchemy 2.1"), out);
    }
}
