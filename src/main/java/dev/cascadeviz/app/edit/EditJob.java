package dev.cascadeviz.app.edit;

/**
 * One user edit, as in Scene Builder: it can say what it does, do it and take it back.
 * {@link JobManager} keeps the undo and redo stacks.
 */
public interface EditJob {

    /** What the Edit menu shows, e.g. "Change cascade of Artist.songs". */
    String description();

    void execute();

    void undo();

    /** Re-doing is doing again by default. */
    default void redo() {
        execute();
    }
}
