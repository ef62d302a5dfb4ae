package dev.cascadeviz.app.viewmodel;

/** Which way a relationship points, derived from the foreign keys as SQLAlchemy derives it. */
public enum Direction {
    ONE_TO_MANY("one-to-many"), MANY_TO_ONE("many-to-one"), MANY_TO_MANY("many-to-many"), UNKNOWN("?");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
