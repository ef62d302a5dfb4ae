package dev.cascadeviz.app.steps;

import dev.cascadeviz.workbench.Edits;
import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.scenario.StepNotation;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The scenario's session calls, in order: add (typed as one line, e.g. {@code delete Artist(1)}),
 * edit in place (double-click or F2; Enter takes the line, Esc leaves it), remove, move up or down
 * (buttons, Alt+Up / Alt+Down, or drag). Every line and order is checked by the loader's own
 * reading ({@link StepNotation}); a refused one changes nothing and shows the loader's message.
 * Each change is an undoable job, and the scenario runs again.
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
        list.setEditable(true);
        list.setCellFactory(v -> new StepCell(this::editStep, (from, to) -> moveStep(from, to, null)));
        list.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
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
            List<Step> after = new ArrayList<>(steps);
            after.add(index, step);
            StepNotation.check(after, model.getScenario());
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
        if (i >= 0) {
            moveStep(i, i + delta, delta < 0 ? "up" : "down");
        }
    }

    private void keys(KeyEvent e) {
        if (list.getEditingIndex() >= 0) {
            return;
        }
        int i = list.getSelectionModel().getSelectedIndex();
        if (e.getCode() == KeyCode.F2 && i >= 0) {
            e.consume();
            list.edit(i);
        } else if (e.isAltDown() && (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN)) {
            e.consume();
            move(e.getCode() == KeyCode.UP ? -1 : 1);
        }
    }

    /** Takes a line for the step at {@code index} as one edit, or returns the loader's reason for refusing it. */
    private String editStep(int index, String line) {
        if (index < 0 || index >= model.steps().size()) {
            return "there is no step " + (index + 1) + " any more";
        }
        List<Step> steps;
        try {
            steps = StepNotation.replace(line, model.getScenario(), index);
        } catch (StepNotation.Refused e) {
            return e.getMessage();
        }
        Step old = model.steps().get(index);
        list.edit(-1);
        message.setVisible(false);
        model.edit("Edit step " + (index + 1) + ": '" + StepNotation.line(old) + "' to '"
                + StepNotation.line(steps.get(index)) + "'", Edits.steps(steps));
        list.getSelectionModel().select(index);
        list.requestFocus();
        return null;
    }

    /** Moves a step when the loader would read the new order; {@code way} names a one-place move. */
    private void moveStep(int from, int to, String way) {
        List<Step> steps = new ArrayList<>(model.steps());
        if (from < 0 || from >= steps.size() || to < 0 || to >= steps.size() || from == to) {
            return;
        }
        Step s = steps.remove(from);
        steps.add(to, s);
        try {
            StepNotation.check(steps, model.getScenario());
        } catch (StepNotation.Refused e) {
            message.setText("Cannot move step " + (from + 1) + ": " + e.getMessage());
            message.setVisible(true);
            return;
        }
        message.setVisible(false);
        String what = way != null ? way : "from " + (from + 1) + " to " + (to + 1);
        model.edit("Move step '" + StepNotation.line(s) + "' " + what, Edits.steps(steps));
        list.getSelectionModel().select(to);
    }
}
