package dev.cascadeviz.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.scenario.ScenarioFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * Issue 16: the SQLite DDL of the scenarios whose names need quotes is, statement by
     * statement, what SQLAlchemy's SQLite dialect compiles for the same tables (CreateTable and
     * CreateIndex over conformance/sqla_schema.py's metadata), and H2 runs its own DDL of them.
     */
    @TestFactory
    Stream<DynamicTest> sqliteDdlOfOddNamesIsWhatSqlAlchemyCompiles(@TempDir Path dir)
            throws Exception {
        List<ExportedPythonTest.Runner> runners = ExportedPythonTest.runners().stream()
                .filter(r -> !r.version().startsWith("1.4.")).toList();
        Assumptions.assumeFalse(runners.isEmpty(), "no SQLAlchemy 2.x");
        Path python = runners.get(runners.size() - 1).python();
        Path compile = dir.resolve("ddl.py");
        Files.writeString(compile, """
                import sys, yaml
                sys.path.insert(0, "conformance")
                import sqla_schema
                from sqlalchemy.schema import CreateTable, CreateIndex
                from sqlalchemy.dialects import sqlite
                md = sqla_schema.build_metadata(yaml.safe_load(open(sys.argv[1], encoding="utf-8")))
                for t in md.tables.values():
                    print(str(CreateTable(t).compile(dialect=sqlite.dialect())).strip() + ";")
                    for ix in sorted(t.indexes, key=lambda i: i.name):
                        print(str(CreateIndex(ix).compile(dialect=sqlite.dialect())).strip() + ";")
                """, StandardCharsets.UTF_8);
        List<Path> files;
        try (Stream<Path> list = Files.list(ExportedPythonTest.HOSTILE_NAMES)) {
            files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Scenario s = ScenarioFiles.load(f);
            Process p = new ProcessBuilder(python.toString(), compile.toString(), f.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor());
            assertEquals(statements(expected), DdlExport.statements(s, DdlExport.Dialect.SQLITE).stream()
                    .map(DdlExportTest::folded).toList());
            runAll("jdbc:h2:mem:odd" + System.nanoTime(), s, DdlExport.Dialect.H2);
        }));
    }

    private static List<String> statements(String script) {
        return Arrays.stream(script.split(";\n")).map(DdlExportTest::folded).filter(x -> !x.isEmpty()).toList();
    }

    private static String folded(String sql) {
        return sql.replaceAll("\\s+", " ").replaceAll(";$", "").strip();
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
