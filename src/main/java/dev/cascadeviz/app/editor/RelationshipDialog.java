package dev.cascadeviz.app.editor;

import dev.cascadeviz.editing.RelationshipPlan;
import dev.cascadeviz.editing.RelationshipPlan.Kind;
import dev.cascadeviz.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * A relationship drawn from one class to another: the one question (what shape) only when the
 * foreign keys leave the direction open, the names, the back_populates partner, and the
 * foreign key the window proposes (existing, or a new column it will create).
 */
final class RelationshipDialog {

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
            b.setId("kind-" + k.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            b.setToggleGroup(kinds);
            kindBox.getChildren().add(b);
        }
        Kind initial = obvious != null ? obvious : Kind.ONE_TO_MANY;
        kinds.getToggles().stream().filter(t -> t.getUserData() == initial).findFirst().ifPresent(kinds::selectToggle);
        TextField name = new TextField();
        name.setId("relationship-name");
        CheckBox backBox = new CheckBox("back_populates pair on " + target);
        backBox.setSelected(!source.equals(target));
        backBox.setMnemonicParsing(false);
        backBox.setId("relationship-back");
        TextField back = new TextField();
        back.setId("relationship-back-name");
        back.disableProperty().bind(backBox.selectedProperty().not());
        ComboBox<String> association = new ComboBox<>();
        association.setEditable(true);
        association.setId("relationship-association");
        List<String> unmapped = new ArrayList<>();
        for (String t : s.tables().keySet()) {
            if (s.classForTable(t) == null) {
                unmapped.add(t);
            }
        }
        association.getItems().setAll(unmapped);
        association.setValue(s.mappedClass(source).table() + "_" + s.mappedClass(target).table());
        Label proposal = new Label();
        proposal.setId("relationship-proposal");
        proposal.setWrapText(true);
        proposal.setMaxWidth(460);
        Runnable refresh = () -> {
            Kind k = (Kind) kinds.getSelectedToggle().getUserData();
            boolean many = k == Kind.ONE_TO_MANY || k == Kind.MANY_TO_MANY;
            boolean backMany = k == Kind.MANY_TO_ONE || k == Kind.MANY_TO_MANY;
            name.setText(RelationshipPlan.defaultName(target, many));
            back.setText(RelationshipPlan.defaultName(source, backMany));
            association.setDisable(k != Kind.MANY_TO_MANY);
            proposal.setText("Foreign key: " + plan(kinds, name, backBox, back, association, source, target).proposal(s));
        };
        kinds.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                kinds.selectToggle(a);
            } else {
                refresh.run();
            }
        });
        association.valueProperty().addListener((o, a, b) -> proposal.setText(
                "Foreign key: " + plan(kinds, name, backBox, back, association, source, target).proposal(s)));
        refresh.run();
        GridPane grid = ClassDialogs.grid();
        int row = 0;
        if (obvious == null) {
            grid.add(new Label("The foreign keys leave the direction open. Which is it?"), 0, row++, 2, 1);
            grid.add(kindBox, 0, row++, 2, 1);
        } else {
            grid.add(new Label("The foreign key decides: " + obvious.text().replace("source", source)
                    .replace("target", target)), 0, row++, 2, 1);
            kindBox.setVisible(false);
            kindBox.setManaged(false);
            grid.add(kindBox, 0, row++, 2, 1);
        }
        grid.addRow(row++, new Label(source + "."), name);
        grid.addRow(row++, backBox, back);
        grid.addRow(row++, new Label("Association table"), association);
        grid.add(proposal, 0, row, 2, 1);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        if (obvious == null) {
            javafx.application.Platform.runLater(() -> ((RadioButton) kinds.getSelectedToggle()).requestFocus());
        } else {
            javafx.application.Platform.runLater(name::requestFocus);
        }
        d.setResultConverter(b -> b == ButtonType.OK ? plan(kinds, name, backBox, back, association, source, target) : null);
        return d.showAndWait();
    }

    private static RelationshipPlan plan(ToggleGroup kinds, TextField name, CheckBox backBox, TextField back,
                                         ComboBox<String> association, String source, String target) {
        Kind k = (Kind) kinds.getSelectedToggle().getUserData();
        String assoc = association.getEditor().getText();
        if (assoc == null || assoc.isBlank()) {
            assoc = association.getValue();
        }
        return new RelationshipPlan(source, target, k, name.getText().strip(),
                backBox.isSelected() ? back.getText().strip() : null, k == Kind.MANY_TO_MANY ? assoc.strip() : null);
    }
}
