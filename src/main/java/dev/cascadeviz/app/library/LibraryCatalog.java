package dev.cascadeviz.app.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The library's lessons with what the browser shows of each: theme, title and the beginning of
 * the notes as plain text; and the search over them. No JavaFX here.
 */
public final class LibraryCatalog {

    /** How many characters of the notes a lesson's summary keeps. */
    static final int SUMMARY_LENGTH = 220;

    /** One lesson. {@code notes} is the whole Markdown; {@code summary} its start as plain text. */
    public record Lesson(String theme, String file, String title, String notes, String summary) {

        /** True when every word of the query is in the title, the notes or the theme (case-insensitive). */
        public boolean matches(String query) {
            if (query == null || query.isBlank()) {
                return true;
            }
            String hay = (title + "\n" + notes + "\n" + theme + "\n" + file).toLowerCase(Locale.ROOT);
            for (String word : query.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
                if (!hay.contains(word)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Lesson> lessons;

    public LibraryCatalog(List<Lesson> lessons) {
        this.lessons = List.copyOf(lessons);
    }

    /** Reads title and notes of every lesson the library lists (the text comes from {@code text}). */
    public static LibraryCatalog of(ScenarioLibrary library, Function<String, String> text) {
        Load yaml = new Load(LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).build());
        List<Lesson> out = new ArrayList<>();
        for (ScenarioLibrary.Theme theme : library.themes()) {
            for (String file : theme.scenarios()) {
                String title = file.replaceAll("\\.(ya?ml|json)$", "");
                String notes = "";
                String body = text.apply(file);
                if (body != null) {
                    try {
                        Map<?, ?> root = yaml.loadFromString(body) instanceof Map<?, ?> m ? m : Map.of();
                        title = root.get("title") instanceof String t ? t : title;
                        notes = root.get("notes") instanceof String n ? n : "";
                    } catch (Exception e) {
                        notes = "This lesson cannot be read: " + e.getMessage();
                    }
                } else {
                    notes = "This lesson is missing from the library.";
                }
                out.add(new Lesson(theme.name(), file, title, notes, summary(notes)));
            }
        }
        return new LibraryCatalog(out);
    }

    /** The built-in library. */
    public static LibraryCatalog builtIn(ScenarioLibrary library) {
        return of(library, ScenarioLibrary::text);
    }

    public List<Lesson> lessons() {
        return lessons;
    }

    /** The lessons matching the query, in library order. */
    public List<Lesson> filter(String query) {
        return lessons.stream().filter(l -> l.matches(query)).toList();
    }

    /** The themes in library order, each once. */
    public List<String> themes() {
        return lessons.stream().map(Lesson::theme).distinct().toList();
    }

    /** The lessons of one theme. */
    public List<Lesson> inTheme(String theme) {
        return lessons.stream().filter(l -> l.theme().equals(theme)).toList();
    }

    /**
     * The first paragraphs of Markdown notes as plain text: code blocks left out, emphasis and
     * back-quotes removed, white space folded, cut at a word near {@link #SUMMARY_LENGTH}.
     */
    static String summary(String markdown) {
        String text = markdown.replaceAll("(?s)```.*?(```|$)", " ")
                .replaceAll("\\*\\*(.+?)\\*\\*", "$1")
                .replaceAll("\\*(.+?)\\*", "$1")
                .replace("`", "")
                .replaceAll("\\s+", " ")
                .strip();
        if (text.length() <= SUMMARY_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SUMMARY_LENGTH);
        return text.substring(0, cut < SUMMARY_LENGTH / 2 ? SUMMARY_LENGTH : cut) + " …";
    }
}
