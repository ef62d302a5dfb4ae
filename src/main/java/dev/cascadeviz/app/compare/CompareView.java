package dev.cascadeviz.app.compare;

import dev.cascadeviz.trace.TraceComparison.Side;
import dev.cascadeviz.trace.TraceComparison;
import dev.cascadeviz.workbench.Comparison;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * One scenario under two configurations side by side: a verdict naming what differs, then per
 * side the figures, the SQL and the resulting tables (compare.css highlights the differences).
 * It binds to a {@link CompareViewModel}; the comparison itself is {@link TraceComparison}'s.
 */
public final class CompareView extends BorderPane {

    private final CompareViewModel model;
    private final Label title = new Label();
    private final Label verdict = new Label();
    private final CompareSideView left = new CompareSideView(Side.LEFT);
    private final CompareSideView right = new CompareSideView(Side.RIGHT);

    public CompareView(CompareViewModel model) {
        this.model = model;
        getStyleClass().add("compare-view");
        setId("compare-view");
        title.getStyleClass().add("compare-title");
        title.setId("compare-title");
        title.setWrapText(true);
        title.textProperty().bind(model.titleProperty());
        verdict.setId("compare-verdict");
        verdict.getStyleClass().add("compare-verdict");
        verdict.setWrapText(true);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(16, 16);
        progress.visibleProperty().bind(model.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        VBox header = new VBox(4, title, new HBox(8, progress, verdict));
        header.getStyleClass().add("compare-header-bar");
        setTop(header);
        SplitPane sides = new SplitPane(left, right);
        setCenter(sides);
        left.widthProperty().addListener((o, a, b) -> alignHeadings());
        right.widthProperty().addListener((o, a, b) -> alignHeadings());
        left.heading().textProperty().addListener((o, a, b) -> alignHeadings());
        right.heading().textProperty().addListener((o, a, b) -> alignHeadings());
        model.resultProperty().addListener((o, a, b) -> refresh());
        model.failureProperty().addListener((o, a, b) -> refresh());
        model.runningProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        Comparison c = model.getResult();
        if (c == null) {
            left.showRun(model.leftProperty().get() == null ? "" : model.leftProperty().get().label());
            right.showRun(model.rightProperty().get() == null ? "" : model.rightProperty().get().label());
            String failure = model.failureProperty().get();
            verdict.setText(failure != null ? failure : model.runningProperty().get() ? "Running both configurations…" : "");
            verdict.pseudoClassStateChanged(CompareStyles.DIFFERS, failure != null);
            return;
        }
        left.show(c);
        right.show(c);
        verdict.setText(verdict(c.diff()));
        verdict.pseudoClassStateChanged(CompareStyles.DIFFERS, !c.diff().identical());
    }

    /** Both configurations' headings as high as the higher one, so the figures and SQL below start level. */
    private void alignHeadings() {
        Platform.runLater(() -> {
            Label a = left.heading();
            Label b = right.heading();
            double h = Math.max(a.prefHeight(a.getWidth()), b.prefHeight(b.getWidth()));
            a.setMinHeight(h);
            b.setMinHeight(h);
        });
    }

    /** What differs, in words. */
    static String verdict(TraceComparison d) {
        if (d.identical()) {
            return "Both configurations send the same SQL and leave the same tables.";
        }
        StringBuilder b = new StringBuilder();
        if (d.sameStatements()) {
            b.append("The same SQL on both sides");
        } else {
            b.append(d.statementCount(Side.LEFT)).append(" statements against ").append(d.statementCount(Side.RIGHT))
                    .append(" (").append(d.differingStatements(Side.LEFT)).append(" only on the left, ")
                    .append(d.differingStatements(Side.RIGHT)).append(" only on the right)");
        }
        b.append(d.sameError() ? "; the same outcome" : "; different outcomes");
        b.append(d.sameTables() ? "; the same tables afterwards." : "; the tables differ afterwards.");
        return b.toString();
    }

    CompareSideView side(Side side) {
        return side == Side.LEFT ? left : right;
    }
}
