package dev.cascadeviz.scenario;

import static dev.cascadeviz.scenario.Refusals.refusedOnceAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.editing.ModelEdits;
import dev.cascadeviz.model.Names;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16: table and column names SQLAlchemy accepts (spaces, a leading digit, other alphabets,
 * quotes, reserved words) are read, and the step notation names such a column by quoting it.
 */
class SqlNamesTest {

    private static String scenario(String table, String column) {
        return """
                tables:
                  %1$s:
                    columns:
                      id: {type: integer, primary_key: true}
                      %2$s: {type: string}
                classes:
                  Thing: {table: %1$s}
                rows:
                  %1$s:
                    - {id: 1, %2$s: a}
                steps:
                  - set: {attr: "Thing(1).%3$s", value: b}
                  - commit
                """.formatted(yaml(table), yaml(column), StepSyntax.attribute(column).replace("\\", "\\\\").replace("\"", "\\\""));
    }

    /** A YAML double-quoted scalar. */
    private static String yaml(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @ParameterizedTest
    @ValueSource(strings = {"first name", "1st", "Größe", "o'brien", "x\"y", "order", "Select", "$v", "名前",
            " padded ", "a:b, c", "it's \"both\"", "(x)", "%"})
    void aNameSqlAlchemyAcceptsIsReadAndTheStepNamesItsColumn(String name) throws ScenarioException {
        Scenario s = ScenarioFiles.parse(scenario(name + " t", name), "names.yaml");
        assertTrue(s.tables().containsKey(name + " t"));
        assertTrue(s.table(name + " t").columns().containsKey(name));
        Step.SetColumn set = (Step.SetColumn) s.steps().get(0);
        assertEquals(name, set.column());
        // the one-line notation writes it so that it reads back as the same step
        String line = StepNotation.line(set);
        assertEquals(set, StepNotation.parse(line, s), line);
    }

    @Test
    void newValuesNameOddColumnsInTheOneLineNotation() throws ScenarioException {
        Scenario s = ScenarioFiles.parse(scenario("t", "first: name, x"), "names.yaml");
        Step.New n = new Step.New("n1", "Thing", new LinkedHashMap<>(Map.of("first: name, x", "v")));
        String line = StepNotation.line(n);
        assertEquals("new Thing with {'first: name, x': 'v'} as n1", line);
        assertEquals(n, StepNotation.parse(line, s));
    }

    @Test
    void aDotCannotBePartOfANameBecauseTableDotColumnSplitsAtIt() {
        refusedOnceAt("tables:\n  \"a.b\":\n    columns:\n      id: {type: integer, primary_key: true}\n", 2, "\"a.b\"",
                "table name 'a.b' contains '.'", "ForeignKey(\"table.column\")");
        refusedOnceAt("tables:\n  t:\n    columns:\n      \"x.y\": {type: integer, primary_key: true}\n", 4, "\"x.y\"",
                "column name 'x.y' contains '.'");
    }

    @Test
    void anEmptyNameAndAControlCharacterAreRefused() {
        refusedOnceAt("tables:\n  \"\":\n    columns:\n      id: {type: integer, primary_key: true}\n", 2, "\"\"",
                "table name '' is empty");
        refusedOnceAt("tables:\n  t:\n    columns:\n      \"a\\0b\": {type: integer, primary_key: true}\n", 4, "\"a",
                "contains a control character");
    }

    @Test
    void namesSqliteTakesForOneAreRefused() {
        refusedOnceAt("""
                tables:
                  Person:
                    columns:
                      id: {type: integer, primary_key: true}
                  person:
                    columns:
                      id: {type: integer, primary_key: true}
                """, 5, "person", "table name 'person' differs from table 'Person' only in case",
                "table \"person\" already exists");
        refusedOnceAt("""
                tables:
                  t:
                    columns:
                      id: {type: integer, primary_key: true}
                      Name: {type: string}
                      NAME: {type: string}
                """, 6, "NAME", "column name 'NAME' differs from column 'Name' only in case",
                "duplicate column name: NAME");
    }

    @Test
    void onlyAsciiLettersFoldLikeSqliteDoes() throws ScenarioException {
        // SQLite's sqlite3StrICmp folds A-Z only: "Ä" and "ä" are two tables to it
        Scenario s = ScenarioFiles.parse("""
                tables:
                  Äpfel:
                    columns:
                      id: {type: integer, primary_key: true}
                  äpfel:
                    columns:
                      id: {type: integer, primary_key: true}
                """, "fold.yaml");
        assertEquals(List.of("Äpfel", "äpfel"), List.copyOf(s.tables().keySet()));
    }

    @Test
    void classesAndRelationshipsArePythonIdentifiersOfAnyAlphabet() throws ScenarioException {
        Scenario s = ScenarioFiles.parse("""
                tables:
                  Straße:
                    columns:
                      id: {type: integer, primary_key: true}
                  Haus:
                    columns:
                      id: {type: integer, primary_key: true}
                      straße_id: {type: integer, foreign_key: Straße.id}
                classes:
                  Straße:
                    table: Straße
                    relationships:
                      häuser: {target: 家}
                  家: {table: Haus}
                rows:
                  Straße: [{id: 1}]
                steps:
                  - load: Straße(1).häuser
                """, "unicode.yaml");
        assertEquals(List.of("Straße", "家"), List.copyOf(s.classes().keySet()));
        assertEquals("load Straße(1).häuser", StepNotation.line(s.steps().get(0)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1Thing", "A Thing", "Thing-2", "\uff34hing", "x\u200dy"})
    void aClassNamePythonWouldNotReadAsThatNameIsRefused(String name) {
        String text = "tables:\n  t:\n    columns:\n      id: {type: integer, primary_key: true}\nclasses:\n  "
                + yaml(name) + ": {table: t}\n";
        refusedOnceAt(text, 6, yaml(name), "class name '" + name + "' must be a Python identifier");
    }

    @Test
    void pythonIdentifiersAreThoseThePythonParserKeepsAsWritten() {
        for (String ok : List.of("x", "_", "Größe", "名前", "été_2", "\ud840\udc00x")) {
            assertTrue(Names.isPythonIdentifier(ok), ok);
        }
        // fullwidth T and the ligature fi are rewritten by NFKC in Python source; a joiner is not part of a name
        for (String bad : List.of("", "2x", "a b", "a-b", "$x", "\uff34x", "\ufb01le", "a\u200db", "\ud835\udc00bc")) {
            assertFalse(Names.isPythonIdentifier(bad), bad);
        }
    }

    @Test
    void theModelEditorTakesTheNamesTheLoaderTakes() {
        Scenario s = ModelEdits.addClass(emptyScenario(), "Kunde", "Kunde Straße", null);
        assertTrue(s.tables().containsKey("Kunde Straße"));
        IllegalArgumentException e = Assertions.assertThrows(IllegalArgumentException.class,
                () -> ModelEdits.addClass(emptyScenario(), "Kunde", "a.b", null));
        assertTrue(e.getMessage().contains("contains '.'"), e.getMessage());
        Assertions.assertThrows(IllegalArgumentException.class,
                () -> ModelEdits.addClass(emptyScenario(), "Kunde Straße", "k", null));
    }

    private static Scenario emptyScenario() {
        try {
            return ScenarioFiles.parse("tables: {}\n", "empty.yaml");
        } catch (ScenarioException e) {
            throw new AssertionError(e);
        }
    }
}
