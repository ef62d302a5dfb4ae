package dev.cascadeviz.orm;

import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.ReferentialAction;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Where H2 and SQLite part on a DELETE: a child row that references the same parent table
 * through an {@code ON DELETE RESTRICT} key and an {@code ON DELETE CASCADE} key. SQLite carries
 * out the cascade first and then finds no child row left to restrict, so the DELETE succeeds
 * (and SQLAlchemy's goldens run on SQLite); H2 checks the RESTRICT key first and refuses. The
 * simulator runs the real database, so the two engines differ; this says so instead of
 * differing silently.
 */
final class RestrictBeforeCascade {

    private RestrictBeforeCascade() {
    }

    /** One sentence per child table with both kinds of key into one parent table. */
    static List<String> explain(Scenario scenario) {
        List<String> out = new ArrayList<>();
        for (Table t : scenario.tables().values()) {
            for (ForeignKey restrict : t.allForeignKeys()) {
                if (restrict.ondelete() != ReferentialAction.RESTRICT) {
                    continue;
                }
                for (ForeignKey cascade : t.allForeignKeys()) {
                    if (cascade.ondelete() == ReferentialAction.CASCADE
                            && cascade.referencedTable().equals(restrict.referencedTable())) {
                        out.add("H2 refuses this DELETE where SQLite allows it: " + t.name() + "."
                                + String.join(", ", restrict.columns()) + " (ON DELETE RESTRICT) and " + t.name() + "."
                                + String.join(", ", cascade.columns()) + " (ON DELETE CASCADE) both reference "
                                + restrict.referencedTable() + "; H2 checks the RESTRICT key before it cascades, "
                                + "SQLite cascades first and then finds no row left to restrict");
                    }
                }
            }
        }
        return out;
    }
}
