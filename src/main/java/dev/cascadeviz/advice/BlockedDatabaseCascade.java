package dev.cascadeviz.advice;

import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.ReferentialAction;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Follows an ON DELETE CASCADE the way the database does: the rows it deletes are themselves
 * referenced by other tables' foreign keys, whose own ON DELETE rules apply in turn. A foreign
 * key without a rule that does something (no ON DELETE, RESTRICT, NO ACTION) anywhere down
 * that chain makes the database refuse the whole delete, whatever the ORM was told.
 */
public final class BlockedDatabaseCascade {

    /** A foreign key that stops a database cascade: {@code table.columns} referencing {@code referenced}. */
    public record Block(String table, ForeignKey foreignKey) {

        /** {@code comments.post_id → posts.id}. */
        public String describe() {
            return table + "." + String.join(", ", foreignKey.columns()) + " → " + foreignKey.referencedTable()
                    + "." + String.join(", ", foreignKey.referencedColumns());
        }

        /** {@code comments.post_id}. */
        public String columns() {
            return table + "." + String.join(", ", foreignKey.columns());
        }
    }

    private BlockedDatabaseCascade() {
    }

    /**
     * The first foreign key (in table order, breadth first) that blocks the database's cascade
     * into {@code table}'s rows, or null when every key down the chain cascades or sets a value.
     */
    public static Block blocking(Scenario s, String table) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> deleted = new ArrayDeque<>();
        deleted.add(table);
        seen.add(table);
        while (!deleted.isEmpty()) {
            String target = deleted.poll();
            for (Table t : s.tables().values()) {
                for (ForeignKey fk : t.allForeignKeys()) {
                    if (!fk.referencedTable().equals(target)) {
                        continue;
                    }
                    ReferentialAction rule = fk.ondelete();
                    if (rule == ReferentialAction.CASCADE) {
                        if (seen.add(t.name())) {
                            deleted.add(t.name());
                        }
                    } else if (rule != ReferentialAction.SET_NULL && rule != ReferentialAction.SET_DEFAULT) {
                        return new Block(t.name(), fk);
                    }
                }
            }
        }
        return null;
    }
}
