package dev.cascadeviz.db;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Quotes names exactly as SQLAlchemy 1.4's SQLite dialect does ({@code SQLiteIdentifierPreparer}
 * with {@code IdentifierPreparer._requires_quotes}), so that the statements this project writes
 * match SQLAlchemy's text character for character.
 *
 * <p>A name is double-quoted when it is one of the SQLite dialect's reserved words, starts with a
 * digit or {@code $}, has a character outside {@code [A-Za-z0-9_$]}, or is not all lower case.
 * The SQLite dialect's reserved words replace the generic ones of {@code sql/compiler.py}
 * (a class attribute override), so e.g. {@code user} and {@code current_user} stay bare, while
 * {@code order}, {@code group} and {@code key} are quoted.
 */
public final class SqlIdentifiers {

    /** {@code SQLiteIdentifierPreparer.reserved_words} of SQLAlchemy 1.4.46. */
    static final Set<String> SQLITE_RESERVED_WORDS = Set.of(
            "add", "after", "all", "alter", "analyze", "and", "as", "asc", "attach", "autoincrement",
            "before", "begin", "between", "by", "cascade", "case", "cast", "check", "collate", "column",
            "commit", "conflict", "constraint", "create", "cross", "current_date", "current_time",
            "current_timestamp", "database", "default", "deferrable", "deferred", "delete", "desc",
            "detach", "distinct", "drop", "each", "else", "end", "escape", "except", "exclusive",
            "exists", "explain", "false", "fail", "for", "foreign", "from", "full", "glob", "group",
            "having", "if", "ignore", "immediate", "in", "index", "indexed", "initially", "inner",
            "insert", "instead", "intersect", "into", "is", "isnull", "join", "key", "left", "like",
            "limit", "match", "natural", "not", "notnull", "null", "of", "offset", "on", "or", "order",
            "outer", "plan", "pragma", "primary", "query", "raise", "references", "reindex", "rename",
            "replace", "restrict", "right", "rollback", "row", "select", "set", "table", "temp",
            "temporary", "then", "to", "transaction", "trigger", "true", "union", "unique", "update",
            "using", "vacuum", "values", "view", "virtual", "when", "where");

    private SqlIdentifiers() {
    }

    /** The name as SQLAlchemy's SQLite dialect writes it: bare, or double-quoted with {@code "} doubled. */
    public static String quote(String name) {
        return requiresQuotes(name) ? alwaysQuote(name) : name;
    }

    /**
     * The body SQLAlchemy gives an anonymous name made from a name (an alias of a table, the
     * {@code name_1} label of a repeated column): {@code _anonymous_label.safe_construct} replaces each
     * run of {@code %}, {@code (}, {@code )}, space and {@code $} with one {@code _}, so the alias of
     * {@code "2 items"} is {@code "2_items_1"}.
     */
    public static String anonymousBody(String name) {
        return ANONYMOUS_ESCAPE.matcher(name).replaceAll("_");
    }

    private static final Pattern ANONYMOUS_ESCAPE = Pattern.compile("[%() $]+");

    /** The name double-quoted, with embedded quotes doubled. */
    public static String alwaysQuote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** {@code IdentifierPreparer._requires_quotes} of the SQLite dialect. */
    public static boolean requiresQuotes(String name) {
        if (name.isEmpty()) {
            return true;
        }
        String lower = pythonLower(name);
        char first = name.charAt(0);
        return SQLITE_RESERVED_WORDS.contains(lower)
                || (first >= '0' && first <= '9') || first == '$'
                || !legalCharacters(name)
                || !lower.equals(name);
    }

    /**
     * {@code re.compile(r"^[A-Z0-9_$]+$", re.I)} on a Python 3 str: case-insensitive Unicode
     * matching also lets in the three letters whose case folds into A-Z (dotless i, long s, Kelvin sign).
     */
    private static boolean legalCharacters(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '$' || c == '\u0131' || c == '\u017f' || c == '\u212a';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Python's str.lower() for the names that can pass {@link #legalCharacters}. */
    private static String pythonLower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
