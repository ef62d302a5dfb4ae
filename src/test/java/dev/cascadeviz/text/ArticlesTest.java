package dev.cascadeviz.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticlesTest {

    @ParameterizedTest
    @CsvSource({"User, a", "Order, an", "Artist, an", "Employee, an", "Item, an", "Unicorn, a", "Unit, a",
            "Umbrella, an", "Update, an", "Hour, an", "Honor, an", "House, a", "European, a", "OneOff, a",
            "SQLTable, an", "URL, a", "HTMLPage, an", "FK, an", "Book, a", "Invoice, an", "Usage, a", "Upload, an",
            "Yak, a", "user, a"})
    void byHowTheWordSounds(String word, String article) {
        assertEquals(article, Articles.of(word));
    }
}
