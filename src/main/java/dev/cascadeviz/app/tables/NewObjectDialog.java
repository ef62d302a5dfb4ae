package dev.cascadeviz.app.tables;

import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.scenario.StepNotation;
import dev.cascadeviz.workbench.SaveEdits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

/**
 * A row's "new object like it": the values typed as {@code {column: value, ...}} (prefilled with
 * the row's values but its primary key) become {@code new} + {@code add}, appended as one
 * undoable edit. Values the loader would refuse keep the dialog open with the loader's message.
 */
final class NewObjectDialog {

    private NewObjectDialog() {
    }

    static void open(Window owner, WorkspaceModel model, String table, String className, Map<String, Object> row) {
        Map<String, Object> like = new LinkedHashMap<>(row);
        Table t = model.getScenario().table(table);
        if (t != null) {
            for (Column pk : t.primaryKey()) {
                like.remove(pk.name());
            }
        }
        TextInputDialog dialog = new TextInputDialog(StepNotation.text(like));
        dialog.setTitle("A new object");
        String prompt = "new " + className + " with {column: value, ...}, then session.add";
        dialog.setHeaderText(prompt);
        dialog.getEditor().setId("new-object-values");
        dialog.getEditor().setPrefColumnCount(30);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        List<?>[] steps = new List<?>[1];
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, e -> {
            try {
                steps[0] = SaveEdits.newAndAdd(model.getScenario(), className, dialog.getEditor().getText());
            } catch (IllegalArgumentException refused) {
                dialog.setHeaderText(prompt + "\n" + refused.getMessage());
                e.consume();
            }
        });
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != null && steps[0] != null) {
                @SuppressWarnings("unchecked")
                List<Step> added = (List<Step>) steps[0];
                model.edit("new " + className + " + session.add", SaveEdits.append(added));
            }
        });
        dialog.show();
    }
}
