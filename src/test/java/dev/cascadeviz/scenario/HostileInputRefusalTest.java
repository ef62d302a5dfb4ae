package dev.cascadeviz.scenario;

import static dev.cascadeviz.scenario.Refusals.BASE;
import static dev.cascadeviz.scenario.Refusals.refusedOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 16: names SQLAlchemy or H2 refuse, floods of problems, and text that could break a message. */
class HostileInputRefusalTest {

    @Test
    void aColumnNamedLikeSqlalchemysInstrumentationIsRefusedWithItsMessage() {
        String text = BASE.replace("      name: {type: string, length: 50, nullable: false}",
                "      _sa_instance_state: {type: integer}").replace("{id: 1, name: Nirvana}", "{id: 1}");
        refusedOnce(text, 12, 12, "'_sa_instance_state': requested attribute name conflicts with instrumentation "
                + "attribute of the same name.");
    }

    @Test
    void aRelationshipNamedLikeAColumnOfItsTableIsRefusedWithSqlalchemysMessage() {
        String text = BASE.replace("      artist: {target: Artist, back_populates: songs}", "      artist_id: {target: Artist}")
                .replace("      songs: {target: Song, back_populates: artist}", "      songs: {target: Song}");
        refusedOnce(text, 18, 7, "WARNING: when configuring property 'artist_id' on Mapper[Song(song)], column "
                + "'artist_id' conflicts with property");
    }

    @Test
    void namesLongerThanH2AcceptsAreRefusedAtValidate() {
        String longName = "c".repeat(257);
        refusedOnce(BASE.replace("      name: {type: string", "      " + longName + ": {type: string"), 5, 7,
                "is 257 characters long: H2 accepts names of at most 256 characters");
        String fine = "c".repeat(256);
        Refusals.problems(BASE.replace("      name: {type: string", "      " + fine + ": {type: string") + "x: 1\n")
                .forEach(p -> assertFalse(p.message().contains("characters long"), p::toString));
    }

    @Test
    void twentyThousandProblemsAreShownAsAHundredAndACount() {
        StringBuilder text = new StringBuilder("tables:\n  t:\n    columns:\n      id: {type: integer, primary_key: true}\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("      c").append(i).append(": {type: nosuchtype}\n");
        }
        List<Problem> problems = Refusals.problems(text.toString());
        assertEquals(Problems.SHOWN + 1, problems.size());
        Problem last = problems.get(Problems.SHOWN);
        assertEquals("and 19900 more problems after this point, not shown (fix these first)", last.message());
        assertEquals(105, last.line());
    }

    @Test
    void lineAndParagraphSeparatorsAndControlsInAMessageAreEscaped() {
        String text = "title: x\n\"bad\\u2028key\\r\\u202e\": 1\n";
        List<Problem> problems = Refusals.problems(text);
        String shown = problems.get(0).toString();
        assertTrue(shown.contains("bad\\u2028key\\u000d\\u202e"), shown);
        for (char c : shown.toCharArray()) {
            assertFalse(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u202e', shown);
        }
    }
}
