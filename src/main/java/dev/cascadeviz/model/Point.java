package dev.cascadeviz.model;

/** Where a class's node sits in the graph, as saved in the file's {@code layout}. */
public record Point(double x, double y) {
}
