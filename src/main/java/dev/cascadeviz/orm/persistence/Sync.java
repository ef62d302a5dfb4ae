package dev.cascadeviz.orm.persistence;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.mapping.JoinPair;
import dev.cascadeviz.orm.InstanceState;
import dev.cascadeviz.orm.OrmException;
import dev.cascadeviz.orm.Session;
import java.util.List;

/** {@code orm.sync}: copying or blanking foreign-key values along a relationship's pairs. */
public final class Sync {

    private Sync() {
    }

    /**
     * {@code sync.clear}: sets the destination's foreign-key columns to None; a primary-key
     * column that holds a value cannot be blanked.
     */
    public static void clear(Session session, InstanceState dest, List<JoinPair> pairs) {
        for (JoinPair p : pairs) {
            Column col = dest.mapper().table().column(p.foreign().column());
            Object current = session.attributes().columnValueIfLoaded(dest, col.name());
            if (col.primaryKey() && current != null) {
                throw new OrmException("AssertionError", "Dependency rule on column '" + p.referenced()
                        + "' tried to blank-out primary key column '" + p.foreign() + "' on instance '"
                        + dest.repr() + "'");
            }
            session.attributes().setColumnValue(dest, col.name(), null);
            session.explainWrite(dest);
        }
    }

    /** {@code sync.populate}: copies the source's referenced values into the destination's columns. */
    public static void populate(Session session, InstanceState source, InstanceState dest, List<JoinPair> pairs) {
        for (JoinPair p : pairs) {
            Object value = session.attributes().columnValue(source, p.referenced().column());
            session.attributes().setColumnValue(dest, p.foreign().column(), value);
            session.explainWrite(dest);
        }
    }
}
