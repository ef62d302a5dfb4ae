package dev.cascadeviz.model;

import java.util.Locale;

/**
 * Text from a scenario made safe to show on one line or inside a comment: every character that
 * ends a line in some language or terminal (CR, LF, NEL, U+2028, U+2029, any other control
 * character), changes the direction of the text that follows (bidi overrides and isolates) or
 * cannot be encoded (a lone surrogate) is written as {@code \\uXXXX}, and a backslash as
 * {@code \\\\}, so that nothing written by a user can end a comment or a message early.
 */
public final class VisibleText {

    private VisibleText() {
    }

    /** The text with every such character escaped, and backslashes doubled (for comments). */
    public static String escape(String text) {
        return escape(text, true);
    }

    /** For messages: every such character escaped; backslashes stay as they are. */
    public static String escapeControls(String text) {
        return escape(text, false);
    }

    private static String escape(String text, boolean backslashes) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = c == '\\' && backslashes ? "\\\\" : needsEscape(text, i) ? String.format(Locale.ROOT, "\\u%04x", (int) c) : null;
            if (replacement != null && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (replacement != null) {
                    sb.append(replacement);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** True when the character at i must not appear as it is. */
    public static boolean needsEscape(String s, int i) {
        char c = s.charAt(i);
        if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            return true;
        }
        if ((c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f'
                || c == '\u061c' || c == '\ufeff') {
            return true; // direction marks and overrides ("Trojan Source"), and the byte-order mark
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
