package dev.cascadeviz.app.tables;

import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.scenario.StepNotation;
import dev.cascadeviz.workbench.MappedEdge;
import dev.cascadeviz.workbench.SaveEdits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

/**
 * A row's "new object like it": the values typed as {@code {column: value, ...}} (prefilled with
 * the row's values but its primary key) become {@code new} + {@code add}, appended as one
 * undoable edit; a parent row's "new child in a collection" becomes {@code new} + {@code append}
 * + {@code commit} the same way. Values the loader would refuse keep the dialog open with the loader's message.
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
        open(owner, model, "new " + className + " with {column: value, ...}, then session.add", StepNotation.text(like),
                typed -> SaveEdits.newAndAdd(model.getScenario(), className, typed), "new " + className + " + session.add");
    }

    /** A new child appended to a parent's collection: {@code new} + {@code append} + {@code commit}. */
    static void openAppend(Window owner, WorkspaceModel model, ObjectRef parent, MappedEdge edge) {
        String child = edge.targetClass();
        String call = parent + "." + edge.name() + ".append(" + child + "(…))";
        open(owner, model, "new " + child + " with {column: value, ...}, appended to " + parent + "." + edge.name()
                        + ", then commit", StepNotation.text(SaveEdits.childValues(model.getScenario(), edge)),
                typed -> SaveEdits.newAndAppend(model.getScenario(), parent, edge.name(), typed), call + "; commit");
    }

    private static void open(Window owner, WorkspaceModel model, String prompt, String initial,
                             Function<String, List<Step>> build, String description) {
        TextInputDialog dialog = new TextInputDialog(initial);
        dialog.setTitle("A new object");
        dialog.setHeaderText(prompt);
        dialog.getEditor().setId("new-object-values");
        dialog.getEditor().setPrefColumnCount(30);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        List<?>[] steps = new List<?>[1];
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, e -> {
            try {
                steps[0] = build.apply(dialog.getEditor().getText());
            } catch (IllegalArgumentException refused) {
                dialog.setHeaderText(prompt + "\n" + refused.getMessage());
                e.consume();
            }
        });
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != null && steps[0] != null) {
                @SuppressWarnings("unchecked")
                List<Step> added = (List<Step>) steps[0];
                model.edit(description, SaveEdits.append(added));
            }
        });
        dialog.show();
    }
}
