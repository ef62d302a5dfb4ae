package dev.cascadeviz.orm;

/**
 * An exception as SQLAlchemy would raise it: its class name (IntegrityError, AssertionError,
 * InvalidRequestError, ...) and its first line.
 */
public class OrmException extends RuntimeException {

    private final String type;

    public OrmException(String type, String message) {
        super(message);
        this.type = type;
    }

    public OrmException(String type, String message, Throwable cause) {
        super(message, cause);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
