package dev.cascadeviz.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Scenario;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** DDL scripts: every library scenario's PostgreSQL and H2 DDL run (H2 in PostgreSQL mode for the former). */
class DdlExportTest {

    @TestFactory
    Stream<DynamicTest> postgresqlDdlOfEveryLibraryScenarioRunsInPostgresqlMode() {
        return Library.files().stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Scenario s = Library.load(f);
            runAll("jdbc:h2:mem:pg" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", s, DdlExport.Dialect.POSTGRESQL);
        }));
    }

    @TestFactory
    Stream<DynamicTest> h2DdlOfEveryLibraryScenarioRuns() {
        return Library.files().stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () ->
                runAll("jdbc:h2:mem:h" + System.nanoTime(), Library.load(f), DdlExport.Dialect.H2)));
    }

    private static void runAll(String url, Scenario s, DdlExport.Dialect dialect) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            for (String sql : DdlExport.statements(s, dialect)) {
                st.execute(sql);
            }
        }
    }

    @Test
    void postgresqlGivesALoneIntegerPrimaryKeySerialAndAddsForeignKeysAfterTheTables() {
        Scenario s = Library.load(Library.DIR.resolve("10-artists-orm-cascade.yaml"));
        String script = DdlExport.script(s, DdlExport.Dialect.POSTGRESQL);
        assertTrue(script.contains("id SERIAL NOT NULL"), script);
        assertTrue(script.indexOf("ALTER TABLE song ADD FOREIGN KEY(artist_id) REFERENCES artist (id)")
                > script.lastIndexOf("CREATE TABLE"), script);
    }

    @Test
    void postgresqlQuotesItsReservedWords() {
        assertEquals("\"user\"", PostgresDdl.quote("user"));
        assertEquals("\"Order\"", PostgresDdl.quote("Order"));
        assertEquals("artist", PostgresDdl.quote("artist"));
    }

    @Test
    void sqliteScriptEndsEachStatementWithASemicolon() {
        Scenario s = Library.load(Library.DIR.resolve("10-artists-orm-cascade.yaml"));
        String script = DdlExport.script(s, DdlExport.Dialect.SQLITE);
        assertTrue(script.contains("CREATE TABLE artist (") && script.contains(")\n;") == false && script.contains(");"), script);
    }

    @Test
    void dialectsAreNamedCaseInsensitively() {
        assertEquals(DdlExport.Dialect.POSTGRESQL, DdlExport.Dialect.named("PostgreSQL"));
        assertEquals(null, DdlExport.Dialect.named("oracle"));
    }
}
