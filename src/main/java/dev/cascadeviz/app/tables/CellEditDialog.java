package dev.cascadeviz.app.tables;

import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.scenario.StepNotation;
import dev.cascadeviz.workbench.SaveEdits;
import java.util.List;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;

/**
 * Editing a cell of a row that was there before the run: the value typed becomes a {@code set}
 * step on that column of the row's object and a {@code commit}, appended as one undoable edit. A value the loader
 * would refuse keeps the dialog open with the loader's message.
 */
final class CellEditDialog {

    private CellEditDialog() {
    }

    static void open(Node owner, WorkspaceModel model, ObjectRef object, String column, Object current) {
        TextInputDialog dialog = new TextInputDialog(current == null ? "None" : StepNotation.text(current));
        dialog.setTitle("Set a column");
        String prompt = object + "." + column + " =";
        dialog.setHeaderText(prompt);
        dialog.getEditor().setId("cell-edit-value");
        if (owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        Step[] step = new Step[1];
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, e -> {
            try {
                step[0] = SaveEdits.setColumn(model.getScenario(), object, column, dialog.getEditor().getText());
            } catch (IllegalArgumentException refused) {
                dialog.setHeaderText(prompt + "\n" + refused.getMessage());
                e.consume();
            }
        });
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != null && step[0] != null) {
                model.edit(StepNotation.line(step[0]) + "; commit", SaveEdits.appendAndCommit(List.of(step[0])));
            }
        });
        dialog.show();
    }
}
