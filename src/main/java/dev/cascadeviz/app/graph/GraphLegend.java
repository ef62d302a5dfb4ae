package dev.cascadeviz.app.graph;

import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.shape.Line;

/**
 * What the graph's marks mean, in a line under it: the dashed green edge a cascade went along for
 * the statement shown (save-update, merge, refresh-expire), the thick orange edge whose foreign key's
 * table the statement touches, a red cascade that includes delete, a green database rule. The swatches
 * carry the edges' own style classes, so the legend draws them as the graph does.
 */
public final class GraphLegend extends FlowPane {

    public GraphLegend() {
        super(12, 2);
        setId("graph-legend");
        getStyleClass().add("graph-legend");
        getChildren().addAll(
                entry("graph-legend-travelled", "a cascade went along it for this statement "
                        + "(save-update, merge, refresh-expire)", true, "legend-travelled"),
                entry("graph-legend-current", "this statement touches its foreign key's table", true, "legend-current"),
                entry("graph-legend-delete", "cascade includes delete", false, "legend-delete"),
                entry("graph-legend-rule", "database ON DELETE rule", false, "legend-rule"));
    }

    private static Label entry(String id, String text, boolean line, String style) {
        Label l = new Label(text);
        l.setId(id);
        l.getStyleClass().addAll("graph-legend-item", style);
        if (line) {
            Line swatch = new Line(0, 0, 26, 0);
            swatch.getStyleClass().add("graph-legend-line");
            l.setGraphic(swatch);
        }
        return l;
    }
}
