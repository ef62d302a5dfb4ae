package dev.cascadeviz.db;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.util.ParserUtil;

/**
 * The one translation step between SQLAlchemy's SQLite text and H2: bare names that are H2
 * keywords ({@code user}, {@code value}, {@code year}, {@code current_user}, ...) get double quotes.
 *
 * <p>SQLAlchemy writes every SQL keyword in upper case and quotes every name that is not all lower
 * case, so a bare all-lower-case word that H2 treats as a keyword can only be a table, column or
 * label name. Text inside string literals and quoted names is left alone. The database runs with
 * {@code DATABASE_TO_LOWER=TRUE}, so quoted lower-case names and bare names mean the same table.
 */
public final class H2Sql {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    /**
     * Words H2 does not list as keywords but reads as a clause where a name can stand: {@code TOP}
     * right after SELECT ({@code SELECT top.id FROM top} is a syntax error unless it is quoted).
     */
    static final Set<String> CONTEXT_WORDS = Set.of("top");

    private H2Sql() {
    }

    /** The statement with H2-keyword names quoted; unchanged when there are none. */
    public static String translate(String sql) {
        String hit = CACHE.get(sql);
        if (hit != null) {
            return hit;
        }
        String out = quoteKeywords(sql);
        if (CACHE.size() < 10_000) {
            CACHE.put(sql, out);
        }
        return out;
    }

    private static String quoteKeywords(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 8);
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = closing(sql, i, c);
                out.append(sql, i, end);
                i = end;
            } else if (isWordStart(c)) {
                int end = i + 1;
                while (end < n && isWordPart(sql.charAt(end))) {
                    end++;
                }
                String word = sql.substring(i, end);
                boolean previousIsWordPart = i > 0 && isWordPart(sql.charAt(i - 1));
                if (!previousIsWordPart && word.equals(word.toLowerCase(Locale.ROOT))
                        && (ParserUtil.isKeyword(word, true) || CONTEXT_WORDS.contains(word))) {
                    out.append('"').append(word).append('"');
                } else {
                    out.append(word);
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Index just past the quote that closes the one at {@code start} (a doubled quote does not close). */
    private static int closing(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
