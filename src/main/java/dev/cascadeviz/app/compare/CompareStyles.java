package dev.cascadeviz.app.compare;

import dev.cascadeviz.trace.TraceComparison;
import javafx.css.PseudoClass;
import javafx.scene.Node;

/** Style classes and pseudo-classes of the compare view (compare.css). */
public final class CompareStyles {

    /** A statement or row only this side has. */
    public static final PseudoClass ONLY_HERE = PseudoClass.getPseudoClass("only-here");
    /** A statement the other side sent with other parameters, or a row it has with other values. */
    public static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
    /** A figure that is not the same on both sides. */
    public static final PseudoClass DIFFERS = PseudoClass.getPseudoClass("differs");

    public static final String STATEMENT = "compare-statement";
    public static final String ROW = "compare-row";
    public static final String CELL = "compare-cell";

    private CompareStyles() {
    }

    static void mark(Node node, TraceComparison.StatementStatus status) {
        node.pseudoClassStateChanged(ONLY_HERE, status == TraceComparison.StatementStatus.ONLY_HERE);
        node.pseudoClassStateChanged(CHANGED, status == TraceComparison.StatementStatus.OTHER_PARAMETERS);
    }

    static void mark(Node node, TraceComparison.RowStatus status) {
        node.pseudoClassStateChanged(ONLY_HERE, status == TraceComparison.RowStatus.ONLY_HERE);
        node.pseudoClassStateChanged(CHANGED, status == TraceComparison.RowStatus.CHANGED);
    }
}
