package dev.cascadeviz.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.orm.Simulator;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Trace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 16: no text of a scenario reaches generated SQL or Python except as a quoted name or
 * literal or an escaped comment. Each generator gets a scenario whose title, notes, values and
 * steps try to break out (line breaks of every kind, quotes, comment ends, NUL, direction
 * overrides) and whose names are reserved words; the output is run or parsed for real.
 */
class GeneratorInjectionTest {

    /** Every way to end a line or a string that some language or terminal knows. */
    static final String BREAKOUT = "x\\rDROP TABLE victim;\\r\\nCREATE TABLE evil (id INT);\\n--\\u2028DROP TABLE victim;"
            + "\\u2029\\u0085DROP TABLE victim; */ ''' \\\" \\\"\\\"\\\" \\\\ \\\\n \\u0000 \\u202e \\t\\u000b\\u000c INJECTED()";

    static final String SCENARIO = """
            title: "%1$s"
            notes: "%1$s"
            database: {engine: sqlite}
            tables:
              order:
                columns:
                  id: {type: integer, primary_key: true}
                  select: {type: string, length: 200}
                  top: {type: text}
              group:
                columns:
                  id: {type: integer, primary_key: true}
                  order_id: {type: integer, foreign_key: order.id, ondelete: CASCADE, index: true}
                  user: {type: string}
            classes:
              Order:
                table: order
                relationships:
                  groups: {target: Group, cascade: 'all, delete-orphan', order_by: group.user}
              Group: {table: group}
            rows:
              order: [{id: 1, select: "%1$s", top: "%1$s"}]
              group: [{id: 1, order_id: 1, user: "%1$s"}]
            steps:
              - delete: Order(1)
              - commit
            """.formatted(BREAKOUT);

    /** Names SQLAlchemy accepts that try to close their quotes and run SQL or Python of their own. */
    static final String TABLE = "t\"; DROP TABLE victim; --";
    static final String COLUMN = "c\"\"); DROP TABLE victim; CREATE TABLE evil (\"x";
    static final String SINGLE = "it's'); DROP TABLE victim; -- \\\"\"\" INJECTED()";

    static final String NAMED = """
            database: {engine: sqlite}
            tables:
              victim:
                columns:
                  id: {type: integer, primary_key: true}
              %1$s:
                columns:
                  id: {type: integer, primary_key: true}
                  %2$s: {type: string, index: true}
                  %3$s: {type: integer, foreign_key: %4$s, ondelete: CASCADE}
            classes:
              Victim: {table: victim}
              Thing:
                table: %1$s
                relationships:
                  children: {target: Thing, cascade: all, order_by: %5$s}
            rows:
              victim: [{id: 1}]
              %1$s: [{id: 1, %2$s: a}, {id: 2, %2$s: b, %3$s: 1}]
            steps:
              - set: {attr: %6$s, value: z}
              - delete: Thing(1)
              - commit
            """.formatted(yamlString(TABLE), yamlString(COLUMN), yamlString(SINGLE), yamlString(TABLE + ".id"),
            yamlString(TABLE + "." + COLUMN),
            yamlString("Thing(2).'" + COLUMN.replace("\\", "\\\\").replace("'", "\\'") + "'"));

    private static String yamlString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static Scenario hostileNames() throws Exception {
        return ScenarioFiles.parse(NAMED, "names.yaml");
    }

    @ParameterizedTest
    @EnumSource(DdlExport.Dialect.class)
    void namesThatTryToCloseTheirQuotesBecomeTablesOfThatName(DdlExport.Dialect dialect, @TempDir Path dir)
            throws Exception {
        String script = DdlExport.script(hostileNames(), dialect);
        Set<String> tables;
        if (dialect == DdlExport.Dialect.SQLITE) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement st = c.createStatement()) {
                st.executeUpdate(script);
                tables = names(st, "SELECT LOWER(name) FROM sqlite_master WHERE type = 'table'");
            }
        } else {
            Path file = dir.resolve("schema.sql");
            Files.writeString(file, script, StandardCharsets.UTF_8);
            String mode = dialect == DdlExport.Dialect.POSTGRESQL ? ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" : "";
            try (Connection c = DriverManager.getConnection("jdbc:h2:mem:names" + System.nanoTime() + mode);
                 Statement st = c.createStatement()) {
                st.execute("RUNSCRIPT FROM '" + file.toString().replace("'", "''") + "' CHARSET 'UTF-8'");
                tables = names(st, "SELECT LOWER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_SCHEMA) = 'public'");
            }
        }
        assertEquals(new TreeSet<>(List.of(TABLE.toLowerCase(Locale.ROOT), "victim")), tables, script);
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class)
    void aTraceOfSuchNamesLeavesTheOtherTableAlone(Engine engine) throws Exception {
        Trace t = new Simulator().run(hostileNames(), engine);
        assertEquals(null, t.error(), () -> String.valueOf(t.error()));
        assertEquals(List.of(Map.of("id", 1L)), t.tables().get("victim").stream()
                .map(r -> Map.of("id", ((Number) r.get("id")).longValue())).toList());
        assertEquals(List.of(TABLE, "victim").stream().sorted().toList(), t.tables().keySet().stream().sorted().toList());
        assertTrue(t.statements().stream().anyMatch(st -> st.sql().startsWith("DELETE FROM \"t\"\"; DROP TABLE victim; --\"")),
                () -> t.statements().toString());
    }

    @Test
    void thePythonModuleOfSuchNamesHoldsThemOnlyAsStrings(@TempDir Path dir) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(python), "no /usr/bin/python3 to parse the module");
        Path module = dir.resolve("names_module.py");
        Files.writeString(module, PythonExport.module(hostileNames()), StandardCharsets.UTF_8);
        String check = """
                import ast, sys
                tree = ast.parse(open(sys.argv[1], encoding="utf-8").read())
                names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
                assert "INJECTED" not in names and "DROP" not in names, "a name became code"
                strings = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
                for expected in sys.argv[2:]:
                    assert expected in strings, repr(expected)
                print("ok")
                """;
        Path checker = dir.resolve("check.py");
        Files.writeString(checker, check, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(python.toString(), checker.toString(), module.toString(), TABLE, COLUMN, SINGLE)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertEquals("ok", out.strip());
    }

    static Scenario hostile() throws Exception {
        return ScenarioFiles.parse(SCENARIO, "hostile.yaml");
    }

    @Test
    void theHostileScenarioIsValidAndKeepsItsText() throws Exception {
        Scenario s = hostile();
        assertTrue(s.title().contains("\r") && s.title().contains("\u2028") && s.title().contains("\u0000"));
    }

    @ParameterizedTest
    @EnumSource(DdlExport.Dialect.class)
    void theDdlScriptRunAsOneScriptCreatesTheTablesAndNothingElse(DdlExport.Dialect dialect, @TempDir Path dir)
            throws Exception {
        String script = DdlExport.script(hostile(), dialect);
        for (String line : script.split("\n", -1)) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                boolean tab = c == '\t' && !line.startsWith("--");
                assertTrue(tab || !(Character.isISOControl(c) || c == '\u2028' || c == '\u2029'),
                        () -> "a raw control character in: " + line);
            }
        }
        Set<String> tables;
        if (dialect == DdlExport.Dialect.SQLITE) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement st = c.createStatement()) {
                st.executeUpdate("CREATE TABLE victim (id INT)");
                st.executeUpdate(script); // sqlite3_exec: every statement of the text, as the sqlite3 shell runs it
                tables = names(st, "SELECT name FROM sqlite_master WHERE type = 'table'");
            }
        } else {
            Path file = dir.resolve("schema.sql");
            Files.writeString(file, script, StandardCharsets.UTF_8);
            String mode = dialect == DdlExport.Dialect.POSTGRESQL ? ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" : "";
            try (Connection c = DriverManager.getConnection("jdbc:h2:mem:inj" + System.nanoTime() + mode);
                 Statement st = c.createStatement()) {
                st.execute("CREATE TABLE victim (id INT)");
                st.execute("RUNSCRIPT FROM '" + file.toString().replace("'", "''") + "' CHARSET 'UTF-8'");
                tables = names(st, "SELECT LOWER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_SCHEMA) = 'public'");
            }
        }
        assertEquals(new TreeSet<>(List.of("group", "order", "victim")), tables, script);
    }

    private static Set<String> names(Statement st, String sql) throws Exception {
        Set<String> out = new TreeSet<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void thePythonModuleParsesAndHoldsTheTextOnlyAsStringsAndComments(@TempDir Path dir) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(python), "no /usr/bin/python3 to parse the module");
        Scenario s = hostile();
        Path module = dir.resolve("hostile_module.py");
        Files.writeString(module, PythonExport.module(s), StandardCharsets.UTF_8);
        // The docstring must come back as the title exactly; the payload's call must never be code.
        String check = """
                import ast, sys
                src = open(sys.argv[1], encoding="utf-8").read()
                tree = ast.parse(src)
                doc = tree.body[0].value.value
                title = open(sys.argv[2], encoding="utf-8", newline="").read()
                assert doc.startswith(title + "\\n\\n"), repr(doc[:200])
                names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
                assert "INJECTED" not in names, "the payload became code"
                strings = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
                assert sum(1 for v in strings if v == title) >= 3, "the values are not kept as literals"
                print("ok")
                """;
        Path checker = dir.resolve("check.py");
        Files.writeString(checker, check, StandardCharsets.UTF_8);
        Path title = dir.resolve("title.txt");
        Files.writeString(title, s.title(), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(python.toString(), checker.toString(), module.toString(), title.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertEquals("ok", out.strip());
    }

    @Test
    void everyCommentLineOfThePythonModuleIsOneLine() throws Exception {
        String module = PythonExport.module(hostile());
        List<String> bad = new ArrayList<>();
        for (String line : module.split("\n", -1)) {
            if (line.contains("\r") || line.contains("\u2028") || line.contains("\u0000") || line.contains("\u0085")
                    || line.contains("\u000c") || line.contains("\u000b") || line.contains("\u202e")) {
                bad.add(line);
            }
        }
        assertTrue(bad.isEmpty(), () -> "raw control characters on: " + bad);
    }
}
