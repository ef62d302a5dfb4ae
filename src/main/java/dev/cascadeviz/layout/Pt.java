package dev.cascadeviz.layout;

/** A point of a drawing, in picture pixels (y grows downwards). */
public record Pt(double x, double y) {

    public Pt plus(double dx, double dy) {
        return new Pt(x + dx, y + dy);
    }

    public double distance(Pt o) {
        return Math.hypot(o.x - x, o.y - y);
    }
}
