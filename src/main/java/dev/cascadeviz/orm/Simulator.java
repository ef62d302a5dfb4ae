package dev.cascadeviz.orm;

import dev.cascadeviz.db.ScenarioDatabase;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceError;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Runs a scenario's steps on a fresh database and returns the trace.
 *
 * <p>Interim body: opens the database, takes the tables before and after (no statements yet) and
 * closes it. The unit-of-work simulator replaces the body; the signature stays.
 */
public final class Simulator {

    /** Runs the scenario on {@code engine} (null: the scenario's own engine). */
    public Trace run(Scenario scenario, Engine engine) {
        try (ScenarioDatabase db = ScenarioDatabase.open(scenario, engine)) {
            Map<String, List<Map<String, Object>>> before = db.snapshot();
            Map<String, List<Map<String, Object>>> after = db.snapshot();
            return new Trace(List.of(), null, after, List.of(), before);
        } catch (SQLException e) {
            // The rows could not even be seeded: the outcome is the database's error, before any step.
            return new Trace(List.of(), new TraceError(errorType(e), firstLine(e.getMessage()), null), Map.of(), List.of(), null);
        }
    }

    /** The DBAPI error class SQLAlchemy would wrap: integrity violations (SQLSTATE 23xxx) or anything else. */
    static String errorType(SQLException e) {
        String state = e.getSQLState();
        String message = String.valueOf(e.getMessage());
        if ((state != null && state.startsWith("23")) || message.contains("CONSTRAINT")) {
            return "IntegrityError";
        }
        return "OperationalError";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
