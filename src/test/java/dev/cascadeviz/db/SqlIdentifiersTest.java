package dev.cascadeviz.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values were printed by SQLAlchemy 1.4.46's {@code sqlite.dialect().identifier_preparer.quote}. */
class SqlIdentifiersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "order|\"order\"",
        "group|\"group\"",
        "key|\"key\"",
        "values|\"values\"",
        "select|\"select\"",
    })
    void quotesTheSqliteDialectsReservedWords(String name, String expected) {
        assertEquals(expected, SqlIdentifiers.quote(name));
    }

    @ParameterizedTest(name = "{0} stays bare")
    @CsvSource({"user", "value", "year", "current_user", "analyse", "song", "artist_id", "_x", "a$", "abc1"})
    void leavesGenericReservedWordsAndPlainNamesBareBecauseTheSqliteListReplacesTheGenericOne(String name) {
        assertEquals(name, SqlIdentifiers.quote(name));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "Name|\"Name\"",
        "artistId|\"artistId\"",
        "ORDER|\"ORDER\"",
    })
    void quotesNamesThatAreNotAllLowerCase(String name, String expected) {
        assertEquals(expected, SqlIdentifiers.quote(name));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "1a|\"1a\"",
        "$a|\"$a\"",
        "a b|\"a b\"",
        "ab-c|\"ab-c\"",
        "é|\"é\"",
    })
    void quotesIllegalInitialAndIllegalCharacters(String name, String expected) {
        assertEquals(expected, SqlIdentifiers.quote(name));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ı", "ſ"})
    void followsPythonsCaseInsensitiveRegexForTheLettersThatFoldIntoAsciiLikeSqlalchemyDoes(String name) {
        assertEquals(name, SqlIdentifiers.quote(name));
    }

    @Test
    void doublesAnEmbeddedQuote() {
        assertEquals("\"a\"\"b\"", SqlIdentifiers.quote("a\"b"));
    }
}
