package dev.cascadeviz.model;

import java.text.Normalizer;

/**
 * What a scenario's names may be, for the loader and the model editor alike. Tables and columns
 * take any name SQLAlchemy takes (it quotes them in SQL); classes and relationships must be
 * Python identifiers, since SQLAlchemy makes them classes and attributes.
 */
public final class Names {

    private Names() {
    }

    /**
     * Why a table or column name cannot be used, or null when it can. SQLAlchemy takes any string
     * and quotes it in SQL as its SQLite dialect does (spaces, a leading digit, other alphabets,
     * quotes and reserved words are all fine). Refused: an empty name; a dot, since a
     * {@code table.column} reference (the file's and SQLAlchemy's {@code ForeignKey("table.column")})
     * splits at dots and "assumes that '.' will never appear within any component"; control
     * characters, which SQLite's C interface would cut at NUL and no line of SQL or Python can show.
     */
    public static String sqlNameProblem(String name) {
        if (name.isEmpty()) {
            return "is empty";
        }
        if (name.indexOf('.') >= 0) {
            return "contains '.': a table.column reference (and SQLAlchemy's ForeignKey(\"table.column\")) "
                    + "splits at the dots, so a name cannot hold one";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                return "contains a control character";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= name.length() || !Character.isLowSurrogate(name.charAt(i + 1))) {
                    return "contains an unpaired surrogate";
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return "contains an unpaired surrogate";
            }
        }
        return null;
    }

    /**
     * A Python 3 identifier as the parser reads it (PEP 3131): a letter or {@code _}, then
     * letters, digits and {@code _} of any alphabet ({@code Größe}, {@code 名前}), and already in
     * NFKC form, since Python normalizes identifiers in source code ({@code ｆｏｏ} is {@code foo}
     * there, and a class written so would not be found by its name).
     */
    public static boolean isPythonIdentifier(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        int first = name.codePointAt(0);
        if (first != '_' && !Character.isUnicodeIdentifierStart(first)) {
            return false;
        }
        for (int i = Character.charCount(first); i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (!Character.isUnicodeIdentifierPart(cp) || Character.isIdentifierIgnorable(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return Normalizer.isNormalized(name, Normalizer.Form.NFKC);
    }
}
