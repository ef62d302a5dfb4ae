package dev.cascadeviz.model;

/** A {@code table.column} reference as written in scenario files. */
public record QualifiedColumn(String table, String column) {

    /** Splits at the last dot; null when there is no dot or either part is empty. */
    public static QualifiedColumn parse(String text) {
        if (text == null) {
            return null;
        }
        int dot = text.lastIndexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            return null;
        }
        return new QualifiedColumn(text.substring(0, dot), text.substring(dot + 1));
    }

    @Override
    public String toString() {
        return table + "." + column;
    }
}
