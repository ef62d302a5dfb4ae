package dev.cascadeviz.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one step notation: what it prints it reads back, through a line and through a file, and a
 * line is accepted or refused exactly as the loader accepts or refuses the same step in a file.
 */
class StepNotationTest {

    /** Integer, string and composite keys, a one-to-many and its many-to-one; rows are added per test. */
    private static final String SCHEMA = """
            tables:
              artist:
                columns:
                  id: {type: integer, primary_key: true}
              song:
                columns:
                  id: {type: integer, primary_key: true}
                  artist_id: {type: integer, foreign_key: artist.id}
              tag:
                columns:
                  name: {type: string, primary_key: true}
              link:
                columns:
                  a: {type: integer, primary_key: true}
                  b: {type: integer, primary_key: true}
            classes:
              Artist:
                table: artist
                relationships:
                  songs: {target: Song, back_populates: artist}
              Song:
                table: song
                relationships:
                  artist: {target: Artist, back_populates: songs}
              Tag: {table: tag}
              Link: {table: link}
            """;

    private static final String ROWS = """
            rows:
              artist:
                - {id: 1}
                - {id: 3}
              song:
                - {id: 2, artist_id: 1}
              tag:
                - {name: python}
                - {name: "a,b"}
                - {name: "it's"}
                - {name: "back\\\\slash"}
              link:
                - {a: 1, b: 2}
            """;

    private static Scenario scenario() throws ScenarioException {
        return ScenarioFiles.parse(SCHEMA + ROWS, "s.yaml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"get Artist(1)", "load Artist(1).songs", "delete Tag('python')",
            "remove Song(2) from Artist(1).songs", "set Song(2).artist = Artist(3)", "set Song(2).artist = None",
            "expunge Link(1, 2)", "delete Tag('a,b')", "delete Tag('it\\'s')", "flush", "commit", "rollback"})
    void readsBackWhatItWrites(String line) throws ScenarioException {
        assertEquals(line, StepNotation.line(StepNotation.parse(line, scenario())));
    }

    @Test
    void aCommaInsideAQuotedKeyIsPartOfTheKey() throws ScenarioException {
        assertEquals(new Step.Delete(ObjectRef.of("Tag", "a,b")), StepNotation.parse("delete Tag('a,b')", scenario()));
    }

    @Test
    void aBackslashEscapesTheQuoteAndIsNotKept() throws ScenarioException {
        assertEquals(new Step.Delete(ObjectRef.of("Tag", "it's")), StepNotation.parse("delete Tag('it\\'s')", scenario()));
        assertEquals(new Step.Delete(ObjectRef.of("Tag", "it's")), StepNotation.parse("delete Tag(\"it's\")", scenario()));
    }

    @Test
    void aFractionIsRefusedWhereTheKeyIsAnInteger() {
        StepNotation.Refused e = assertThrows(StepNotation.Refused.class,
                () -> StepNotation.parse("delete Artist(1.5)", scenario()));
        assertTrue(e.getMessage().contains("column 'id' is integer: write it as a whole number, found 1.5"), e.getMessage());
        assertEquals(e.getMessage(), loaderMessage("delete: Artist(1.5)"));
    }

    @Test
    void refusesAnUnknownKindNamingTheKnownOnes() {
        StepNotation.Refused e = assertThrows(StepNotation.Refused.class, () -> StepNotation.parse("destroy Artist(1)", scenario()));
        assertTrue(e.getMessage().contains("steps are get, load, delete, remove, set, expunge, new, add, append, merge, refresh, expire, "
                + "expire_all, close, flush, commit, rollback"),
                e.getMessage());
    }

    @Test
    void refusesARowThatDoesNotExistAsTheLoaderDoes() {
        StepNotation.Refused e = assertThrows(StepNotation.Refused.class, () -> StepNotation.parse("delete Artist(9)", scenario()));
        assertEquals("no row for Artist(9) in table 'artist': add it under rows", e.getMessage());
    }

    @Test
    void refusesARemoveWithoutItsWord() {
        StepNotation.Refused e = assertThrows(StepNotation.Refused.class,
                () -> StepNotation.parse("remove Song(2) Artist(1).songs", scenario()));
        assertTrue(e.getMessage().contains("remove Song(2) from Artist(1).songs"), e.getMessage());
    }

    @Test
    void anEditRefusedForALaterStepNamesThatStepAndTheLoadersMessage() throws ScenarioException {
        Scenario s = scenario().withSteps(List.of(StepNotation.parse("new Artist as a", scenario()), new Step.Commit()));
        s = s.withSteps(List.of(s.steps().get(0), StepNotation.parse("add a", s), new Step.Commit()));
        List<Step> taken = StepNotation.replace("flush", s, 2);
        assertEquals(List.of(s.steps().get(0), s.steps().get(1), new Step.Flush()), taken);
        Scenario withSteps = s;
        StepNotation.Refused e = assertThrows(StepNotation.Refused.class,
                () -> StepNotation.replace("new Artist as b", withSteps, 0));
        assertTrue(e.getMessage().startsWith("step 2: "), e.getMessage());
        assertEquals(e.getMessage().substring("step 2: ".length()),
                loaderSteps("  - new: {class: Artist, as: b}\n  - add: a\n"));
    }

    @Test
    void anOrderIsCheckedAsTheLoaderReadsIt() throws ScenarioException {
        Scenario s = scenario().withSteps(List.of(StepNotation.parse("new Artist as a", scenario())));
        Step add = StepNotation.parse("add a", s);
        Step bind = s.steps().get(0);
        StepNotation.check(List.of(bind, add), s);
        String loader = loaderSteps("  - add: a\n  - new: {class: Artist, as: a}\n");
        assertTrue(loader != null && loader.contains("'a'"), loader);
        StepNotation.Refused e = assertThrows(StepNotation.Refused.class, () -> StepNotation.check(List.of(add, bind), s));
        assertEquals("step 1: " + loader, e.getMessage());
    }

    /** The loader's first message for a steps section, or null when it accepts it. */
    private static String loaderSteps(String steps) {
        try {
            ScenarioFiles.parse(SCHEMA + ROWS + "steps:\n" + steps, "s.yaml");
            return null;
        } catch (ScenarioException e) {
            return e.problems().get(0).message();
        }
    }

    /** Print then parse is the identity, for a line and for a saved file, on generated steps. */
    @Test
    void printThenParseIsTheIdentityOnGeneratedSteps() throws ScenarioException {
        Random random = new Random(14);
        for (int round = 0; round < 40; round++) {
            Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                steps.add(step(random, rows));
            }
            Scenario s = scenario().withRows(rows).withSteps(List.of());
            for (Step step : steps) {
                String line = StepNotation.line(step);
                assertEquals(step, StepNotation.parse(line, s), line);
            }
            Scenario withSteps = s.withSteps(steps);
            assertEquals(steps, ScenarioFiles.parse(ScenarioFiles.toYaml(withSteps), "round.yaml").steps());
        }
    }

    private static Step step(Random r, Map<String, List<Map<String, Object>>> rows) {
        return switch (r.nextInt(9)) {
            case 0 -> new Step.Get(object(r, rows));
            case 1 -> new Step.Load(artist(r, rows), "songs");
            case 2 -> new Step.Delete(object(r, rows));
            case 3 -> {
                ObjectRef artist = artist(r, rows);
                yield new Step.Remove(song(r, rows, artist), artist, "songs");
            }
            case 4 -> {
                ObjectRef artist = artist(r, rows);
                yield new Step.Set(song(r, rows, artist), "artist", r.nextBoolean() ? null : artist);
            }
            case 5 -> new Step.Expunge(object(r, rows));
            case 6 -> new Step.Flush();
            case 7 -> new Step.Commit();
            default -> new Step.Rollback();
        };
    }

    private static ObjectRef object(Random r, Map<String, List<Map<String, Object>>> rows) {
        switch (r.nextInt(3)) {
            case 0 -> {
                return artist(r, rows);
            }
            case 1 -> {
                String name = text(r);
                add(rows, "tag", Map.of("name", name));
                return ObjectRef.of("Tag", name);
            }
            default -> {
                long a = number(r);
                long b = number(r);
                add(rows, "link", Map.of("a", a, "b", b));
                return ObjectRef.of("Link", a, b);
            }
        }
    }

    private static ObjectRef artist(Random r, Map<String, List<Map<String, Object>>> rows) {
        long id = number(r);
        add(rows, "artist", Map.of("id", id));
        return ObjectRef.of("Artist", id);
    }

    private static ObjectRef song(Random r, Map<String, List<Map<String, Object>>> rows, ObjectRef artist) {
        long id = number(r);
        add(rows, "song", Map.of("id", id, "artist_id", artist.key().get(0)));
        return ObjectRef.of("Song", id);
    }

    /** Adds the row unless one with its primary key is there (a song's key is its id alone). */
    private static void add(Map<String, List<Map<String, Object>>> rows, String table, Map<String, Object> row) {
        List<Map<String, Object>> list = rows.computeIfAbsent(table, t -> new ArrayList<>());
        Function<Map<String, Object>, Object> key = x -> table.equals("song") ? x.get("id")
                : table.equals("link") ? List.of(x.get("a"), x.get("b")) : x.values().iterator().next();
        if (list.stream().noneMatch(x -> key.apply(x).equals(key.apply(row)))) {
            list.add(row);
        }
    }

    private static long number(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> r.nextInt(10);
            case 1 -> -r.nextInt(1000);
            case 2 -> r.nextLong();
            default -> r.nextInt(100_000);
        };
    }

    /** Strings with the characters a notation could trip on: quotes, backslashes, commas, parentheses, words. */
    private static String text(Random r) {
        String[] pieces = {"a", "b", "'", "\"", "\\", ",", "(", ")", " ", ".", "=", " from ", "None", "1", "é", "#", ":"};
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(7);
        for (int i = 0; i < n; i++) {
            sb.append(pieces[r.nextInt(pieces.length)]);
        }
        return sb.toString();
    }

    /**
     * The editor accepts exactly what the loader accepts: an object written after {@code delete}
     * on one line, and the same text as the value of {@code - delete:} in a file, give the same
     * step or the same message.
     */
    @Test
    void theEditorAcceptsExactlyWhatTheLoaderAccepts() throws ScenarioException {
        String[] pieces = {"Artist", "Tag", "Link", "Nobody", "(", ")", "1", "3", "9", "1.5", "-2", ", ", "'a,b'",
                "'it\\'s'", "\"python\"", "'python", ".songs", " ", "one", "'back\\\\slash'", ")"};
        Random random = new Random(16);
        Scenario s = scenario();
        int accepted = 0;
        for (int i = 0; i < 600; i++) {
            StringBuilder text = new StringBuilder(List.of("Artist", "Tag", "Link", "Nobody").get(random.nextInt(4)));
            if (random.nextBoolean()) {
                String[] keys = {"1", "3", "9", "1.5", "'a,b'", "'it\\'s'", "\"python\"", "1, 2", "'python", "one",
                        "'back\\\\slash'", " 1 ", "'1'", "1,2", ""};
                text.append('(').append(keys[random.nextInt(keys.length)]).append(')');
            }
            int n = random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0;
            for (int k = 0; k < n; k++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String object = text.toString().strip();
            String yaml = "delete: \"" + object.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            String loader = loaderMessage(yaml);
            String editor;
            try {
                Step step = StepNotation.parse("delete " + object, s);
                editor = null;
                assertEquals(List.of(step), ScenarioFiles.parse(SCHEMA + ROWS + "steps:\n  - " + yaml + "\n", "s.yaml").steps());
                accepted++;
            } catch (StepNotation.Refused e) {
                editor = e.getMessage();
            }
            assertEquals(loader, editor, object);
        }
        assertTrue(accepted > 20, "too few valid objects generated: " + accepted);
    }

    /** The loader's first message for one step appended to the scenario, or null when it accepts it. */
    private static String loaderMessage(String step) {
        try {
            ScenarioFiles.parse(SCHEMA + ROWS + "steps:\n  - " + step + "\n", "s.yaml");
            return null;
        } catch (ScenarioException e) {
            return e.problems().get(0).message();
        }
    }
}
