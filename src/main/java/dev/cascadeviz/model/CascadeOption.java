package dev.cascadeviz.model;

/** One of SQLAlchemy's cascade keywords, except the shorthands {@code all} and {@code none}. */
public enum CascadeOption {
    SAVE_UPDATE("save-update"),
    MERGE("merge"),
    EXPUNGE("expunge"),
    DELETE("delete"),
    DELETE_ORPHAN("delete-orphan"),
    REFRESH_EXPIRE("refresh-expire");

    private final String keyword;

    CascadeOption(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    public static CascadeOption fromKeyword(String word) {
        for (CascadeOption o : values()) {
            if (o.keyword.equals(word)) {
                return o;
            }
        }
        return null;
    }
}
