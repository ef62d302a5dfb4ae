package dev.cascadeviz.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Engine;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Trace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseErrorsTest {

    private static Trace runNotNullLesson(Engine engine) throws Exception {
        return new Simulator().run(ScenarioFiles.load(Path.of("assets/scenarios/31-libraries-books-not-null.yaml")), engine);
    }

    @Test
    void aNotNullFailureOnSqliteReadsAsSqlAlchemysSqlite3IntegrityError() throws Exception {
        Trace t = runNotNullLesson(Engine.SQLITE);
        assertEquals("IntegrityError", t.error().type());
        assertEquals("(sqlite3.IntegrityError) NOT NULL constraint failed: book.library_id", t.error().message());
    }

    @Test
    void aNotNullFailureOnH2NamesH2AndLeavesOutTheSqlH2Appends() throws Exception {
        Trace t = runNotNullLesson(Engine.H2);
        assertEquals("IntegrityError", t.error().type());
        assertTrue(t.error().message().startsWith("(H2 IntegrityError) NULL not allowed for column"), t.error().message());
        assertFalse(t.error().message().contains("SQL statement"), t.error().message());
    }
}
