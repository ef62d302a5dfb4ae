package dev.cascadeviz.model.mapping;

/** A relationship's direction as SQLAlchemy derives it from the foreign keys. */
public enum Direction {
    ONE_TO_MANY("one-to-many"), MANY_TO_ONE("many-to-one"), MANY_TO_MANY("many-to-many");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
