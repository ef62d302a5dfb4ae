package dev.cascadeviz.app.edit;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Undo and redo stacks of {@link EditJob}s, plus a save point: the workspace is clean when the
 * top of the undo stack is the job that was on top when the file was last saved or opened.
 */
public final class JobManager {

    private final Deque<EditJob> undoStack = new ArrayDeque<>();
    private final Deque<EditJob> redoStack = new ArrayDeque<>();
    private EditJob savePoint;
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyStringWrapper undoDescription = new ReadOnlyStringWrapper(this, "undoDescription", "");
    private final ReadOnlyStringWrapper redoDescription = new ReadOnlyStringWrapper(this, "redoDescription", "");

    /** Executes a job and pushes it; the redo stack is cleared. */
    public void push(EditJob job) {
        job.execute();
        undoStack.push(job);
        redoStack.clear();
        refresh();
    }

    public void undo() {
        if (undoStack.isEmpty()) {
            return;
        }
        EditJob job = undoStack.pop();
        job.undo();
        redoStack.push(job);
        refresh();
    }

    public void redo() {
        if (redoStack.isEmpty()) {
            return;
        }
        EditJob job = redoStack.pop();
        job.redo();
        undoStack.push(job);
        refresh();
    }

    /** Forgets every job (a new file was opened); the workspace becomes clean. */
    public void clear() {
        undoStack.clear();
        redoStack.clear();
        savePoint = null;
        refresh();
    }

    /** Marks the current state as saved. */
    public void markSaved() {
        savePoint = undoStack.peek();
        refresh();
    }

    private void refresh() {
        canUndo.set(!undoStack.isEmpty());
        canRedo.set(!redoStack.isEmpty());
        dirty.set(undoStack.peek() != savePoint);
        undoDescription.set(undoStack.isEmpty() ? "" : undoStack.peek().description());
        redoDescription.set(redoStack.isEmpty() ? "" : redoStack.peek().description());
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoDescriptionProperty() {
        return undoDescription.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoDescriptionProperty() {
        return redoDescription.getReadOnlyProperty();
    }
}
