package dev.cascadeviz.app.graph;

import dev.cascadeviz.app.banner.BannerRoom;
import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;

/**
 * In presentation the graph's pane is as tall as the graph needs, up to half the height: a wide
 * model shown at the room's reading size (a chain of cards in one row) leaves the rest to the SQL
 * log and the tables. On the 37,449-row benchmark at 1280×720 the graph's pane had been half empty
 * while the log showed nine lines. The divider is placed again when the graph is fitted, when the
 * window's height changes and when presentation begins; outside presentation it is left alone.
 */
public final class GraphRoom {

    /** Presentation's share of the height for the graph (and at most that). */
    static final double GRAPH_SHARE = 0.5;
    /** The graph's pane keeps at least this share of the height. */
    static final double LEAST_SHARE = 0.25;
    /** A move of less than this is not made. */
    static final double SLACK_PX = 8;

    private final SplitPane split;
    private final GraphView graph;
    private final Region banner;
    private final ObservableBooleanValue presentation;

    private GraphRoom(SplitPane split, GraphView graph, Region banner, ObservableBooleanValue presentation) {
        this.split = split;
        this.graph = graph;
        this.banner = banner;
        this.presentation = presentation;
    }

    /**
     * Sizes the first pane of {@code split}, {@code graph} under {@code banner}, to what they need
     * while {@code presentation} is on.
     */
    public static GraphRoom keep(SplitPane split, GraphView graph, Region banner, ObservableBooleanValue presentation) {
        GraphRoom room = new GraphRoom(split, graph, banner, presentation);
        graph.neededHeightProperty().addListener((o, a, b) -> room.place());
        split.heightProperty().addListener((o, a, b) -> room.place());
        presentation.addListener((o, a, on) -> Platform.runLater(room::place));
        return room;
    }

    private void place() {
        double total = split.getHeight();
        double needed = graph.neededHeightProperty().get();
        if (!presentation.get() || total <= 0 || needed <= 0 || split.getDividers().isEmpty()) {
            return;
        }
        // the error banner above the graph has its own room (BannerRoom moves the divider as it comes and goes)
        double around = banner.isVisible() ? banner.getHeight() : 0;
        double graphHeight = Math.max(LEAST_SHARE * total, Math.min(GRAPH_SHARE * total, needed));
        double target = Math.min(BannerRoom.LOWEST_DIVIDER, (around + graphHeight) / total);
        if (Math.abs(target - split.getDividerPositions()[0]) * total >= SLACK_PX) {
            split.setDividerPositions(target);
        }
    }
}
