package dev.cascadeviz.app.banner;

import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.scenario.StepNotation;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceError;
import dev.cascadeviz.workbench.ErrorExplainer;
import dev.cascadeviz.workbench.TableReplay;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * Shown when a run ends in an error: the exception type and message as SQLAlchemy raises it, one
 * plain sentence of why, and that the session rolled back. Also shows a run that broke, and
 * SQLAlchemy's warnings.
 */
public final class ErrorBanner extends VBox {

    public static final String STYLE = "error-banner";

    private final WorkspaceModel model;
    private final Label headline = new Label();
    private final Label why = new Label();
    private final Label rolledBack = new Label();

    public ErrorBanner(WorkspaceModel model) {
        this.model = model;
        getStyleClass().add(STYLE);
        setId("error-banner");
        headline.setId("error-headline");
        headline.getStyleClass().add("banner-headline");
        headline.setWrapText(true);
        why.setId("error-why");
        why.getStyleClass().add("banner-why");
        why.setWrapText(true);
        rolledBack.getStyleClass().add("banner-note");
        rolledBack.setWrapText(true);
        getChildren().addAll(headline, why, rolledBack);
        managedProperty().bind(visibleProperty());
        model.traceProperty().addListener((o, a, b) -> refresh());
        model.runFailureProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        Trace trace = model.getTrace();
        String failure = model.runFailureProperty().get();
        getStyleClass().removeAll("warning");
        if (failure != null) {
            headline.setText(failure);
            why.setText("This is a problem in CascadeViz itself, not in the scenario. Nothing was changed.");
            rolledBack.setText("");
            setVisible(true);
            return;
        }
        if (trace != null && trace.error() != null) {
            TraceError e = trace.error();
            headline.setText(e.type() + ": " + e.message());
            why.setText(ErrorExplainer.explain(e, model.getScenario(), trace));
            rolledBack.setText(e.step() == null
                    ? "SQLAlchemy refused the mapping when it configured the mappers, so no step ran."
                    : "Raised by step " + (e.step() + 1) + stepText(e.step())
                    + (TableReplay.keptCommittedWork(trace)
                            ? ". The session rolled back its open transaction: what earlier commits did stays, as the tables below show."
                            : ". The session rolled back: the tables below are as they were before the run."));
            setVisible(true);
            return;
        }
        if (trace != null && !trace.warnings().isEmpty()) {
            getStyleClass().add("warning");
            headline.setText("SAWarning: " + String.join("  ", trace.warnings()));
            why.setText("SQLAlchemy warns about this mapping but runs it.");
            rolledBack.setText("");
            setVisible(true);
            return;
        }
        setVisible(false);
    }

    private String stepText(int index) {
        List<Step> steps = model.steps();
        return index >= 0 && index < steps.size() ? " (" + StepNotation.line(steps.get(index)) + ")" : "";
    }

    public String headlineText() {
        return headline.getText();
    }

    public String whyText() {
        return why.getText();
    }
}
