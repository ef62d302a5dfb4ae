package dev.cascadeviz.interop;

/**
 * Something an import left out or could not take as it was, at a line of the source (0 when the
 * note is about the whole input, e.g. a database).
 */
public record ImportNote(int line, String message) {

    /** {@code line 12: skipped def __repr__}, or just the message. */
    @Override
    public String toString() {
        return line > 0 ? "line " + line + ": " + message : message;
    }
}
