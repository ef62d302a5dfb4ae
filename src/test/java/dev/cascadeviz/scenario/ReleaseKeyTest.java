package dev.cascadeviz.scenario;

import static dev.cascadeviz.scenario.Refusals.BASE;
import static dev.cascadeviz.scenario.Refusals.refusedOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Release;
import dev.cascadeviz.model.Scenario;
import org.junit.jupiter.api.Test;

/** The top-level {@code sqlalchemy:} key: which release's SQL and behaviour a scenario shows. */
class ReleaseKeyTest {

    @Test
    void aFileWithoutTheKeyShowsTheCurrentRelease() throws ScenarioException {
        Scenario s = ScenarioFiles.parse(BASE, "test.yaml");
        assertNull(s.sqlalchemy());
        assertEquals(Release.V2_1, s.release());
    }

    @Test
    void aQuotedReleaseIsRead() throws ScenarioException {
        assertEquals(Release.V2_0, ScenarioFiles.parse("sqlalchemy: \"2.0\"\n" + BASE, "test.yaml").release());
        assertEquals(Release.V2_1, ScenarioFiles.parse("sqlalchemy: '2.1'\n" + BASE, "test.yaml").release());
    }

    @Test
    void anUnquotedReleaseNumberIsReadAsWritten() throws ScenarioException {
        assertEquals(Release.V2_0, ScenarioFiles.parse("sqlalchemy: 2.0\n" + BASE, "test.yaml").release());
    }

    @Test
    void jsonNamesTheReleaseToo() throws ScenarioException {
        Scenario s = ScenarioFiles.parse("{\"sqlalchemy\": \"2.0\", \"tables\": {}}", "test.json");
        assertEquals(Release.V2_0, s.release());
    }

    @Test
    void refusesAnotherReleaseWithItsPosition() {
        refusedOnce("title: x\nsqlalchemy: \"1.4\"\n" + BASE, 2, 13, "expected 'sqlalchemy'", "\"2.0\" or \"2.1\"",
                "found the string '1.4'");
    }

    @Test
    void refusesAReleaseThatIsNotAScalar() {
        refusedOnce("sqlalchemy: [2.0]\n" + BASE, 1, 13, "expected 'sqlalchemy'", "found a list");
    }

    @Test
    void refusesANumberThatIsNotARelease() {
        refusedOnce("sqlalchemy: 2\n" + BASE, 1, 13, "expected 'sqlalchemy'", "found the number 2");
    }

    @Test
    void savingKeepsTheKeyWhenTheFileHasIt() throws ScenarioException {
        String saved = ScenarioFiles.toYaml(ScenarioFiles.parse("sqlalchemy: \"2.0\"\n" + BASE, "test.yaml"));
        assertTrue(saved.contains("sqlalchemy: \"2.0\"") || saved.contains("sqlalchemy: '2.0'"), saved);
        assertEquals(Release.V2_0, ScenarioFiles.parse(saved, "saved.yaml").sqlalchemy());
    }

    @Test
    void savingDoesNotAddTheKeyWhenTheFileHasNone() throws ScenarioException {
        String saved = ScenarioFiles.toYaml(ScenarioFiles.parse(BASE, "test.yaml"));
        assertFalse(saved.contains("sqlalchemy"), saved);
    }
}
