package dev.cascadeviz.app.graph;

import dev.cascadeviz.model.Point;
import dev.cascadeviz.workbench.MappedEdge;
import java.util.List;
import javafx.scene.control.MenuItem;

/**
 * What the graph hands to the model editor (issue 12): a double-click on the empty canvas, a
 * class card's context menu, a Shift-drag from one class to another, an edge's context menu.
 * The graph only reports the gesture; the editor decides and edits.
 */
public interface GraphEditing {

    /** @param at where, in the file's layout units */
    void canvasDoubleClicked(Point at);

    /** Items for a class card's context menu. */
    List<MenuItem> classMenu(String className);

    /** A class was Shift-dragged onto another (or onto itself). */
    void connect(String source, String target);

    /** Insert on a selected class: a new column. */
    void addColumn(String className);

    /** F2 on a selected class: rename it. */
    void rename(String className);

    /** Items added to an edge's context menu. */
    List<MenuItem> edgeMenu(MappedEdge edge);
}
