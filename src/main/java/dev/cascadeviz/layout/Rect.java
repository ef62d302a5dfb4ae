package dev.cascadeviz.layout;

import java.util.List;

/** An axis-aligned box of a drawing: a node's card or a label, in picture pixels. */
public record Rect(double x, double y, double width, double height) {

    public static Rect centredAt(double cx, double cy, double width, double height) {
        return new Rect(cx - width / 2, cy - height / 2, width, height);
    }

    public double maxX() {
        return x + width;
    }

    public double maxY() {
        return y + height;
    }

    public double centreX() {
        return x + width / 2;
    }

    public double centreY() {
        return y + height / 2;
    }

    public Rect moved(double dx, double dy) {
        return new Rect(x + dx, y + dy, width, height);
    }

    /** This box grown by {@code m} on every side. */
    public Rect grown(double m) {
        return new Rect(x - m, y - m, width + 2 * m, height + 2 * m);
    }

    /** True when the interiors overlap (touching edges do not count). */
    public boolean overlaps(Rect o) {
        return x < o.maxX() && o.x < maxX() && y < o.maxY() && o.y < maxY();
    }

    public boolean contains(Pt p) {
        return p.x() > x && p.x() < maxX() && p.y() > y && p.y() < maxY();
    }

    /** True when the segment a-b passes through the interior of this box (Liang-Barsky clipping). */
    public boolean crosses(Pt a, Pt b) {
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {a.x() - x, maxX() - a.x(), a.y() - y, maxY() - a.y()};
        double t0 = 0;
        double t1 = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] <= 0) {
                    return false;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        if (t0 >= t1) {
            return false;
        }
        // a segment only grazing the border has a zero-length piece inside: not a crossing
        double mx = a.x() + dx * (t0 + t1) / 2;
        double my = a.y() + dy * (t0 + t1) / 2;
        return contains(new Pt(mx, my));
    }

    /** True when any segment of the polyline passes through the interior of this box. */
    public boolean crosses(List<Pt> route) {
        for (int i = 0; i + 1 < route.size(); i++) {
            if (crosses(route.get(i), route.get(i + 1))) {
                return true;
            }
        }
        return false;
    }

    public Rect union(Rect o) {
        double minX = Math.min(x, o.x);
        double minY = Math.min(y, o.y);
        return new Rect(minX, minY, Math.max(maxX(), o.maxX()) - minX, Math.max(maxY(), o.maxY()) - minY);
    }
}
