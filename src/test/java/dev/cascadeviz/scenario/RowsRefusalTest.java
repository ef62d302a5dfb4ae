package dev.cascadeviz.scenario;

import static dev.cascadeviz.scenario.Refusals.refusedOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cascadeviz.model.Scenario;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowsRefusalTest {

    private static final String SCHEMA = """
            tables:
              t:
                columns:
                  id: {type: integer, primary_key: true}
                  name: {type: string, length: 5}
                  body: {type: text}
                  done: {type: boolean}
                  price: {type: float}
                  born: {type: date}
                  seen: {type: datetime}
                  code: {type: string, nullable: false}
            rows:
              t:
            """;

    /** One row of table t, at line 14, column 5. */
    private static String row(String row) {
        return SCHEMA + "    - " + row + "\n";
    }

    @Test
    void refusesRowsForAnUnknownTable() {
        refusedOnce(SCHEMA + "    - {id: 1, code: a}\n  u:\n    - {id: 1}\n", 15, 3, "rows for unknown table 'u'",
                "tables: 't'");
    }

    @Test
    void refusesARowWithoutItsPrimaryKey() {
        refusedOnce(row("{code: a}"), 14, 7, "a row of table 't' has no value for primary-key column 'id'");
    }

    @Test
    void refusesANullPrimaryKey() {
        refusedOnce(row("{id: null, code: a}"), 14, 12, "no value for primary-key column 'id'");
    }

    @Test
    void refusesAnUnknownColumnInARow() {
        refusedOnce(row("{id: 1, code: a, colour: red}"), 14, 24, "unknown column 'colour' in a row of table 't'");
    }

    @Test
    void refusesAStringForAnIntegerColumn() {
        refusedOnce(row("{id: '1', code: a}"), 14, 12, "expected an integer for column 't.id' (integer)",
                "the string '1'");
    }

    @Test
    void refusesANumberForAStringColumnSuggestingQuotes() {
        refusedOnce(row("{id: 1, code: 42}"), 14, 21, "expected a string for column 't.code' (string)",
                "the number 42 (quote it");
    }

    @Test
    void refusesAStringLongerThanItsColumn() {
        refusedOnce(row("{id: 1, code: a, name: Nirvana}"), 14, 30, "has 7 characters; its length is 5");
    }

    @Test
    void refusesANonBooleanForABooleanColumn() {
        refusedOnce(row("{id: 1, code: a, done: 1}"), 14, 30, "expected true or false for column 't.done'");
    }

    @Test
    void refusesAStringForAFloatColumn() {
        refusedOnce(row("{id: 1, code: a, price: cheap}"), 14, 31, "expected a number for column 't.price' (float)");
    }

    @Test
    void acceptsAnIntegerForAFloatColumnAsADouble() throws ScenarioException {
        Scenario s = ScenarioFiles.parse(row("{id: 1, code: a, price: 3}"), "t.yaml");
        assertEquals(3.0, s.rowsOf("t").get(0).get("price"));
    }

    @Test
    void refusesAMalformedDate() {
        refusedOnce(row("{id: 1, code: a, born: 24.9.1991}"), 14, 30, "expected a date YYYY-MM-DD for column 't.born'");
    }

    @Test
    void refusesAnImpossibleDate() {
        refusedOnce(row("{id: 1, code: a, born: 1991-02-30}"), 14, 30, "expected a date YYYY-MM-DD");
    }

    @Test
    void refusesADateForADatetimeColumn() {
        refusedOnce(row("{id: 1, code: a, seen: 1991-09-24}"), 14, 30,
                "expected a date and time YYYY-MM-DD HH:MM:SS for column 't.seen'");
    }

    @Test
    void acceptsDatetimesWithASpaceOrAT() throws ScenarioException {
        Scenario s = ScenarioFiles.parse(SCHEMA + "    - {id: 1, code: a, seen: '1991-09-24 10:00:00'}\n"
                + "    - {id: 2, code: a, seen: 1991-09-24T10:00:00.5}\n", "t.yaml");
        assertEquals("1991-09-24 10:00:00", s.rowsOf("t").get(0).get("seen"));
        assertEquals("1991-09-24T10:00:00.5", s.rowsOf("t").get(1).get("seen"));
    }

    @Test
    void refusesADuplicatePrimaryKey() {
        refusedOnce(SCHEMA + "    - {id: 1, code: a}\n    - {id: 1, code: b}\n", 15, 7,
                "duplicate primary key (1) in table 't': the row at line 14 has it already");
    }

    @Test
    void refusesANotNullColumnLeftOut() {
        refusedOnce(row("{id: 1, body: x}"), 14, 7, "leaves NOT NULL column 'code' out");
    }

    @Test
    void refusesANotNullColumnSetToNull() {
        refusedOnce(row("{id: 1, code: ~}"), 14, 21, "leaves NOT NULL column 'code' null");
    }

    @Test
    void keepsAnExplicitNullApartFromALeftOutColumn() throws ScenarioException {
        Scenario s = ScenarioFiles.parse(row("{id: 1, code: a, body: null}"), "t.yaml");
        Map<String, Object> r = s.rowsOf("t").get(0);
        assertEquals(true, r.containsKey("body"));
        assertEquals(false, r.containsKey("name"));
    }

    @Test
    void refusesARowThatIsNotAMapping() {
        refusedOnce(row("[1, a]"), 14, 7, "expected a mapping for a row of table 't'", "found a list");
    }
}
