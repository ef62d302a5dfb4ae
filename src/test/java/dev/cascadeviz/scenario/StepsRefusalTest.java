package dev.cascadeviz.scenario;

import static dev.cascadeviz.scenario.Refusals.BASE;
import static dev.cascadeviz.scenario.Refusals.NEXT_LINE;
import static dev.cascadeviz.scenario.Refusals.refusedOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepsRefusalTest {

    /** BASE plus one step, written at line NEXT_LINE + 1; its argument starts at column 5 + kind + 2. */
    private static String step(String step) {
        return BASE + "steps:\n  - " + step + "\n";
    }

    private static final int STEP = NEXT_LINE + 1;

    private static final String KEYED = """
            tables:
              tag:
                columns:
                  name: {type: string, primary_key: true}
              link:
                columns:
                  a: {type: integer, primary_key: true}
                  b: {type: integer, primary_key: true}
            classes:
              Tag: {table: tag}
              Link: {table: link}
            rows:
              tag:
                - {name: python}
                - {name: "it's"}
              link:
                - {a: 1, b: 2}
            steps:
            """;

    @Test
    void refusesAnUnknownStepKind() {
        refusedOnce(step("destroy: Artist(1)"), STEP, 5, "unknown step 'destroy'",
                "steps are get, load, delete, remove, set, expunge, new, add, append, merge, refresh, expire, expire_all, close, flush, commit, rollback");
    }

    @Test
    void refusesAnUnknownBareStep() {
        refusedOnce(step("save"), STEP, 5, "unknown step 'save'");
    }

    @Test
    void refusesADeleteWithoutAnObject() {
        refusedOnce(step("delete"), STEP, 5, "step 'delete' needs an object", "- delete: Artist(1)");
    }

    @Test
    void refusesAnObjectNameWithoutParentheses() {
        refusedOnce(step("delete: Artist 1"), STEP, 13, "malformed object 'Artist 1'", "expected '('",
                "Artist(1), Tag('python') or Link(1, 2)");
    }

    @Test
    void refusesAnObjectNameWithAnUnquotedStringKey() {
        refusedOnce(step("delete: Artist(one)"), STEP, 13, "malformed object 'Artist(one)'",
                "an integer or a quoted string");
    }

    @Test
    void refusesAnObjectNameWithAnUnclosedString() {
        refusedOnce(step("delete: \"Artist('one)\""), STEP, 13, "has no closing '");
    }

    @Test
    void refusesAnObjectNameWithoutAKey() {
        refusedOnce(step("delete: Artist()"), STEP, 13, "needs its primary key");
    }

    @Test
    void refusesAnObjectOfAnUnknownClass() {
        refusedOnce(step("delete: Singer(1)"), STEP, 13, "unknown class 'Singer' in step 'delete'");
    }

    @Test
    void refusesAKeyWhoseArityDoesNotMatchThePrimaryKey() {
        refusedOnce(step("delete: Artist(1, 2)"), STEP, 13, "Artist has a primary key of 1 column (id); found 2 values");
    }

    @Test
    void refusesAStringKeyForAnIntegerPrimaryKey() {
        refusedOnce(step("get: Artist('1')"), STEP, 10, "column 'id' is integer: write it as a whole number, found '1'");
    }

    @Test
    void refusesAnObjectWhoseRowDoesNotExist() {
        refusedOnce(step("delete: Artist(9)"), STEP, 13, "no row for Artist(9) in table 'artist'");
    }

    @Test
    void refusesLoadingAnAttributeThatIsNotARelationship() {
        refusedOnce(step("load: Artist(1).name"), STEP, 11, "class Artist has no relationship 'name'",
                "its relationships are 'songs'");
    }

    @Test
    void refusesLoadWithoutAnAttribute() {
        refusedOnce(step("load: Artist(1)"), STEP, 11, "malformed 'Artist(1)' in step 'load'", "expected '.'");
    }

    @Test
    void refusesRemovingFromARelationshipThatIsNotACollection() {
        refusedOnce(step("remove: {item: Artist(1), from: Song(1).artist}"), STEP, 37,
                "cannot remove from Song.artist: it holds one object");
    }

    @Test
    void refusesRemovingAnItemOfTheWrongClass() {
        refusedOnce(step("remove: {item: Artist(1), from: Artist(1).songs}"), STEP, 20, "the item must be a Song");
    }

    @Test
    void refusesSettingACollection() {
        refusedOnce(step("set: {attr: Artist(1).songs, value: null}"), STEP, 17, "cannot set Artist.songs: it is a collection");
    }

    @Test
    void refusesSettingAValueOfTheWrongClass() {
        refusedOnce(step("set: {attr: Song(1).artist, value: Song(1)}"), STEP, 40,
                "the value of Song.artist must be a Artist or null, found a Song");
    }

    @Test
    void refusesAnUnknownKeyInARemoveStep() {
        refusedOnce(step("remove: {item: Song(1), form: Artist(1).songs}"), STEP, 29, "unknown key 'form' in step 'remove'");
    }

    @Test
    void refusesACommitWrittenAsAMapping() {
        refusedOnce(step("commit:"), STEP, 5, "step 'commit' takes nothing");
    }

    @Test
    void readsStringAndCompositeKeysInEitherQuotes() throws ScenarioException {
        Scenario s = ScenarioFiles.parse(KEYED + "  - get: Tag('python')\n  - delete: Tag(\"it's\")\n"
                + "  - delete: Tag('it\\'s')\n  - expunge: Link(1, 2)\n", "k.yaml");
        assertEquals(List.of(new Step.Get(ObjectRef.of("Tag", "python")), new Step.Delete(ObjectRef.of("Tag", "it's")),
                new Step.Delete(ObjectRef.of("Tag", "it's")), new Step.Expunge(ObjectRef.of("Link", 1L, 2L))), s.steps());
    }

    @Test
    void refusesANumberKeyForAStringPrimaryKey() {
        refusedOnce(KEYED + "  - get: Tag(1)\n", 19, 10, "column 'name' is string: write it in quotes");
    }

    @Test
    void refusesACompositeKeyWithTooFewValues() {
        refusedOnce(KEYED + "  - get: Link(1)\n", 19, 10, "Link has a primary key of 2 columns (a, b); found 1 value");
    }
}
