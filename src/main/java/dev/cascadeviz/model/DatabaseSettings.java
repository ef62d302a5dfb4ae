package dev.cascadeviz.model;

import java.util.Objects;

/**
 * The file's {@code database} section.
 *
 * @param foreignKeys SQLite's {@code PRAGMA foreign_keys} (ignored by H2, which always enforces)
 */
public record DatabaseSettings(Engine engine, boolean foreignKeys) {

    public static final DatabaseSettings DEFAULT = new DatabaseSettings(Engine.H2, true);

    public DatabaseSettings {
        Objects.requireNonNull(engine, "engine");
    }

    public DatabaseSettings withEngine(Engine value) {
        return new DatabaseSettings(value, foreignKeys);
    }

    public DatabaseSettings withForeignKeys(boolean value) {
        return new DatabaseSettings(engine, value);
    }
}
