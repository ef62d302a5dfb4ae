package dev.cascadeviz.db;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.CompactRow;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.sqlite.SQLiteConfig;

/**
 * A fresh in-memory database holding one scenario's schema and rows, on H2 or SQLite.
 *
 * <p>Each {@link #open} makes a new database (H2: a uniquely named {@code jdbc:h2:mem:} database
 * that is gone when closed; SQLite: {@code jdbc:sqlite::memory:}), creates the schema
 * ({@link Ddl}), sets SQLite's {@code PRAGMA foreign_keys} as the scenario says, inserts the rows
 * parents first ({@link SeedPlan}) and commits. Afterwards auto-commit is off: the caller's
 * statements run in one transaction that it ends with {@link #commit} or {@link #rollback}.
 *
 * <p>Statements are SQLAlchemy's SQLite text; on H2 they pass through {@link H2Sql#translate}.
 */
public final class ScenarioDatabase implements AutoCloseable {

    private final Scenario scenario;
    private final Engine engine;
    private final Connection connection;
    /** The ORM's statements, prepared once per text and run again with new parameters. */
    private final PreparedStatements statements;
    private DatabaseEffects effects;

    private ScenarioDatabase(Scenario scenario, Engine engine, Connection connection) {
        this.scenario = scenario;
        this.engine = engine;
        this.connection = connection;
        this.statements = new PreparedStatements(connection, this::dialect);
    }

    /** A new database for the scenario on the engine (null: the scenario's own engine). */
    public static ScenarioDatabase open(Scenario scenario, Engine engine) throws SQLException {
        Engine e = engine == null ? scenario.database().engine() : engine;
        Connection c = connect(e, scenario.database().foreignKeys());
        ScenarioDatabase db = new ScenarioDatabase(scenario, e, c);
        try {
            db.createSchema();
            db.seed();
            db.createPlainIndexes();
            c.setAutoCommit(false);
        } catch (SQLException | RuntimeException ex) {
            c.close();
            throw ex;
        }
        return db;
    }

    /**
     * Starts the engine's driver in the background (its classes, SQLite's native library, a
     * first in-memory database that is closed again), so that a caller who knows the engine
     * before it has a scenario (the trace command, while it reads the file) does not wait for
     * that later. Failures are ignored: {@link #open} meets them again and reports them.
     */
    public static void warmUpInBackground(Engine engine) {
        Thread t = new Thread(() -> {
            try (Connection c = connect(engine, true)) {
                c.getMetaData();
            } catch (SQLException | RuntimeException | LinkageError e) {
                // open() will say what is wrong
            }
        }, "cascadeviz-" + engine.fileName() + "-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static Connection connect(Engine engine, boolean foreignKeys) throws SQLException {
        if (engine == Engine.SQLITE) {
            SqliteNativeLibrary.useCachedCopy();
            SQLiteConfig config = new SQLiteConfig();
            config.enforceForeignKeys(foreignKeys);
            return DriverManager.getConnection("jdbc:sqlite::memory:", config.toProperties());
        }
        return DriverManager.getConnection("jdbc:h2:mem:cascadeviz-" + UUID.randomUUID() + ";DATABASE_TO_LOWER=TRUE");
    }

    private void createSchema() throws SQLException {
        try (Statement st = connection.createStatement()) {
            if (engine == Engine.SQLITE) {
                st.execute("PRAGMA foreign_keys = " + (scenario.database().foreignKeys() ? "ON" : "OFF"));
            }
            // One transaction for the whole schema: SQLite commits (and H2 logs) each statement otherwise.
            connection.setAutoCommit(false);
            for (String ddl : plainIndexesLater() ? Ddl.statementsBeforeRows(scenario) : Ddl.statements(scenario, engine)) {
                st.execute(ddl);
            }
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    /** True when SQLite's plain indexes are made after the rows (H2 gets its schema as it is written). */
    private boolean plainIndexesLater() {
        return engine == Engine.SQLITE && Ddl.namesAreDistinct(scenario);
    }

    /** SQLite's plain indexes, made once the rows are in ({@link Ddl#statementsBeforeRows}). */
    private void createPlainIndexes() throws SQLException {
        if (!plainIndexesLater()) {
            return;
        }
        List<String> indexes = Ddl.plainIndexes(scenario);
        if (indexes.isEmpty()) {
            return;
        }
        try (Statement st = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (String ddl : indexes) {
                st.execute(ddl);
            }
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    private void seed() throws SQLException {
        SeedPlan plan = SeedPlan.of(scenario);
        connection.setAutoCommit(false);
        try {
            try {
                insertBatched(plan.inserts());
            } catch (SQLException batchFailed) {
                // Some row was refused: insert row by row instead, which names the row.
                connection.rollback();
                for (SeedPlan.Insert insert : plan.inserts()) {
                    Table t = scenario.table(insert.table());
                    List<String> cols = new ArrayList<>(insert.values().keySet());
                    List<Object> params = new ArrayList<>();
                    for (String c : cols) {
                        params.add(toDatabase(t, c, insert.values().get(c)));
                    }
                    runSeed(insertSql(t, cols), params, insert.table(), insert.values());
                }
            }
            for (SeedPlan.Fixup fix : plan.fixups()) {
                Table t = scenario.table(fix.table());
                List<String> sets = new ArrayList<>();
                List<String> wheres = new ArrayList<>();
                List<Object> params = new ArrayList<>();
                fix.set().forEach((c, v) -> {
                    sets.add(name(c) + " = ?");
                    params.add(toDatabase(t, c, v));
                });
                fix.where().forEach((c, v) -> {
                    wheres.add(name(c) + " = ?");
                    params.add(toDatabase(t, c, v));
                });
                runSeed("UPDATE " + name(t.name()) + " SET " + String.join(", ", sets) + " WHERE " + String.join(" AND ", wheres),
                        params, fix.table(), fix.set());
            }
            connection.commit();
        } catch (SQLException ex) {
            connection.rollback();
            throw ex;
        }
        connection.setAutoCommit(true);
    }

    /**
     * The inserts in plan order, each run of inserts into one table with the same columns as
     * one JDBC batch through one prepared statement.
     */
    private void insertBatched(List<SeedPlan.Insert> inserts) throws SQLException {
        int i = 0;
        while (i < inserts.size()) {
            SeedPlan.Insert first = inserts.get(i);
            Table t = scenario.table(first.table());
            String[] cols = first.values().keySet().toArray(new String[0]);
            ColumnType[] types = new ColumnType[cols.length];
            for (int c = 0; c < cols.length; c++) {
                Column column = t.column(cols[c]);
                types[c] = column == null ? null : column.type();
            }
            try (PreparedStatement ps = connection.prepareStatement(insertSql(t, List.of(cols)))) {
                int j = i;
                while (j < inserts.size() && sameShape(inserts.get(j), first.table(), cols)) {
                    Map<String, Object> values = inserts.get(j).values();
                    for (int c = 0; c < cols.length; c++) {
                        ps.setObject(c + 1, DatabaseValues.toDatabase(values.get(cols[c]), types[c], engine));
                    }
                    ps.addBatch();
                    j++;
                }
                ps.executeBatch();
                i = j;
            }
        }
    }

    private static boolean sameShape(SeedPlan.Insert insert, String table, String[] cols) {
        if (!insert.table().equals(table) || insert.values().size() != cols.length) {
            return false;
        }
        int c = 0;
        for (String k : insert.values().keySet()) {
            if (!k.equals(cols[c++])) {
                return false;
            }
        }
        return true;
    }

    private String insertSql(Table t, List<String> cols) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(name(t.name())).append(" (");
        for (int i = 0; i < cols.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(name(cols.get(i)));
        }
        sql.append(") VALUES (");
        for (int i = 0; i < cols.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        return sql.append(')').toString();
    }

    private void runSeed(String sql, List<Object> params, String table, Map<String, Object> row) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, params);
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new SQLException("cannot insert row " + row + " into table " + table + ": " + firstLine(ex.getMessage()),
                    ex.getSQLState(), ex.getErrorCode(), ex);
        }
    }

    private Object toDatabase(Table t, String column, Object v) {
        Column c = t.column(column);
        return DatabaseValues.toDatabase(v, c == null ? null : c.type(), engine);
    }

    public Scenario scenario() {
        return scenario;
    }

    public Engine engine() {
        return engine;
    }

    public Connection connection() {
        return connection;
    }

    public void commit() throws SQLException {
        connection.commit();
    }

    public void rollback() throws SQLException {
        connection.rollback();
    }

    /** True when the database enforces foreign keys (always on H2; on SQLite per the scenario's setting). */
    public boolean enforcesForeignKeys() {
        return engine == Engine.H2 || scenario.database().foreignKeys();
    }

    /**
     * Runs a SELECT (SQLAlchemy's SQLite text) with positional parameters; each value is normalized
     * by the type at its position in {@code resultTypes} (null or missing: by the value's own kind).
     */
    public List<List<Object>> query(String sql, List<Object> params, List<ColumnType> resultTypes) throws SQLException {
        PreparedStatement ps = statements.prepared(sql);
        try {
            ps.clearParameters();
            bind(ps, params == null ? List.of() : params);
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                List<List<Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        ColumnType type = resultTypes != null && i <= resultTypes.size() ? resultTypes.get(i - 1) : null;
                        row.add(DatabaseValues.read(rs.getObject(i), type));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException | RuntimeException e) {
            statements.discard(sql);
            throw e;
        }
    }

    /**
     * Runs an INSERT, UPDATE or DELETE once per parameter set, as one JDBC batch when {@code many};
     * returns the number of rows each parameter set matched.
     */
    public int[] execute(String sql, List<List<Object>> paramSets, boolean many) throws SQLException {
        List<List<Object>> sets = paramSets == null || paramSets.isEmpty() ? List.of(List.of()) : paramSets;
        PreparedStatement ps = statements.prepared(sql);
        try {
            ps.clearParameters();
            if (many) {
                for (List<Object> set : sets) {
                    bind(ps, set);
                    ps.addBatch();
                }
                return ps.executeBatch();
            }
            int[] counts = new int[sets.size()];
            for (int i = 0; i < sets.size(); i++) {
                bind(ps, sets.get(i));
                counts[i] = ps.executeUpdate();
            }
            return counts;
        } catch (SQLException | RuntimeException e) {
            statements.discard(sql);
            throw e;
        }
    }

    /**
     * The key SQLite gives a row inserted without one into a table whose key is its rowid:
     * one more than the largest, 1 for an empty table (H2 is given the same key explicitly).
     */
    public long nextRowid(String table, String column) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT MAX(" + name(column) + ") FROM " + name(table))) {
            long max = rs.next() ? rs.getLong(1) : 0;
            return max + 1;
        }
    }

    /** Every table in scenario order with its rows (see {@link #rows}). */
    public Map<String, List<Map<String, Object>>> snapshot() throws SQLException {
        return snapshot(Map.of());
    }

    /**
     * Every table in scenario order with its rows, a row equal to the one at the same place in
     * {@code like} (an earlier snapshot, the scenario's rows) being that row itself: a big run's
     * snapshots then share the rows it did not change instead of keeping a copy of each through
     * the run, which every young collection in the run would have copied again.
     */
    public Map<String, List<Map<String, Object>>> snapshot(Map<String, List<Map<String, Object>>> like) throws SQLException {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (String t : scenario.tables().keySet()) {
            out.put(t, rows(t, like.getOrDefault(t, List.of())));
        }
        return out;
    }

    /**
     * A table's rows ordered by primary key (a table without one: by all columns in column order),
     * each a map in column order with normalized values.
     */
    public List<Map<String, Object>> rows(String tableName) throws SQLException {
        return rows(tableName, List.of());
    }

    private List<Map<String, Object>> rows(String tableName, List<Map<String, Object>> like) throws SQLException {
        Table t = scenario.table(tableName);
        List<String> cols = new ArrayList<>(t.columns().keySet());
        List<String> order = new ArrayList<>();
        for (Column c : t.primaryKey()) {
            order.add(c.name());
        }
        if (order.isEmpty()) {
            order.addAll(cols);
        }
        String sql = "SELECT " + names(cols) + " FROM " + name(t.name()) + (order.isEmpty() ? "" : " ORDER BY " + names(order));
        String[] names = cols.toArray(new String[0]);
        ColumnType[] types = new ColumnType[names.length];
        for (int i = 0; i < names.length; i++) {
            types[i] = t.column(names[i]).type();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            read(rs, new CompactRow.Shape(cols), types, rows, like);
        }
        return rows;
    }

    /** Every row of a result, each a read-only row of the shape's columns with normalized values. */
    private static void read(ResultSet rs, CompactRow.Shape shape, ColumnType[] types, List<Map<String, Object>> rows)
            throws SQLException {
        read(rs, shape, types, rows, List.of());
    }

    /** Like {@link #read(ResultSet, CompactRow.Shape, ColumnType[], List)}, keeping the row at the same place in {@code like} when it holds the same values. */
    private static void read(ResultSet rs, CompactRow.Shape shape, ColumnType[] types, List<Map<String, Object>> rows,
                             List<Map<String, Object>> like) throws SQLException {
        while (rs.next()) {
            Object[] values = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                values[i] = DatabaseValues.read(rs.getObject(i + 1), types[i]);
            }
            int at = rows.size();
            if (at < like.size() && like.get(at) instanceof CompactRow same && same.holds(shape, values)) {
                rows.add(same);
            } else {
                rows.add(new CompactRow(shape, values));
            }
        }
    }

    /** How many values one query of {@link #rowsByColumns} binds at most (SQLite allows 32,766). */
    private static final int VALUES_PER_QUERY = 900;

    /**
     * The rows of a table whose {@code columns} hold one of the given value tuples (a tuple per
     * row sought, in column order), each a map in column order with normalized values; the order
     * of the rows is the database's. Several queries when there are many tuples.
     */
    public List<Map<String, Object>> rowsByColumns(String tableName, List<String> columns,
                                                   Collection<List<Object>> values) throws SQLException {
        return rowsByColumns(tableName, new ArrayList<>(scenario.table(tableName).columns().keySet()), columns, values);
    }

    /** Like {@link #rowsByColumns(String, List, java.util.Collection)}, each row with only the {@code select} columns. */
    public List<Map<String, Object>> rowsByColumns(String tableName, List<String> select, List<String> columns,
                                                   Collection<List<Object>> values) throws SQLException {
        Table t = scenario.table(tableName);
        List<String> cols = select;
        String[] names = cols.toArray(new String[0]);
        ColumnType[] types = new ColumnType[names.length];
        for (int i = 0; i < names.length; i++) {
            types[i] = t.column(names[i]).type();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        CompactRow.Shape shape = new CompactRow.Shape(cols);
        if (values.isEmpty() || columns.isEmpty()) {
            return rows;
        }
        // An OR of composite tuples nests one level per tuple: keep it far below SQLite's depth limit of 1,000.
        int perQuery = columns.size() == 1 ? VALUES_PER_QUERY : Math.max(1, 200 / columns.size());
        String head = "SELECT " + names(cols) + " FROM " + name(t.name()) + " WHERE ";
        List<List<Object>> all = new ArrayList<>(values);
        for (int from = 0; from < all.size(); from += perQuery) {
            List<List<Object>> chunk = all.subList(from, Math.min(all.size(), from + perQuery));
            StringBuilder where = new StringBuilder();
            List<Object> params = new ArrayList<>();
            if (columns.size() == 1) {
                where.append(name(columns.get(0))).append(" IN (");
                for (int i = 0; i < chunk.size(); i++) {
                    where.append(i == 0 ? "?" : ", ?");
                    params.add(chunk.get(i).get(0));
                }
                where.append(')');
            } else {
                for (int i = 0; i < chunk.size(); i++) {
                    where.append(i == 0 ? "(" : " OR (");
                    for (int c = 0; c < columns.size(); c++) {
                        where.append(c == 0 ? "" : " AND ").append(name(columns.get(c))).append(" = ?");
                        params.add(chunk.get(i).get(c));
                    }
                    where.append(')');
                }
            }
            try (PreparedStatement ps = connection.prepareStatement(head + where)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    read(rs, shape, types, rows);
                }
            }
        }
        return rows;
    }

    /** What the database changes on its own through ON DELETE / ON UPDATE rules. */
    public DatabaseEffects effects() {
        if (effects == null) {
            effects = new DatabaseEffects(this);
        }
        return effects;
    }

    /** The statement as this engine runs it: SQLite unchanged, H2 through {@link H2Sql#translate}. */
    public String dialect(String sql) {
        return engine == Engine.H2 ? H2Sql.translate(sql) : sql;
    }

    /** A name quoted for this engine's own statements (the project's, not SQLAlchemy's). */
    String name(String n) {
        return quoter().apply(n);
    }

    UnaryOperator<String> quoter() {
        return Ddl.quoter(engine);
    }

    String names(List<String> ns) {
        List<String> out = new ArrayList<>();
        for (String n : ns) {
            out.add(name(n));
        }
        return String.join(", ", out);
    }

    static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    @Override
    public void close() throws SQLException {
        statements.close();
        connection.close();
    }
}
