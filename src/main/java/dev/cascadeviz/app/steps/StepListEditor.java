package dev.cascadeviz.app.steps;

import dev.cascadeviz.workbench.Edits;
import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.interop.PythonExport;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.scenario.StepNotation;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The scenario's session calls, in order: add (typed as one line, e.g. {@code delete Artist(1)}),
 * remove, move up or down. Each change is an undoable job, and the scenario runs again.
 */
public final class StepListEditor extends VBox {

    public static final String STYLE = "step-editor";

    private final WorkspaceModel model;
    private final ListView<Step> list = new ListView<>();
    private final TextField input = new TextField();
    private final Label message = new Label();

    public StepListEditor(WorkspaceModel model) {
        this.model = model;
        getStyleClass().add(STYLE);
        setId("step-editor");
        setSpacing(6);
        Label title = new Label("Steps (one Session)");
        title.getStyleClass().add("pane-title");
        list.setId("step-list");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Step item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setTooltip(null);
                } else {
                    setText((getIndex() + 1) + ". " + StepNotation.line(item));
                    setTooltip(new Tooltip(PythonExport.sessionCall(item)));
                }
            }
        });
        list.setPrefHeight(130);
        VBox.setVgrow(list, Priority.ALWAYS);
        input.setId("step-input");
        input.setPromptText("e.g. delete Artist(1)   ·   remove Song(2) from Artist(1).songs   ·   commit");
        input.setOnAction(e -> add());
        HBox.setHgrow(input, Priority.ALWAYS);
        Button add = button("Add", "step-add", this::add);
        Button remove = button("Remove", "step-remove", this::remove);
        Button up = button("↑", "step-up", () -> move(-1));
        Button down = button("↓", "step-down", () -> move(1));
        message.setId("step-message");
        message.getStyleClass().add("step-message");
        message.setWrapText(true);
        message.managedProperty().bind(message.visibleProperty());
        message.setVisible(false);
        getChildren().addAll(title, list, new HBox(6, input, add), new HBox(6, remove, up, down), message);
        model.scenarioProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void refresh() {
        int selected = list.getSelectionModel().getSelectedIndex();
        list.getItems().setAll(model.steps());
        if (selected >= 0 && selected < list.getItems().size()) {
            list.getSelectionModel().select(selected);
        }
    }

    private void add() {
        List<Step> steps = new ArrayList<>(model.steps());
        int at = list.getSelectionModel().getSelectedIndex();
        int index = at < 0 ? steps.size() : at + 1;
        Step step;
        try {
            step = StepNotation.parse(input.getText(), model.getScenario(), index);
        } catch (StepNotation.Refused e) {
            message.setText(e.getMessage());
            message.setVisible(true);
            return;
        }
        message.setVisible(false);
        steps.add(index, step);
        model.edit("Add step '" + StepNotation.line(step) + "'", Edits.steps(steps));
        input.clear();
        list.getSelectionModel().select(index);
    }

    private void remove() {
        int i = list.getSelectionModel().getSelectedIndex();
        if (i < 0) {
            return;
        }
        List<Step> steps = new ArrayList<>(model.steps());
        Step removed = steps.remove(i);
        model.edit("Remove step '" + StepNotation.line(removed) + "'", Edits.steps(steps));
    }

    private void move(int delta) {
        int i = list.getSelectionModel().getSelectedIndex();
        int j = i + delta;
        List<Step> steps = new ArrayList<>(model.steps());
        if (i < 0 || j < 0 || j >= steps.size()) {
            return;
        }
        Step s = steps.remove(i);
        steps.add(j, s);
        model.edit("Move step '" + StepNotation.line(s) + "' " + (delta < 0 ? "up" : "down"), Edits.steps(steps));
        list.getSelectionModel().select(j);
    }
}
