package dev.cascadeviz.scenario;

import static dev.cascadeviz.scenario.Refusals.refusedOnce;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cascadeviz.model.Scenario;
import java.util.List;
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

    /**
     * A table of {@link RowsReader#SPLIT_FROM} rows or more is read by two threads, a half each:
     * problems in both halves, and a key repeated across them, are reported as one thread reports
     * them, in file order, and the good rows are kept in file order.
     */
    @Test
    void readsALargeTableInTwoHalvesWithTheProblemsOfOneReading() {
        int n = RowsReader.SPLIT_FROM + 100;
        StringBuilder text = new StringBuilder(SCHEMA);
        for (int i = 1; i <= n; i++) {
            String id = i == 30 ? "'x'" : i == n - 5 ? "40" : String.valueOf(i);
            String name = i == n - 20 ? "toolong" : "n";
            text.append("    - {id: ").append(id).append(", code: a, name: ").append(name).append("}\n");
        }
        List<Problem> problems = Refusals.problems(text.toString());
        int first = 14; // the line of row 1
        assertEquals(List.of(
                new Problem("test.yaml", first + 29, 12, "expected an integer for column 't.id' (integer), found the string 'x'"),
                new Problem("test.yaml", first + n - 21, 33, "the value for column 't.name' (string) has 7 characters; its length is 5"),
                new Problem("test.yaml", first + n - 6, 7, "duplicate primary key (40) in table 't': the row at line "
                        + (first + 39) + " has it already")).toString(),
                problems.toString());
        StringBuilder good = new StringBuilder(SCHEMA);
        for (int i = 1; i <= n; i++) {
            good.append("    - {id: ").append(n + 1 - i).append(", code: a}\n");
        }
        Scenario s = assertDoesNotThrow(() -> ScenarioFiles.parse(good.toString(), "test.yaml"));
        assertEquals(n, s.rowsOf("t").size());
        for (int i = 0; i < n; i++) {
            assertEquals((long) (n - i), s.rowsOf("t").get(i).get("id"));
        }
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
