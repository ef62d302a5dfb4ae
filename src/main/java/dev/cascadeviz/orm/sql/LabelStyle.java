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
    DISAMBIGUATE_ONLY;

    /** The style of the ORM's SELECTs (get, lazy and eager loads, expired loads) in a release. */
    public static LabelStyle ormSelects(Release release) {
        return release.labelsOrmSelects() ? TABLENAME_PLUS_COL : DISAMBIGUATE_ONLY;
    }
}
