package dev.cascadeviz.scenario;

/**
 * One thing wrong with a scenario file, at a 1-based line and column.
 *
 * @param file the file name as given to the loader
 */
public record Problem(String file, int line, int column, String message) {

    /** Line breaks, other control characters and direction overrides of the file's text are shown escaped. */
    public Problem {
        file = dev.cascadeviz.model.VisibleText.escapeControls(file);
        message = dev.cascadeviz.model.VisibleText.escapeControls(message);
    }

    /** {@code file:line:column: message}, the form editors and compilers use. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
