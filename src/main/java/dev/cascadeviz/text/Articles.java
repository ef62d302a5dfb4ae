package dev.cascadeviz.text;

import java.util.List;
import java.util.Locale;

/**
 * "a" or "an" before a word, chosen by how the word sounds, not by its first letter: a User,
 * an Order, an Hour, a Unicorn, an Umbrella, an SQL table, a URL.
 */
public final class Articles {

    /** Starts that sound like a vowel although they are written with a consonant. */
    private static final List<String> SILENT_H = List.of("hour", "honest", "honor", "honour", "heir");
    /** Starts written with a vowel that sound like "y" or "w". */
    private static final List<String> CONSONANT_SOUND = List.of("eu", "ewe", "one", "once", "uu");
    /** Letters whose names begin with a vowel sound, for words read letter by letter (SQL, HTML). */
    private static final String VOWEL_SOUNDING_LETTERS = "AEFHILMNORSX";

    private Articles() {
    }

    /** "a" or "an" for the word. */
    public static String of(String word) {
        if (word == null || word.isEmpty()) {
            return "a";
        }
        if (isAcronym(word)) {
            return VOWEL_SOUNDING_LETTERS.indexOf(word.charAt(0)) >= 0 ? "an" : "a";
        }
        String w = word.toLowerCase(Locale.ROOT);
        for (String s : SILENT_H) {
            if (w.startsWith(s)) {
                return "an";
            }
        }
        for (String s : CONSONANT_SOUND) {
            if (w.startsWith(s)) {
                return "a";
            }
        }
        if (w.charAt(0) == 'u' && w.length() > 2 && isConsonant(w.charAt(1)) && isVowel(w.charAt(2))
                && !w.startsWith("upon")) {
            return "a"; // "yoo": User, Unit, Union, Utility, Usage
        }
        return isVowel(w.charAt(0)) ? "an" : "a";
    }

    /** The word with its article: "a User", "an Order". */
    public static String with(String word) {
        return of(word) + " " + word;
    }

    private static boolean isAcronym(String word) {
        return word.length() >= 2 && Character.isUpperCase(word.charAt(0)) && Character.isUpperCase(word.charAt(1))
                && (word.length() == 2 || !Character.isLowerCase(word.charAt(2)) || word.length() <= 4);
    }

    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }

    private static boolean isConsonant(char c) {
        return Character.isLetter(c) && !isVowel(c) && c != 'y';
    }
}
