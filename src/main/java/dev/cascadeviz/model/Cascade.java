package dev.cascadeviz.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed cascade string, following SQLAlchemy's {@code CascadeOptions}: words split on commas,
 * {@code all} adds every option but delete-orphan, {@code none} clears everything.
 */
public final class Cascade {

    /** SQLAlchemy's default for {@code relationship(cascade=...)}. */
    public static final String DEFAULT = "save-update, merge";

    /** What {@code all} expands to. */
    public static final Set<CascadeOption> ALL = Collections.unmodifiableSet(EnumSet.of(
            CascadeOption.SAVE_UPDATE, CascadeOption.MERGE, CascadeOption.REFRESH_EXPIRE,
            CascadeOption.EXPUNGE, CascadeOption.DELETE));

    private Cascade() {
    }

    /** The words SQLAlchemy does not know, sorted, each quoted as Python's repr would. */
    public static List<String> invalidWords(String text) {
        Set<String> bad = new TreeSet<>();
        for (String word : words(text)) {
            if (!word.equals("all") && !word.equals("none") && CascadeOption.fromKeyword(word) == null) {
                bad.add(word);
            }
        }
        List<String> quoted = new ArrayList<>();
        for (String w : bad) {
            quoted.add("'" + w + "'");
        }
        return quoted;
    }

    /** The options a cascade string means; unknown words are ignored (see {@link #invalidWords}). */
    public static Set<CascadeOption> parse(String text) {
        EnumSet<CascadeOption> values = EnumSet.noneOf(CascadeOption.class);
        boolean all = false;
        boolean none = false;
        for (String word : words(text == null ? DEFAULT : text)) {
            if (word.equals("all")) {
                all = true;
            } else if (word.equals("none")) {
                none = true;
            } else {
                CascadeOption o = CascadeOption.fromKeyword(word);
                if (o != null) {
                    values.add(o);
                }
            }
        }
        if (all) {
            values.addAll(ALL);
        }
        if (none) {
            values.clear();
        }
        return Collections.unmodifiableSet(values);
    }

    /** A cascade string for a set of options, in a stable order, e.g. {@code "all, delete-orphan"}. */
    public static String format(Set<CascadeOption> options) {
        if (options.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        Set<CascadeOption> rest = EnumSet.copyOf(options);
        if (options.containsAll(ALL)) {
            parts.add("all");
            rest.removeAll(ALL);
        }
        for (CascadeOption o : rest) {
            parts.add(o.keyword());
        }
        return String.join(", ", parts);
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String w = part.trim();
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
