package dev.cascadeviz.app.log;

import java.util.Collection;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/** Style spans for the echo log: SQL keywords, parameter lines, transaction control (sql-log.css). */
public final class SqlHighlighter {

    private static final Pattern TOKENS = Pattern.compile(
            "(?<TX>^(?:BEGIN \\(implicit\\)|COMMIT|ROLLBACK)$)"
                    + "|(?<PARAMS>^\\[(?:generated|cached).*$)"
                    + "|(?<KEYWORD>\\b(?:SELECT|FROM|WHERE|AND|OR|NOT|NULL|IS|IN|AS|DELETE|UPDATE|SET|INSERT|INTO|VALUES"
                    + "|ORDER|BY|JOIN|LEFT|OUTER|ON|LIMIT|OFFSET)\\b)"
                    + "|(?<PLACEHOLDER>\\?)",
            Pattern.MULTILINE);

    private SqlHighlighter() {
    }

    public static StyleSpans<Collection<String>> spans(String text) {
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        Matcher m = TOKENS.matcher(text);
        int last = 0;
        while (m.find()) {
            String style = m.group("TX") != null ? "sql-transaction"
                    : m.group("PARAMS") != null ? "sql-params"
                    : m.group("KEYWORD") != null ? "sql-keyword" : "sql-placeholder";
            b.add(Collections.emptyList(), m.start() - last);
            b.add(Collections.singleton(style), m.end() - m.start());
            last = m.end();
        }
        b.add(Collections.emptyList(), text.length() - last);
        return b.create();
    }
}
