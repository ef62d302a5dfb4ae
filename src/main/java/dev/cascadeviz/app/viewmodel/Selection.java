package dev.cascadeviz.app.viewmodel;

/** What the user picked in the graph: nothing, a class, or a relationship. */
public sealed interface Selection {

    Selection NONE = new Nothing();

    record Nothing() implements Selection {
    }

    record ClassNode(String className) implements Selection {
    }

    record Edge(String className, String relationship) implements Selection {
    }
}
