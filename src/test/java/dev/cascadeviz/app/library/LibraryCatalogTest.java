package dev.cascadeviz.app.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LibraryCatalogTest {

    private final LibraryCatalog catalog = LibraryCatalog.builtIn(ScenarioLibrary.load());

    @Test
    void listsEveryLessonOfTheLibraryWithItsTitleAndTheme() {
        int files = ScenarioLibrary.load().themes().stream().mapToInt(t -> t.scenarios().size()).sum();
        assertEquals(files, catalog.lessons().size());
        assertTrue(catalog.lessons().stream().noneMatch(l -> l.title().isBlank() || l.summary().isBlank()));
        assertEquals(ScenarioLibrary.load().themes().get(0).name(), catalog.lessons().get(0).theme());
    }

    @Test
    void searchIsCaseInsensitiveOverTitleNotesAndTheme() {
        List<LibraryCatalog.Lesson> found = catalog.filter("ARTISTS AND SONGS");
        assertEquals(4, found.stream().filter(l -> l.title().startsWith("Artists and songs")).count(), found.toString());
        assertTrue(found.size() < catalog.lessons().size());
        assertFalse(catalog.filter("orphans").isEmpty());
        assertTrue(catalog.filter("orphans").stream().anyMatch(l -> l.theme().equals("Orphans")));
        String noteWord = "blizzard";
        assertTrue(catalog.filter(noteWord).stream().anyMatch(l -> l.notes().toLowerCase().contains(noteWord)));
        assertTrue(catalog.filter("no lesson mentions this zyx").isEmpty());
    }

    @Test
    void everyWordOfTheQueryMustMatch() {
        List<LibraryCatalog.Lesson> both = catalog.filter("artists passive_deletes");
        assertFalse(both.isEmpty());
        assertTrue(both.size() < catalog.filter("artists").size());
    }

    @Test
    void aSummaryIsPlainTextWithoutCodeBlocksCutAtAWord() {
        String s = LibraryCatalog.summary("**What happens.** The `songs` go.\n\n```sql\nDELETE FROM song\n```\n"
                + "word ".repeat(100));
        assertTrue(s.startsWith("What happens. The songs go. word"), s);
        assertFalse(s.contains("DELETE"));
        assertTrue(s.endsWith(" …") && s.length() <= LibraryCatalog.SUMMARY_LENGTH + 2, s);
    }

    @Test
    void aMissingLessonIsListedWithAMessageInsteadOfFailing() {
        ScenarioLibrary library = ScenarioLibrary.load();
        LibraryCatalog c = LibraryCatalog.of(library, f -> null);
        assertTrue(c.lessons().get(0).notes().contains("missing"));
    }
}
