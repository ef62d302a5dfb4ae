package dev.cascadeviz.db;

import static dev.cascadeviz.db.Schemas.col;
import static dev.cascadeviz.db.Schemas.pk;
import static dev.cascadeviz.db.Schemas.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.ReferentialAction;
import dev.cascadeviz.model.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The expected SQLite text was printed by SQLAlchemy 1.4.46 ({@code CreateTable(t).compile(dialect=sqlite.dialect())})
 * for the same tables built with Table/Column/ForeignKey/ForeignKeyConstraint.
 */
class DdlTest {

    static Scenario reservedAndComposite(Engine engine) {
        return Schemas.scenario(engine, true, List.of(
                table("user", pk("id"), new Column("name", ColumnType.STRING, 50, false, false, false, false, null, null, null, null),
                        new Column("key", ColumnType.TEXT, null, false, true, true, false, null, null, null, null)),
                table("order", pk("id"),
                        new Column("user", ColumnType.INTEGER, null, false, true, false, true, null, "user.id",
                                ReferentialAction.CASCADE, ReferentialAction.CASCADE),
                        col("Note", ColumnType.STRING)),
                table("link", pk("a"), pk("b"), col("at", ColumnType.DATETIME), col("on", ColumnType.DATE),
                        col("ok", ColumnType.BOOLEAN), col("f", ColumnType.FLOAT), col("n", ColumnType.NUMERIC)),
                table("ref", List.of(new ForeignKey(List.of("la", "lb"), "link", List.of("a", "b"), ReferentialAction.SET_NULL, null)),
                        pk("id"), col("la", ColumnType.INTEGER), col("lb", ColumnType.INTEGER),
                        new Column("code", ColumnType.STRING, 5, false, true, true, true, null, null, null, null))));
    }

    @Test
    void writesSqliteDdlExactlyAsSqlalchemyCreateAll() {
        assertEquals(List.of(
                "\nCREATE TABLE user (\n\tid INTEGER NOT NULL, \n\tname VARCHAR(50) NOT NULL, \n\t\"key\" TEXT, \n\tPRIMARY KEY (id), \n\tUNIQUE (\"key\")\n)\n\n",
                "\nCREATE TABLE \"order\" (\n\tid INTEGER NOT NULL, \n\tuser INTEGER, \n\t\"Note\" VARCHAR, \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(user) REFERENCES user (id) ON DELETE CASCADE ON UPDATE CASCADE\n)\n\n",
                "CREATE INDEX ix_order_user ON \"order\" (user)",
                "\nCREATE TABLE link (\n\ta INTEGER NOT NULL, \n\tb INTEGER NOT NULL, \n\tat DATETIME, \n\t\"on\" DATE, \n\tok BOOLEAN, \n\tf FLOAT, \n\tn NUMERIC, \n\tPRIMARY KEY (a, b)\n)\n\n",
                "\nCREATE TABLE ref (\n\tid INTEGER NOT NULL, \n\tla INTEGER, \n\tlb INTEGER, \n\tcode VARCHAR(5), \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(la, lb) REFERENCES link (a, b) ON DELETE SET NULL\n)\n\n",
                "CREATE UNIQUE INDEX ix_ref_code ON ref (code)"),
                Ddl.statements(reservedAndComposite(Engine.SQLITE), Engine.SQLITE));
    }

    @Test
    void listsUniqueBeforeTheForeignKeyOfTheSameColumnAndCompositeKeysFirst() {
        // SQLAlchemy: CREATE TABLE c (id, pid, x, y, PRIMARY KEY (id), FOREIGN KEY(x, y) ..., UNIQUE (pid), FOREIGN KEY(pid) ...)
        var c = table("c", List.of(new ForeignKey(List.of("x", "y"), "p", List.of("a", "b"), null, null)),
                pk("id"), new Column("pid", ColumnType.INTEGER, null, false, true, true, false, null, "p.id", null, null),
                col("x", ColumnType.INTEGER), col("y", ColumnType.INTEGER));
        assertEquals("\nCREATE TABLE c (\n\tid INTEGER NOT NULL, \n\tpid INTEGER, \n\tx INTEGER, \n\ty INTEGER, \n\tPRIMARY KEY (id), "
                + "\n\tFOREIGN KEY(x, y) REFERENCES p (a, b), \n\tUNIQUE (pid), \n\tFOREIGN KEY(pid) REFERENCES p (id)\n)\n\n",
                Ddl.createTable(c, Engine.SQLITE));
    }

    @Test
    void addsH2ForeignKeysAfterEveryTableSoAChildMayComeFirst() {
        List<String> ddl = Ddl.statements(reservedAndComposite(Engine.H2), Engine.H2);
        int lastCreate = 0;
        int firstAlter = Integer.MAX_VALUE;
        for (int i = 0; i < ddl.size(); i++) {
            if (ddl.get(i).startsWith("CREATE TABLE")) {
                lastCreate = i;
            }
            if (ddl.get(i).startsWith("ALTER TABLE")) {
                firstAlter = Math.min(firstAlter, i);
            }
        }
        assertTrue(lastCreate < firstAlter, ddl.toString());
        assertTrue(ddl.contains("ALTER TABLE \"order\" ADD FOREIGN KEY(\"user\") REFERENCES \"user\" (\"id\") ON DELETE CASCADE ON UPDATE CASCADE"), ddl.toString());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void createsReservedWordTablesAndCompositeKeysOnBothEngines(Engine engine) throws Exception {
        Scenario s = reservedAndComposite(engine).withRows(Map.of(
                "user", List.of(Schemas.row("id", 1L, "name", "ann", "key", "k1")),
                "order", List.of(Schemas.row("id", 7L, "user", 1L, "Note", "n")),
                "link", List.of(Schemas.row("a", 1L, "b", 2L, "at", "2024-01-05 10:30:00", "on", "2024-01-05", "ok", true, "f", 1.5, "n", 2.25)),
                "ref", List.of(Schemas.row("id", 1L, "la", 1L, "lb", 2L, "code", "x"))));
        try (ScenarioDatabase db = ScenarioDatabase.open(s, engine)) {
            assertEquals(List.of(List.of(7L, 1L, "n")), db.query(
                    "SELECT \"order\".id AS order_id, \"order\".user AS order_user, \"order\".\"Note\" AS \"order_Note\" \nFROM \"order\" \nWHERE ? = \"order\".user",
                    List.of(1L), List.of(ColumnType.INTEGER, ColumnType.INTEGER, ColumnType.STRING)));
        }
    }
}
