package dev.cascadeviz.trace;

import java.util.Objects;

/**
 * The exception a run ended with.
 *
 * @param type the class name as SQLAlchemy raises it, e.g. {@code IntegrityError}
 * @param message its first line
 * @param step index of the step that raised; null when the mapping itself is invalid
 */
public record TraceError(String type, String message, Integer step) {

    public TraceError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
    }
}
