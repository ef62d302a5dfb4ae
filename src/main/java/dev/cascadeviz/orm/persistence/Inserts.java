package dev.cascadeviz.orm.persistence;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.orm.InstanceState;
import dev.cascadeviz.orm.Session;
import dev.cascadeviz.orm.Why;
import dev.cascadeviz.orm.sql.SqlCompiler;
import dev.cascadeviz.trace.Cause;
import dev.cascadeviz.trace.RowChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code persistence._collect_insert_commands} and {@code _emit_insert_statements}: the
 * INSERTs of pending objects, in the order they were added. Each row sends its non-null values
 * and None for every other non-key column; consecutive rows sending the same columns go
 * together: with every key given, one executemany; otherwise (the database generates the key)
 * one {@code INSERT ... RETURNING id} per row when several rows, a plain INSERT when one
 * (2.x on SQLite). No columns at all is {@code INSERT INTO t DEFAULT VALUES}.
 */
final class Inserts {

    private Inserts() {
    }

    static long insertOrder(InstanceState state) {
        return state.insertOrder();
    }

    private record Row(InstanceState state, List<String> columns, List<Object> params, boolean hasAllPks) {
    }

    static void emit(Session session, Table table, List<InstanceState> states) {
        List<Row> rows = new ArrayList<>();
        for (InstanceState state : states) {
            List<String> cols = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            boolean hasAllPks = true;
            for (Column c : table.columns().values()) {
                Object v = state.loadedValue(c.name());
                if (v != null) {
                    cols.add(c.name());
                    params.add(Persistence.bound(v, c));
                } else if (!c.primaryKey()) {
                    cols.add(c.name());
                    params.add(null);
                } else {
                    hasAllPks = false;
                }
            }
            rows.add(new Row(state, cols, params, hasAllPks));
        }
        int i = 0;
        while (i < rows.size()) {
            Row first = rows.get(i);
            int j = i + 1;
            while (j < rows.size() && rows.get(j).columns().equals(first.columns())
                    && rows.get(j).hasAllPks() == first.hasAllPks()) {
                j++;
            }
            List<Row> group = rows.subList(i, j);
            if (first.hasAllPks()) {
                send(session, table, group, SqlCompiler.insert(table, first.columns(), List.of()), null);
            } else {
                Column generated = generatedKey(table);
                List<String> returning = group.size() > 1 && generated != null ? List.of(generated.name()) : List.of();
                String sql = SqlCompiler.insert(table, first.columns(), returning);
                for (Row row : group) {
                    send(session, table, List.of(row), sql, generated);
                }
            }
            i = j;
        }
    }

    /** The key column SQLite fills in by itself: a single INTEGER primary key (the rowid). */
    private static Column generatedKey(Table table) {
        List<Column> pk = table.primaryKey();
        return pk.size() == 1 && pk.get(0).type() == ColumnType.INTEGER ? pk.get(0) : null;
    }

    private static void send(Session session, Table table, List<Row> group, String sql, Column generated) {
        List<List<Object>> shown = new ArrayList<>();
        List<List<Object>> run = new ArrayList<>();
        List<RowChange> changes = new ArrayList<>();
        List<Cause> causes = new ArrayList<>();
        String runSql = sql;
        for (Row row : group) {
            shown.add(row.params());
            List<String> runCols = row.columns();
            List<Object> runParams = row.params();
            if (generated != null) {
                long id = session.executor().nextRowid(table.name(), generated.name());
                row.state().postfetch(generated.name(), id);
                runCols = new ArrayList<>(row.columns());
                runCols.add(0, generated.name());
                runParams = new ArrayList<>(row.params());
                runParams.add(0, id);
                runSql = SqlCompiler.insert(table, runCols, List.of());
            }
            run.add(runParams);
            Map<String, Object> after = new LinkedHashMap<>();
            for (Column c : table.columns().values()) {
                after.put(c.name(), row.state().loadedValue(c.name()));
            }
            List<Object> key = new ArrayList<>();
            for (Column c : table.primaryKey()) {
                key.add(row.state().loadedValue(c.name()));
            }
            changes.add(new RowChange(table.name(), RowChange.Kind.INSERT, key, null, after, null));
            causes.add(session.saveCause(row.state()));
        }
        Cause cause = Why.combine(causes);
        try {
            session.executor().insert(sql, shown, runSql, run, changes, cause != null ? cause
                    : session.causeOfCurrentAction());
        } catch (RuntimeException e) {
            if (generated != null) {
                for (Row row : group) {
                    row.state().postfetch(generated.name(), null);
                }
            }
            throw e;
        }
    }
}
