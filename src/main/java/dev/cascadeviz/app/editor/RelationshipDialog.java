package dev.cascadeviz.app.editor;

import dev.cascadeviz.editing.ModelEdits;
import dev.cascadeviz.editing.RelationshipPlan.Kind;
import dev.cascadeviz.editing.RelationshipPlan;
import dev.cascadeviz.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * A relationship drawn from one class to another: the one question (what shape) only when the
 * foreign keys leave the direction open, the names, the back_populates partner, and the
 * foreign key the window proposes (existing, or a new column it will create); for an association
 * object, the new class and its table. The dialog keeps one width whatever the class names (long
 * texts wrap), and Return confirms it wherever the focus is.
 */
final class RelationshipDialog {

    /** The dialog's width: it must not move with the names of the classes. */
    static final double WIDTH = 560;

    private RelationshipDialog() {
    }

    static Optional<RelationshipPlan> ask(Window owner, Scenario s, String source, String target) {
        Kind obvious = RelationshipPlan.obvious(s, source, target);
        Dialog<RelationshipPlan> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Add relationship");
        d.setHeaderText(source + " → " + target);
        ToggleGroup kinds = new ToggleGroup();
        VBox kindBox = new VBox(4);
        for (Kind k : Kind.values()) {
            RadioButton b = new RadioButton(k.text().replace("source", source).replace("target", target));
            b.setUserData(k);
            b.setId("kind-" + k.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            b.setToggleGroup(kinds);
            b.setWrapText(true);
            b.setMnemonicParsing(false);
            kindBox.getChildren().add(b);
        }
        Kind initial = obvious != null ? obvious : Kind.ONE_TO_MANY;
        kinds.getToggles().stream().filter(t -> t.getUserData() == initial).findFirst().ifPresent(kinds::selectToggle);
        TextField name = new TextField();
        name.setId("relationship-name");
        CheckBox backBox = new CheckBox("back_populates pair on " + target);
        backBox.setSelected(!source.equals(target));
        backBox.setMnemonicParsing(false);
        backBox.setWrapText(true);
        backBox.setId("relationship-back");
        TextField back = new TextField();
        back.setId("relationship-back-name");
        back.disableProperty().bind(backBox.selectedProperty().not());
        TextField associationClass = new TextField(source + target);
        associationClass.setId("relationship-association-class");
        ComboBox<String> association = new ComboBox<>();
        association.setEditable(true);
        association.setId("relationship-association");
        association.setMaxWidth(Double.MAX_VALUE);
        List<String> unmapped = new ArrayList<>();
        for (String t : s.tables().keySet()) {
            if (s.classForTable(t) == null) {
                unmapped.add(t);
            }
        }
        Label proposal = new Label();
        proposal.setId("relationship-proposal");
        proposal.setWrapText(true);
        proposal.setMaxWidth(WIDTH - 40);
        Runnable propose = () -> proposal.setText((selected(kinds) == Kind.ASSOCIATION_OBJECT ? "Creates: " : "Foreign key: ")
                + plan(kinds, name, backBox, back, association, associationClass, source, target).proposal(s));
        Runnable refresh = () -> {
            Kind k = selected(kinds);
            boolean object = k == Kind.ASSOCIATION_OBJECT;
            boolean many = k == Kind.ONE_TO_MANY || k == Kind.MANY_TO_MANY;
            boolean backMany = k == Kind.MANY_TO_ONE || k == Kind.MANY_TO_MANY;
            String assocName = associationClass.getText().strip();
            name.setText(object ? RelationshipPlan.defaultName(assocName, true) : RelationshipPlan.defaultName(target, many));
            back.setText(object ? RelationshipPlan.defaultName(assocName, true) : RelationshipPlan.defaultName(source, backMany));
            association.getItems().setAll(object ? List.of() : unmapped);
            association.setValue(object ? ModelEdits.tableNameFor(assocName)
                    : s.mappedClass(source).table() + "_" + s.mappedClass(target).table());
            association.setDisable(k != Kind.MANY_TO_MANY && !object);
            associationClass.setDisable(!object);
            propose.run();
        };
        kinds.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                kinds.selectToggle(a);
            } else {
                refresh.run();
            }
        });
        associationClass.textProperty().addListener((o, a, b) -> {
            if (selected(kinds) == Kind.ASSOCIATION_OBJECT) {
                refresh.run();
            }
        });
        association.valueProperty().addListener((o, a, b) -> propose.run());
        refresh.run();
        GridPane grid = ClassDialogs.grid();
        int row = 0;
        Label question;
        if (obvious == null) {
            question = new Label("The foreign keys leave the direction open. Which is it?");
        } else {
            // the keys decide the direction; an association object (a new class between them) is still possible
            question = new Label("The foreign key decides: " + obvious.text().replace("source", source)
                    .replace("target", target) + " — or an association object:");
            for (var t : kinds.getToggles()) {
                Kind k = (Kind) t.getUserData();
                ((RadioButton) t).setVisible(k == obvious || k == Kind.ASSOCIATION_OBJECT);
                ((RadioButton) t).setManaged(k == obvious || k == Kind.ASSOCIATION_OBJECT);
            }
        }
        question.setWrapText(true);
        question.setMaxWidth(WIDTH - 40);
        grid.add(question, 0, row++, 2, 1);
        grid.add(kindBox, 0, row++, 2, 1);
        Label sourceLabel = new Label(source + ".");
        sourceLabel.setWrapText(true);
        grid.addRow(row++, sourceLabel, name);
        grid.addRow(row++, backBox, back);
        grid.addRow(row++, new Label("Association class"), associationClass);
        grid.addRow(row++, new Label("Association table"), association);
        grid.add(proposal, 0, row, 2, 1);
        grid.getColumnConstraints().setAll(new ColumnConstraints(180),
                new ColumnConstraints(WIDTH - 180 - 60));
        grid.getColumnConstraints().get(1).setFillWidth(true);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().setPrefWidth(WIDTH);
        d.getDialogPane().setMinWidth(WIDTH);
        d.getDialogPane().setMaxWidth(WIDTH);
        d.getDialogPane().setId("relationship-dialog");
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        ClassDialogs.enterConfirms(d);
        if (obvious == null) {
            Platform.runLater(() -> ((RadioButton) kinds.getSelectedToggle()).requestFocus());
        } else {
            Platform.runLater(name::requestFocus);
        }
        d.setResultConverter(b -> b == ButtonType.OK
                ? plan(kinds, name, backBox, back, association, associationClass, source, target) : null);
        return d.showAndWait();
    }

    private static Kind selected(ToggleGroup kinds) {
        return (Kind) kinds.getSelectedToggle().getUserData();
    }

    private static RelationshipPlan plan(ToggleGroup kinds, TextField name, CheckBox backBox, TextField back,
                                         ComboBox<String> association, TextField associationClass,
                                         String source, String target) {
        Kind k = selected(kinds);
        String assoc = association.getEditor().getText();
        if (assoc == null || assoc.isBlank()) {
            assoc = association.getValue();
        }
        boolean usesTable = k == Kind.MANY_TO_MANY || k == Kind.ASSOCIATION_OBJECT;
        return new RelationshipPlan(source, target, k, name.getText().strip(),
                backBox.isSelected() ? back.getText().strip() : null, usesTable && assoc != null ? assoc.strip() : null,
                k == Kind.ASSOCIATION_OBJECT ? associationClass.getText().strip() : null);
    }
}
