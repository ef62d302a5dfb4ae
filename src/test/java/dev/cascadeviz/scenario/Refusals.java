package dev.cascadeviz.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

/** Helpers for tests that feed the loader a broken file and check what it says, and where. */
final class Refusals {

    /** A small valid scenario; text appended to it starts at line {@link #NEXT_LINE}. */
    static final String BASE = """
            tables:
              artist:
                columns:
                  id: {type: integer, primary_key: true}
                  name: {type: string, length: 50, nullable: false}
              song:
                columns:
                  id: {type: integer, primary_key: true}
                  artist_id: {type: integer, foreign_key: artist.id}
            classes:
              Artist:
                table: artist
                relationships:
                  songs: {target: Song, back_populates: artist}
              Song:
                table: song
                relationships:
                  artist: {target: Artist, back_populates: songs}
            rows:
              artist:
                - {id: 1, name: Nirvana}
              song:
                - {id: 1, artist_id: 1}
            """;

    static final int NEXT_LINE = 24;

    private Refusals() {
    }

    static List<Problem> problems(String text) {
        return problems(text, "test.yaml");
    }

    static List<Problem> problems(String text, String fileName) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFiles.parse(text, fileName));
        return e.problems();
    }

    /** The file is refused with exactly one problem, at line:column, whose message contains each part. */
    static Problem refusedOnce(String text, int line, int column, String... parts) {
        List<Problem> problems = problems(text);
        assertEquals(1, problems.size(), () -> "expected one problem, got:\n" + join(problems));
        Problem p = problems.get(0);
        assertAt(p, line, column, parts);
        return p;
    }

    /** Like {@link #refusedOnce} with the column of the first occurrence of token on that line. */
    static Problem refusedOnceAt(String text, int line, String token, String... parts) {
        return refusedOnce(text, line, column(text, line, token), parts);
    }

    /** The 1-based column where token first appears on a 1-based line of text. */
    static int column(String text, int line, String token) {
        String l = text.split("\n", -1)[line - 1];
        int i = l.indexOf(token);
        if (i < 0) {
            fail("'" + token + "' is not on line " + line + ": " + l);
        }
        return i + 1;
    }

    static void assertAt(Problem p, int line, int column, String... parts) {
        assertEquals(line + ":" + column, p.line() + ":" + p.column(), () -> "position of: " + p);
        for (String part : parts) {
            assertTrue(p.message().contains(part), () -> "expected '" + part + "' in: " + p.message());
        }
    }

    /** Some problem of the file is at line:column and says each part. */
    static void hasProblem(String text, int line, int column, String... parts) {
        List<Problem> problems = problems(text);
        for (Problem p : problems) {
            if (p.line() == line && p.column() == column) {
                assertAt(p, line, column, parts);
                return;
            }
        }
        fail("no problem at " + line + ":" + column + " among:\n" + join(problems));
    }

    static String join(List<Problem> problems) {
        StringBuilder sb = new StringBuilder();
        problems.forEach(p -> sb.append(p).append('\n'));
        return sb.toString();
    }
}
