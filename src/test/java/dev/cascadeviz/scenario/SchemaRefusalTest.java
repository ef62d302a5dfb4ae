package dev.cascadeviz.scenario;

import static dev.cascadeviz.scenario.Refusals.refusedOnce;
import static dev.cascadeviz.scenario.Refusals.refusedOnceAt;

import org.junit.jupiter.api.Test;

class SchemaRefusalTest {

    private static String table(String columns) {
        return "tables:\n  t:\n    columns:\n" + columns;
    }

    @Test
    void refusesAnUnknownColumnKeyAndListsTheAllowedOnes() {
        refusedOnceAt(table("      id: {type: integer, primary_key: true, lenght: 5}\n"), 4, "lenght",
                "unknown key 'lenght' in column 't.id'", "allowed keys: type, length, primary_key, nullable");
    }

    @Test
    void refusesAnUnknownTableKey() {
        Refusals.hasProblem("tables:\n  t:\n    colums: {}\n", 3, 5, "unknown key 'colums' in table 't'");
    }

    @Test
    void refusesAPrimaryKeyFlagThatIsNotABoolean() {
        refusedOnce(table("      id: {type: integer, primary_key: yes-please}\n"), 4, 40,
                "expected true or false for 'primary_key' of column 't.id'", "the string 'yes-please'");
    }

    @Test
    void refusesALengthThatIsNotAnInteger() {
        refusedOnce(table("      id: {type: integer, primary_key: true}\n      name: {type: string, length: \"x\"}\n"),
                5, 36, "expected an integer for 'length' of column 't.name'", "the string 'x'");
    }

    @Test
    void refusesAnUnknownType() {
        refusedOnceAt(table("      id: {type: int, primary_key: true}\n"), 4, "int,", "unknown type 'int'",
                "expected one of integer, string, text, boolean, float, numeric, date, datetime");
    }

    @Test
    void refusesAnUnknownOndeleteRule() {
        refusedOnceAt("""
                tables:
                  a:
                    columns:
                      id: {type: integer, primary_key: true}
                  b:
                    columns:
                      id: {type: integer, primary_key: true}
                      a_id: {foreign_key: a.id, ondelete: DESTROY}
                """, 8, "DESTROY", "unknown rule 'DESTROY' for 'ondelete'",
                "CASCADE, SET NULL, SET DEFAULT, RESTRICT, NO ACTION");
    }

    @Test
    void refusesOndeleteOnAColumnWithoutForeignKey() {
        refusedOnceAt(table("      id: {type: integer, primary_key: true, ondelete: CASCADE}\n"), 4, "CASCADE",
                "'ondelete' is a rule of a foreign key", "no 'foreign_key'");
    }

    @Test
    void refusesAForeignKeyToAnUnknownTable() {
        refusedOnce(table("      id: {type: integer, primary_key: true}\n      x_id: {foreign_key: x.id}\n"), 5, 27,
                "foreign key t(x_id) references unknown table 'x'", "tables: 't'");
    }

    @Test
    void refusesAForeignKeyToAnUnknownColumn() {
        refusedOnce(table("      id: {type: integer, primary_key: true}\n      p_id: {foreign_key: t.pk}\n"), 5, 27,
                "references unknown column 't.pk'", "its columns are 'id', 'p_id'");
    }

    @Test
    void refusesAForeignKeyToAColumnThatIsNeitherPrimaryKeyNorUnique() {
        refusedOnce(table("      id: {type: integer, primary_key: true}\n      n: {type: integer}\n"
                + "      n2: {foreign_key: t.n}\n"), 6, 25, "references t(n), which is neither its primary key nor a unique column");
    }

    @Test
    void refusesACompositeForeignKeyToAnUnknownColumn() {
        refusedOnce("""
                tables:
                  a:
                    columns:
                      x: {type: integer, primary_key: true}
                      y: {type: integer, primary_key: true}
                  b:
                    columns:
                      id: {type: integer, primary_key: true}
                      x: {type: integer}
                      y: {type: integer}
                    foreign_keys:
                      - {columns: [x, y], references: [a.x, a.z]}
                """, 12, 39, "foreign key b(x, y) references unknown column 'a.z'");
    }

    @Test
    void refusesACompositeForeignKeyOnAnUnknownLocalColumn() {
        refusedOnceAt("""
                tables:
                  a:
                    columns:
                      x: {type: integer, primary_key: true}
                      y: {type: integer, primary_key: true}
                  b:
                    columns:
                      id: {type: integer, primary_key: true}
                    foreign_keys:
                      - {columns: [x, y], references: [a.x, a.y]}
                """, 10, "[x, y]", "unknown column 'x' in a foreign key of table 'b'");
    }

    @Test
    void refusesASingleColumnKeyInTheCompositeList() {
        refusedOnce("""
                tables:
                  a:
                    columns:
                      x: {type: integer, primary_key: true}
                  b:
                    columns:
                      x: {type: integer, primary_key: true}
                    foreign_keys:
                      - {columns: [x], references: [a.x]}
                """, 9, 9, "composite keys only", "foreign_key: table.column");
    }

    @Test
    void refusesALengthOnANonStringColumn() {
        refusedOnceAt(table("      id: {type: integer, primary_key: true, length: 4}\n"), 4, "4}",
                "'length' applies to string columns");
    }

    @Test
    void refusesATableWithoutColumns() {
        refusedOnce("tables:\n  t: {}\n", 2, 3, "table 't' has no 'columns'");
    }
}
