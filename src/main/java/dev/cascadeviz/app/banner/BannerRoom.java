package dev.cascadeviz.app.banner;

import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;

/**
 * The error banner takes its room from the log and tables below, not from the graph: when it
 * shows, the divider between the graph and the panes below moves down by the banner's height, and
 * back up when it goes. At 1280×720 the banner's three lines had left the graph 150 px, too little
 * for a three-class model at a readable size (lesson 43's association card sat under the legend).
 */
public final class BannerRoom {

    /** The divider never goes below this: the log and tables keep about a third of the height. */
    public static final double LOWEST_DIVIDER = 0.65;

    private final SplitPane split;
    private final Region banner;
    /** How many pixels the divider stands lower than it would without the banner. */
    private double taken;

    private BannerRoom(SplitPane split, Region banner) {
        this.split = split;
        this.banner = banner;
    }

    /** Keeps the graph's height in {@code split}'s first pane, above the divider, whether {@code banner} shows or not. */
    public static BannerRoom keep(SplitPane split, Region banner) {
        BannerRoom room = new BannerRoom(split, banner);
        banner.heightProperty().addListener((o, a, b) -> room.update());
        banner.visibleProperty().addListener((o, a, b) -> room.update());
        return room;
    }

    /** The divider was placed anew (presentation mode): the banner's room is taken again from there. */
    public void dividerPlaced() {
        taken = 0;
        update();
    }

    private void update() {
        double total = split.getHeight();
        if (total <= 0 || split.getDividers().isEmpty()) {
            return;
        }
        double wanted = banner.isVisible() ? banner.getHeight() : 0;
        if (Math.abs(wanted - taken) < 1) {
            return;
        }
        double position = split.getDividerPositions()[0];
        double moved = Math.max(0.05, Math.min(LOWEST_DIVIDER, position + (wanted - taken) / total));
        taken += (moved - position) * total;
        split.setDividerPositions(moved);
    }
}
