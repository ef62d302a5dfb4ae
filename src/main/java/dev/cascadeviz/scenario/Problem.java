package dev.cascadeviz.scenario;

import dev.cascadeviz.model.VisibleText;

/**
 * One thing wrong with a scenario file, at a 1-based line and column.
 *
 * @param file the file name as given to the loader
 */
public record Problem(String file, int line, int column, String message) {

    /** Line breaks, other control characters and direction overrides of the file's text are shown escaped. */
    public Problem {
        file = VisibleText.escapeControls(file);
        message = VisibleText.escapeControls(message);
    }

    /** {@code file:line:column: message}, the form editors and compilers use. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
