package dev.cascadeviz.advice;

import java.util.Objects;

/**
 * A warning about a scenario, given before anything runs.
 *
 * @param kind which check found it
 * @param message what is wrong and what will happen, in SQLAlchemy's wording where it has one
 * @param relationship the relationship concerned as {@code Class.attr}, or null
 * @param foreignKey the foreign-key column concerned as {@code table.column}, or null
 * @param fix the change that removes it
 */
public record Advice(Kind kind, String message, String relationship, String foreignKey, Fix fix) {

    /** The checks, one per kind of mistake. */
    public enum Kind {
        ONDELETE_CASCADE_WITHOUT_PASSIVE_DELETES,
        PASSIVE_DELETES_WITHOUT_DATABASE_RULE,
        SQLITE_FOREIGN_KEYS_OFF,
        NOT_NULL_FOREIGN_KEY_WITHOUT_DELETE_CASCADE,
        DELETE_ORPHAN_WITHOUT_DELETE,
        DELETE_CASCADE_ON_MANY_TO_ONE,
        PRIMARY_KEY_FOREIGN_KEY_WITHOUT_DELETE_CASCADE,
        CASCADE_ON_BOTH_SIDES_OF_MANY_TO_MANY,
        ASSOCIATION_TABLE_MAPPED_TWICE,
        PASSIVE_DELETES_CASCADE_BLOCKED
    }

    public Advice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }

    /** The message, then the fix, as one line of text. */
    @Override
    public String toString() {
        return message + " Fix: " + fix.description() + ".";
    }
}
