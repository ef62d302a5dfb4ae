package dev.cascadeviz.app.graph;

import javafx.css.PseudoClass;

/** Style classes and pseudo-classes of the graph (see graph.css). */
public final class GraphStyles {

    public static final String GRAPH = "graph-view";
    public static final String NODE = "class-node";
    public static final String ASSOCIATION = "association-node";
    public static final String NODE_HEADER = "class-node-header";
    public static final String NODE_TITLE = "class-node-title";
    public static final String NODE_TABLE = "class-node-table";
    public static final String COLUMN_ROW = "column-row";
    public static final String BADGE = "badge";
    public static final String BADGE_PK = "badge-pk";
    public static final String BADGE_FK = "badge-fk";
    public static final String BADGE_NOT_NULL = "badge-not-null";
    public static final String EDGE = "relationship-edge";
    public static final String EDGE_LINE = "edge-line";
    public static final String EDGE_HIT = "edge-hit";
    public static final String EDGE_ARROW = "edge-arrow";
    public static final String EDGE_LABEL = "edge-label";
    public static final String EDGE_NAME = "edge-name";
    public static final String EDGE_CASCADE = "edge-cascade";
    public static final String EDGE_RULE = "edge-rule";

    public static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    public static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    /** An edge a cascade (e.g. save-update) travelled along to cause the statement shown. */
    public static final PseudoClass TRAVELLED = PseudoClass.getPseudoClass("travelled");
    public static final PseudoClass DELETE_CASCADE = PseudoClass.getPseudoClass("delete-cascade");
    public static final PseudoClass DB_RULE = PseudoClass.getPseudoClass("db-rule");
    public static final PseudoClass PASSIVE = PseudoClass.getPseudoClass("passive");
    public static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");

    private GraphStyles() {
    }
}
