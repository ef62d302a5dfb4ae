package dev.cascadeviz.layout;

import java.util.List;

/**
 * What is to be laid out: boxes of known size and the links between them, each with an optional
 * label of known size. It knows nothing of what the boxes show: the window measures its cards,
 * a picture measures its text, and both hand the sizes in.
 *
 * @param nodes in a stable order (the file's), which the layout keeps where it can
 */
public record Diagram(List<Box> nodes, List<Link> links) {

    public Diagram {
        nodes = List.copyOf(nodes);
        links = List.copyOf(links);
    }

    /** A node: a class's card or an association table's. */
    public record Box(String id, double width, double height) {
    }

    /**
     * A link drawn from {@code source} to {@code target} (the arrow at the target).
     *
     * @param upstream true when the layers should put the target before the source (a
     *                 many-to-one points from child to parent; parents go left of children)
     * @param labelWidth 0 when the link has no label
     */
    public record Link(String id, String source, String target, boolean upstream, double labelWidth, double labelHeight) {

        public boolean hasLabel() {
            return labelWidth > 0 && labelHeight > 0;
        }
    }

    public Box box(String id) {
        for (Box b : nodes) {
            if (b.id().equals(id)) {
                return b;
            }
        }
        return null;
    }
}
