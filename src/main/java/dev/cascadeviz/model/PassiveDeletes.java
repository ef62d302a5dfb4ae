package dev.cascadeviz.model;

/** {@code relationship(passive_deletes=...)}: False (default), True or 'all'. */
public enum PassiveDeletes {
    FALSE, TRUE, ALL;

    /** As SQLAlchemy's repr of the argument: False, True, 'all'. */
    public String pythonLiteral() {
        return switch (this) {
            case FALSE -> "False";
            case TRUE -> "True";
            case ALL -> "'all'";
        };
    }
}
