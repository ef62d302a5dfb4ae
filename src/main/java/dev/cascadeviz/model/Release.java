package dev.cascadeviz.model;

/**
 * The SQLAlchemy release whose behaviour and SQL text a scenario shows: the file's top-level
 * {@code sqlalchemy:} key. The releases differ in what they print (2.1's ORM SELECTs carry no
 * column labels) and in a few behaviours; the simulator consults this one switch.
 */
public enum Release {
    V2_0("2.0"),
    V2_1("2.1");

    /** What a file without the key means: the current release. */
    public static final Release DEFAULT = V2_1;

    private final String text;

    Release(String text) {
        this.text = text;
    }

    /** As written in a file and on the command line: {@code 2.0}, {@code 2.1}. */
    public String text() {
        return text;
    }

    /** The release a file or command line names, or null when it names none of them. */
    public static Release fromText(String text) {
        for (Release r : values()) {
            if (r.text.equals(text)) {
                return r;
            }
        }
        return null;
    }

    /** 2.1 drops the {@code AS table_column} labels of ORM SELECTs. */
    public boolean labelsOrmSelects() {
        return this == V2_0;
    }

    @Override
    public String toString() {
        return text;
    }
}
