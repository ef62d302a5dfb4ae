package dev.cascadeviz.model.mapping;

/**
 * A mapping SQLAlchemy refuses when mappers configure.
 *
 * @param type SQLAlchemy's exception class name, e.g. {@code ArgumentError}, {@code NoForeignKeysError}
 * @param className the class of the offending relationship
 * @param relationship the relationship's name
 */
public class MappingException extends Exception {

    private final String type;
    private final String className;
    private final String relationship;

    public MappingException(String type, String className, String relationship, String message) {
        super(message);
        this.type = type;
        this.className = className;
        this.relationship = relationship;
    }

    public String type() {
        return type;
    }

    public String className() {
        return className;
    }

    public String relationship() {
        return relationship;
    }
}
