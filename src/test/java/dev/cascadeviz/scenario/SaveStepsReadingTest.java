package dev.cascadeviz.scenario;

import static dev.cascadeviz.scenario.Refusals.BASE;
import static dev.cascadeviz.scenario.Refusals.NEXT_LINE;
import static dev.cascadeviz.scenario.Refusals.refusedOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The steps that make, name, change, merge and refresh objects: what they read as, and what is refused. */
class SaveStepsReadingTest {

    private static final int FIRST = NEXT_LINE + 1;

    private static String steps(String... lines) {
        StringBuilder sb = new StringBuilder(BASE).append("steps:\n");
        for (String l : lines) {
            sb.append("  - ").append(l).append('\n');
        }
        return sb.toString();
    }

    @Test
    void readsEveryNewStepWithItsNames() throws Exception {
        Scenario s = ScenarioFiles.parse(steps(
                "new: {as: a, class: Artist, values: {name: Pixies}}",
                "new: {as: s, class: Song, values: {id: 5}}",
                "get: {ref: Song(1), as: old}",
                "append: {item: s, to: a.songs}",
                "add: a",
                "set: {attr: a.name, value: The Pixies}",
                "set: {attr: old.artist, value: a}",
                "merge: {object: old, as: m}",
                "refresh: Artist(1)",
                "expire: m",
                "expire_all",
                "close",
                "get: Song(5)"), "t.yaml");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", "Pixies");
        ObjectRef a = ObjectRef.named("a", "Artist");
        assertEquals(List.of(
                new Step.New("a", "Artist", values),
                new Step.New("s", "Song", Map.of("id", 5L)),
                new Step.Get(ObjectRef.of("Song", 1L), "old"),
                new Step.Append(ObjectRef.named("s", "Song"), a, "songs"),
                new Step.Add(a),
                new Step.SetColumn(a, "name", "The Pixies"),
                new Step.Set(ObjectRef.named("old", "Song"), "artist", a),
                new Step.Merge(ObjectRef.named("old", "Song"), "m"),
                new Step.Refresh(ObjectRef.of("Artist", 1L)),
                new Step.Expire(ObjectRef.named("m", "Song")),
                new Step.ExpireAll(),
                new Step.Close(),
                new Step.Get(ObjectRef.of("Song", 5L))), s.steps());
    }

    @Test
    void savedStepsReadBackTheSame() throws Exception {
        Scenario s = ScenarioFiles.parse(steps(
                "new: {as: a, class: Artist, values: {name: 'yes', id: 9}}",
                "append: {item: Song(1), to: a.songs}",
                "get: {ref: Artist(1), as: b}",
                "set: {attr: b.name, value: null}",
                "merge: {object: a, as: c}", "merge: b", "refresh: c", "expire: Artist(1)", "expire_all", "close",
                "add: b"), "t.yaml");
        String yaml = ScenarioFiles.toYaml(s);
        assertEquals(s, ScenarioFiles.parse(yaml, "saved.yaml"));
    }

    @Test
    void refusesANameUsedBeforeItsBinding() {
        refusedOnce(steps("add: a", "new: {as: a, class: Artist}"), FIRST, 10,
                "name 'a' in step 'add' is used before the step that binds it");
    }

    @Test
    void refusesAnUnknownName() {
        refusedOnce(steps("new: {as: a, class: Artist}", "add: b"), FIRST + 1, 10, "unknown name 'b' in step 'add'",
                "bound so far: 'a'");
    }

    @Test
    void refusesAValueForAColumnTheClassDoesNotMap() {
        refusedOnce(steps("new: {as: a, class: Artist, values: {title: x}}"), FIRST, 42,
                "class Artist maps no column 'title'", "its columns are 'id', 'name'");
    }

    @Test
    void refusesALiteralOfTheWrongType() {
        refusedOnce(steps("new: {as: a, class: Artist, values: {id: one}}"), FIRST, 46,
                "expected an integer for column 'artist.id'");
        refusedOnce(steps("set: {attr: Artist(1).name, value: 3}"), FIRST, 40, "expected a string for column 'artist.name'");
    }

    @Test
    void refusesAnAttributeThatIsNeitherColumnNorRelationship() {
        refusedOnce(steps("set: {attr: Artist(1).nope, value: 3}"), FIRST, 17, "class Artist has no attribute 'nope'");
    }

    @Test
    void acceptsAKeyAnEarlierNewStepGivesButNotALaterOne() throws Exception {
        ScenarioFiles.parse(steps("new: {as: a, class: Artist, values: {id: 7}}", "add: a", "get: Artist(7)"), "t.yaml");
        refusedOnce(steps("get: Artist(7)", "new: {as: a, class: Artist, values: {id: 7}}"), FIRST, 10,
                "no row for Artist(7)");
    }

    @Test
    void refusesAppendingToAScalarOrTheWrongClass() {
        refusedOnce(steps("new: {as: a, class: Artist}", "append: {item: a, to: Song(1).artist}"), FIRST + 1, 27,
                "cannot append to Song.artist");
        refusedOnce(steps("new: {as: a, class: Artist}", "append: {item: a, to: Artist(1).songs}"), FIRST + 1, 20,
                "the item must be a Song");
    }

    @Test
    void everyNewStepPrintsOnOneLineAndReadsBack() throws Exception {
        Scenario s = ScenarioFiles.parse(steps(
                "new: {as: a, class: Artist, values: {name: 'The Pixies', id: 9}}",
                "new: {as: b, class: Artist}",
                "new: {class: Song}",
                "get: {ref: Song(1), as: old}",
                "append: {item: old, to: a.songs}",
                "add: a",
                "set: {attr: a.name, value: null}",
                "set: {attr: Song(1).id, value: 4}",
                "merge: {object: old, as: m}",
                "merge: b",
                "refresh: Artist(1)",
                "expire: m",
                "expire_all",
                "close"), "t.yaml");
        List<String> lines = s.steps().stream().map(StepNotation::line).toList();
        assertEquals(List.of("new Artist with {name: 'The Pixies', id: 9} as a", "new Artist as b", "new Song",
                "get Song(1) as old", "append old to a.songs", "add a", "set a.name = None", "set Song(1).id = 4",
                "merge old as m", "merge b", "refresh Artist(1)", "expire m", "expire_all", "close"), lines);
        Scenario empty = s.withSteps(List.of());
        for (int i = 0; i < s.steps().size(); i++) {
            Scenario before = s.withSteps(s.steps().subList(0, i));
            assertEquals(s.steps().get(i), StepNotation.parse(lines.get(i), before), lines.get(i));
        }
        StepNotation.Refused e = Assertions.assertThrows(StepNotation.Refused.class,
                () -> StepNotation.parse("add zz", empty));
        Assertions.assertTrue(e.getMessage().contains("unknown name 'zz'"), e.getMessage());
    }
}
