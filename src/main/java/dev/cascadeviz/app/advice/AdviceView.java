package dev.cascadeviz.app.advice;

import dev.cascadeviz.advice.Advice;
import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.trace.Cause;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The warnings about the scenario, before anything runs, each with a button that applies its
 * fix as an undoable edit and a link to the relationship it concerns.
 */
public final class AdviceView extends VBox {

    private final WorkspaceModel model;

    public AdviceView(WorkspaceModel model) {
        this.model = model;
        setId("advice");
        getStyleClass().add("advice-view");
        setSpacing(10);
        model.advice().addListener((ListChangeListener<Advice>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        if (model.advice().isEmpty()) {
            Label none = new Label("No warnings: the ORM settings and the database rules agree.");
            none.setWrapText(true);
            none.setId("advice-none");
            getChildren().add(none);
            return;
        }
        for (int i = 0; i < model.advice().size(); i++) {
            getChildren().add(card(model.advice().get(i), i));
        }
    }

    private VBox card(Advice a, int index) {
        Label message = new Label(a.message());
        message.setWrapText(true);
        message.getStyleClass().add("advice-message");
        Button fix = new Button("Fix: " + a.fix().description());
        fix.setId("fix-" + index);
        fix.setWrapText(true);
        fix.setMnemonicParsing(false);
        fix.setOnAction(e -> model.applyFix(a));
        VBox card = new VBox(6, message);
        if (a.relationship() != null) {
            Hyperlink show = new Hyperlink("Show " + a.relationship());
            show.setMnemonicParsing(false);
            show.setOnAction(e -> model.showCause(new Cause(a.message(), a.relationship(),
                    a.foreignKey(), null)));
            card.getChildren().add(show);
        }
        card.getChildren().add(fix);
        card.getStyleClass().add("advice-card");
        card.setId("advice-" + index);
        return card;
    }
}
