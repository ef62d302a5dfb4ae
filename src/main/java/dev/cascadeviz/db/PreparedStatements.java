package dev.cascadeviz.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Prepared statements kept by their text, as a DBAPI driver's statement cache keeps them (the
 * sqlite3 module caches 128): the 4,681 lazy loads of the 37,449-row benchmark are one SELECT
 * text, prepared once instead of 4,681 times. At most {@link #LIMIT} are kept, the least
 * recently used closed first; a statement that failed is closed and prepared afresh next time.
 * Only one caller at a time uses a statement: the caller binds, runs and closes its result
 * before the next statement runs.
 */
final class PreparedStatements implements AutoCloseable {

    static final int LIMIT = 64;

    private final Connection connection;
    private final UnaryOperator<String> dialect;
    private final Map<String, PreparedStatement> byText = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() > LIMIT) {
                closeQuietly(eldest.getValue());
                return true;
            }
            return false;
        }
    };

    PreparedStatements(Connection connection, UnaryOperator<String> dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** The statement for this text (as the ORM writes it; the engine's dialect is applied here). */
    PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement ps = byText.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(dialect.apply(sql));
            byText.put(sql, ps);
        }
        return ps;
    }

    /** Closes and forgets the statement of this text (after it failed). */
    void discard(String sql) {
        PreparedStatement ps = byText.remove(sql);
        if (ps != null) {
            closeQuietly(ps);
        }
    }

    /** How many statements are kept. */
    int size() {
        return byText.size();
    }

    @Override
    public void close() {
        for (Iterator<PreparedStatement> it = byText.values().iterator(); it.hasNext(); ) {
            closeQuietly(it.next());
            it.remove();
        }
    }

    private static void closeQuietly(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException e) {
            // closing a statement of a connection that is closed next anyway
        }
    }
}
