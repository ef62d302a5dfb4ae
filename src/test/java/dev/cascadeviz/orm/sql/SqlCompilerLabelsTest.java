package dev.cascadeviz.orm.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.Release;
import dev.cascadeviz.model.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Column labels per release, against what real SQLAlchemy printed for the same tables
 * (2.0.54 and 2.1.1, SQLite dialect): {@code a(id, name, id_1)} joined to {@code c} and {@code d},
 * each {@code (id, a_id, name)}, and {@code e(id, a_id, e_id)}.
 */
class SqlCompilerLabelsTest {

    private static Table table(String name, String... columns) {
        Map<String, Column> cols = new LinkedHashMap<>();
        cols.put(columns[0], Column.primaryKey(columns[0]));
        for (int i = 1; i < columns.length; i++) {
            cols.put(columns[i], Column.of(columns[i], ColumnType.INTEGER));
        }
        return new Table(name, cols, List.of());
    }

    private static final Table A = table("a", "id", "name", "id_1");
    private static final Table C = table("c", "id", "a_id", "name");
    private static final Table D = table("d", "id", "a_id", "name");
    private static final Table E = table("e", "id", "a_id", "e_id");

    private static String joined(LabelStyle style) {
        return SqlCompiler.select(style, A, null, List.of(new SqlCompiler.EagerJoin(C, "c_1", "a.id = c_1.a_id"),
                new SqlCompiler.EagerJoin(D, "d_1", "a.id = d_1.a_id")), "a.id = ?", "");
    }

    @Test
    void sqlAlchemy20LabelsEveryColumnWithItsTableOrAlias() {
        assertEquals("SELECT a.id AS a_id, a.name AS a_name, a.id_1 AS a_id_1, c_1.id AS c_1_id, c_1.a_id AS c_1_a_id, "
                + "c_1.name AS c_1_name, d_1.id AS d_1_id, d_1.a_id AS d_1_a_id, d_1.name AS d_1_name \nFROM a "
                + "LEFT OUTER JOIN c AS c_1 ON a.id = c_1.a_id LEFT OUTER JOIN d AS d_1 ON a.id = d_1.a_id \nWHERE a.id = ?",
                joined(LabelStyle.ormSelects(Release.V2_0)));
    }

    @Test
    void sqlAlchemy21LabelsOnlyARepeatedNameCountingPerName() {
        assertEquals("SELECT a.id, a.name, a.id_1, c_1.id AS id_1, c_1.a_id, c_1.name AS name_1, d_1.id AS id_2, "
                + "d_1.a_id AS a_id_1, d_1.name AS name_2 \nFROM a LEFT OUTER JOIN c AS c_1 ON a.id = c_1.a_id "
                + "LEFT OUTER JOIN d AS d_1 ON a.id = d_1.a_id \nWHERE a.id = ?",
                joined(LabelStyle.ormSelects(Release.V2_1)));
    }

    @Test
    void aTableLabelThatIsAlsoAColumnNameGetsACounterIn20() {
        assertEquals("SELECT e.id AS e_id_1, e.a_id AS e_a_id, e.e_id AS e_e_id \nFROM e \nWHERE e.id = ?",
                SqlCompiler.selectByPrimaryKey(LabelStyle.TABLENAME_PLUS_COL, E));
    }

    @Test
    void sessionGetIn21HasNoLabels() {
        assertEquals("SELECT e.id, e.a_id, e.e_id \nFROM e \nWHERE e.id = ?",
                SqlCompiler.selectByPrimaryKey(LabelStyle.ormSelects(Release.V2_1), E));
    }
}
