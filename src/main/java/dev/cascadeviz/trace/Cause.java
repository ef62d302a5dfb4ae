package dev.cascadeviz.trace;

import java.util.List;
import java.util.Objects;

/**
 * Why a statement ran, in words and as the things a window can point at.
 *
 * @param text the sentence, e.g. "Artist.songs has no delete cascade, so the ORM detaches the children"
 * @param relationship the relationship that produced it as {@code Class.attr}, or null
 * @param foreignKey the foreign-key column concerned as {@code table.column}, or null
 * @param setting the setting responsible: {@code cascade}, {@code passive_deletes}, {@code ondelete},
 *                {@code post_update}, {@code secondary}, {@code lazy}, {@code expire_on_commit},
 *                {@code autoflush} ... or null
 * @param travelled relationships ({@code Class.attr}) a cascade went along during the call that
 *                  emitted the statement without producing it itself (session.refresh()'s
 *                  refresh-expire cascade expiring related objects before the SELECT); empty for most
 */
public record Cause(String text, String relationship, String foreignKey, String setting, List<String> travelled) {

    public Cause {
        Objects.requireNonNull(text, "text");
        travelled = travelled == null ? List.of() : List.copyOf(travelled);
    }

    public Cause(String text, String relationship, String foreignKey, String setting) {
        this(text, relationship, foreignKey, setting, List.of());
    }

    /** A cause known only as words (e.g. read back from a trace file). */
    public static Cause text(String text) {
        return text == null ? null : new Cause(text, null, null, null);
    }

    // equals and hashCode written out: a record's generated ones go through method handles, which the
    // command line's C1-only JVM runs several times slower (a DELETE of 32,768 rows compares as many causes)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Cause c && text.equals(c.text) && Objects.equals(relationship, c.relationship)
                && Objects.equals(foreignKey, c.foreignKey) && Objects.equals(setting, c.setting)
                && travelled.equals(c.travelled);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, relationship, foreignKey, setting, travelled);
    }

    /** The same cause with a remark added to its sentence. */
    public Cause withRemark(String remark) {
        return new Cause(text + " " + remark, relationship, foreignKey, setting, travelled);
    }
}
