package dev.cascadeviz.model;

import java.util.Locale;

/** The embedded database a scenario runs on. */
public enum Engine {
    H2, SQLITE;

    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Engine fromFileName(String name) {
        for (Engine e : values()) {
            if (e.fileName().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
