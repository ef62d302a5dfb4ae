package dev.cascadeviz.scenario;

import static dev.cascadeviz.scenario.Refusals.BASE;
import static dev.cascadeviz.scenario.Refusals.NEXT_LINE;
import static dev.cascadeviz.scenario.Refusals.problems;
import static dev.cascadeviz.scenario.Refusals.refusedOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StructureRefusalTest {

    @Test
    void refusesAYamlSyntaxErrorAtJacksonsPosition() {
        Problem p = refusedOnce("title: x\ntables: [1, 2\nclasses: {}\n", 3, 8, "YAML syntax error",
                "expected ',' or ']'", "flow sequence that starts at line 2, column 9");
        assertEquals("test.yaml:3:8: " + p.message(), p.toString());
    }

    @Test
    void refusesAJsonSyntaxErrorAtItsPosition() {
        refusedOnce("{\"title\": \"x\",\n \"tables\": }", 2, 12, "JSON syntax error", "expected a value");
    }

    @Test
    void refusesATopLevelThatIsNotAMapping() {
        refusedOnce("- tables\n- classes\n", 1, 1, "expected a mapping at the top level", "found a list");
    }

    @Test
    void refusesAnEmptyFile() {
        refusedOnce("# nothing here\n", 1, 1, "the file is empty");
    }

    @Test
    void refusesASecondYamlDocument() {
        refusedOnce("title: one\n---\ntitle: two\n", 3, 1, "one YAML document");
    }

    @Test
    void refusesYamlAliases() {
        refusedOnce("title: &t Hello\nnotes: *t\n", 2, 8, "aliases", "*t");
    }

    @Test
    void refusesAnUnknownTopLevelKeyAndListsTheAllowedOnes() {
        refusedOnce("title: x\nstep:\n  - commit\n", 2, 1, "unknown key 'step' in the scenario",
                "allowed keys: format, sqlalchemy, title, notes, database, tables, classes, rows, steps, layout");
    }

    @Test
    void refusesADuplicateKeyNamingTheFirstOne() {
        refusedOnce("title: x\nnotes: a\ntitle: y\n", 3, 1, "duplicate key 'title'", "line 1, column 1");
    }

    @Test
    void refusesADuplicateClassName() {
        String dup = BASE.replace("  Song:\n    table: song\n", "  Artist:\n    table: song\n  Song:\n    table: song\n");
        refusedOnce(dup, 15, 3, "duplicate key 'Artist'", "line 11, column 3");
    }

    @Test
    void refusesAFormatOtherThanOne() {
        refusedOnce("format: 2\n", 1, 9, "unsupported format 2", "reads format 1");
    }

    @Test
    void refusesAFormatWrittenAsAString() {
        refusedOnce("format: '1'\n", 1, 9, "expected an integer for 'format'", "the string '1'");
    }

    @Test
    void refusesStepsThatAreNotAList() {
        refusedOnce(BASE + "steps: commit\n", NEXT_LINE, 8, "expected a list for 'steps'", "the string 'commit'");
    }

    @Test
    void refusesAnUnknownEngine() {
        refusedOnce("database:\n  engine: postgres\n", 2, 11, "unknown engine 'postgres'", "h2 or sqlite");
    }

    @Test
    void refusesAnUnknownDatabaseKey() {
        refusedOnce("database:\n  foreign_key: true\n", 2, 3, "unknown key 'foreign_key' in 'database'",
                "allowed keys: engine, foreign_keys");
    }

    @Test
    void collectsProblemsFromEverySectionInFileOrder() {
        String text = """
                format: 3
                tables:
                  t:
                    columns:
                      id: {type: integr, primary_key: true}
                layout:
                  Nobody: [0, 0]
                """;
        List<Problem> problems = problems(text);
        assertEquals(3, problems.size(), Refusals.join(problems));
        Refusals.assertAt(problems.get(0), 1, 9, "unsupported format 3");
        Refusals.assertAt(problems.get(1), 5, Refusals.column(text, 5, "integr"), "unknown type 'integr'");
        Refusals.assertAt(problems.get(2), 7, 3, "unknown class 'Nobody'");
        assertTrue(problems.get(2).toString().startsWith("test.yaml:7:3: "));
    }

    @Test
    void joinsEveryProblemOnItsOwnLineInTheMessage() {
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                () -> ScenarioFiles.parse("format: 3\ntitle: 4\n", "f.yaml"));
        assertEquals("f.yaml:1:9: unsupported format 3: this version of CascadeViz reads format 1\n"
                + "f.yaml:2:8: expected a string for 'title', found the number 4 (quote it to make it a string)",
                e.getMessage());
    }
}
