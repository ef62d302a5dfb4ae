package dev.cascadeviz.orm.sql;

import dev.cascadeviz.model.Release;

/**
 * How a SELECT labels its columns, SQLAlchemy's {@code SelectLabelStyle}: the one switch by which
 * the SQL text of SQLAlchemy 2.0 and 2.1 differ.
 */
public enum LabelStyle {
    /**
     * {@code LABEL_STYLE_TABLENAME_PLUS_COL}: every column {@code AS table_column}. SQLAlchemy 2.0's
     * ORM SELECTs; in both releases the legacy-Query SELECTs of subquery eager loading.
     */
    TABLENAME_PLUS_COL,
    /**
     * {@code LABEL_STYLE_DISAMBIGUATE_ONLY}: no label, except {@code AS name_1}, {@code name_2}...
     * for a later column whose name an earlier one already has. SQLAlchemy 2.1's ORM SELECTs, and
     * 2.0's {@code session.refresh()}.
     */
    DISAMBIGUATE_ONLY,
    /**
     * No label at all, not even for a repeated name: what SQLAlchemy 2.1 renders for the
     * statements the ORM itself builds with {@code LABEL_STYLE_TABLENAME_PLUS_COL} (lazy loads,
     * selectin and immediate loads), e.g. {@code SELECT tag.id, tag.label, song_1.id ...}.
     */
    NONE;

    /** The style of a lazy, selectin or immediate load, given the release's style of ORM SELECTs. */
    public static LabelStyle ofLoads(LabelStyle ormSelects) {
        return ormSelects == DISAMBIGUATE_ONLY ? NONE : ormSelects;
    }

    /** The style of the ORM's SELECTs (get, lazy and eager loads, expired loads) in a release. */
    public static LabelStyle ormSelects(Release release) {
        return release.labelsOrmSelects() ? TABLENAME_PLUS_COL : DISAMBIGUATE_ONLY;
    }
}
