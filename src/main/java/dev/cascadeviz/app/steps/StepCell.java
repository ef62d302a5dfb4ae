package dev.cascadeviz.app.steps;

import dev.cascadeviz.interop.PythonExport;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.scenario.StepNotation;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;

/**
 * One step in the list: its line and the Python call as a tooltip; while edited, a text field
 * holding the line with the reason a line was refused under it; dragged onto another step to move it.
 */
final class StepCell extends ListCell<Step> {

    /** Offers a line for the step at an index: null when it was taken, else why it was refused. */
    interface Commit {
        String apply(int index, String line);
    }

    /** Moves the step at {@code from} to {@code to}. */
    interface Move {
        void apply(int from, int to);
    }

    private static final String DRAG_PREFIX = "cascadeviz-step:";

    private final TextField field = new TextField();
    private final Label refusal = new Label();
    private final VBox editor = new VBox(2, field, refusal);

    StepCell(Commit commit, Move move) {
        field.setId("step-edit-field");
        refusal.setId("step-edit-message");
        refusal.getStyleClass().add("step-message");
        refusal.setWrapText(true);
        refusal.managedProperty().bind(refusal.visibleProperty());
        refusal.setVisible(false);
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                String why = commit.apply(getIndex(), field.getText());
                if (why != null) {
                    refusal.setText(why);
                    refusal.setVisible(true);
                }
            } else if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                cancelEdit();
            }
        });
        setOnDragDetected(e -> {
            if (isEmpty() || isEditing()) {
                return;
            }
            Dragboard db = startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.putString(DRAG_PREFIX + getIndex());
            db.setContent(content);
            e.consume();
        });
        setOnDragOver(e -> {
            if (e.getGestureSource() != this && draggedIndex(e.getDragboard()) >= 0) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            int from = draggedIndex(e.getDragboard());
            if (from >= 0 && getListView() != null) {
                int to = isEmpty() ? getListView().getItems().size() - 1 : getIndex();
                move.apply(from, to);
            }
            e.setDropCompleted(from >= 0);
            e.consume();
        });
    }

    private static int draggedIndex(Dragboard db) {
        String s = db.hasString() ? db.getString() : null;
        if (s == null || !s.startsWith(DRAG_PREFIX)) {
            return -1;
        }
        try {
            return Integer.parseInt(s.substring(DRAG_PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void startEdit() {
        if (isEmpty()) {
            return;
        }
        super.startEdit();
        if (!isEditing()) {
            return;
        }
        field.setText(StepNotation.line(getItem()));
        refusal.setVisible(false);
        setText(null);
        setGraphic(editor);
        field.requestFocus();
        field.selectAll();
    }

    @Override
    public void cancelEdit() {
        super.cancelEdit();
        showStep();
    }

    @Override
    protected void updateItem(Step item, boolean empty) {
        super.updateItem(item, empty);
        if (isEditing() && !empty) {
            return;
        }
        showStep();
    }

    private void showStep() {
        Step item = getItem();
        setGraphic(null);
        if (isEmpty() || item == null) {
            setText(null);
            setTooltip(null);
        } else {
            setText((getIndex() + 1) + ". " + StepNotation.line(item));
            setTooltip(new Tooltip(PythonExport.sessionCall(item)));
        }
    }
}
