package dev.cascadeviz.db;

import static dev.cascadeviz.db.Schemas.fk;
import static dev.cascadeviz.db.Schemas.pk;
import static dev.cascadeviz.db.Schemas.row;
import static dev.cascadeviz.db.Schemas.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rows go in as conformance/sqla_schema.py's {@code seed} inserts them for the goldens: the
 * database returns the rows of a query without ORDER BY in that order (a scan in rowid order
 * when the key is not an integer), so the simulator's loads meet them in the same order.
 */
class SeedPlanTest {

    @Test
    void aSelfReferencingTableGoesInRoundsWhereARowInsertedInTheSameRoundDoesNotCount() {
        // round 1: the rows waiting for no parent (1, 3); round 2: the row whose parent went in during round 1
        Scenario s = Schemas.scenario(Engine.SQLITE, true,
                List.of(table("node", pk("id"), fk("up_id", "node.id", null))),
                "node", List.of(row("id", 1L, "up_id", null), row("id", 2L, "up_id", 1L), row("id", 3L, "up_id", null),
                        row("id", 4L, "up_id", 2L)));
        assertEquals(List.of(1L, 3L, 2L, 4L), ids(SeedPlan.of(s), "node"));
    }

    @Test
    void aKeyIntoATableOfACycleNotSeededYetIsNullInEveryRowWhichKeepsItsListedPlace() {
        Scenario s = Schemas.scenario(Engine.SQLITE, true,
                List.of(table("a", pk("id"), fk("b_id", "b.id", null)), table("b", pk("id"), fk("a_id", "a.id", null))),
                "a", List.of(row("id", 1L, "b_id", 1L), row("id", 2L, "b_id", null)),
                "b", List.of(row("id", 1L, "a_id", 1L)));
        SeedPlan plan = SeedPlan.of(s);
        assertEquals(List.of(1L, 2L), ids(plan, "a"));
        assertEquals(List.of(new SeedPlan.Fixup("a", Map.of("b_id", 1L), Map.of("id", 1L))), plan.fixups());
    }

    @Test
    void tablesGoInRoundsOfEveryTableWhoseParentsAreIn() {
        // round 1: x and z; round 2: y, whose parent x went in during round 1
        Scenario s = Schemas.scenario(Engine.SQLITE, true,
                List.of(table("x", pk("id")), table("y", pk("id"), fk("x_id", "x.id", null)), table("z", pk("id"))));
        assertEquals(List.of("x", "z", "y"), SeedPlan.tableOrder(s));
    }

    private static List<Object> ids(SeedPlan plan, String table) {
        return plan.inserts().stream().filter(i -> i.table().equals(table)).map(i -> i.values().get("id")).toList();
    }

    private static List<String> inserted(SeedPlan plan, String table) {
        List<String> out = new ArrayList<>();
        for (SeedPlan.Insert insert : plan.inserts()) {
            if (insert.table().equals(table)) {
                out.add(String.valueOf(insert.values().get("id")));
            }
        }
        return out;
    }

    @Test
    void insertsASelfReferentialTablesRowsInPassesSoALaterSiblingComesBeforeAnEarlierRowsChild() {
        // 2 references 1, listed just before it: both wait for a pass, 2 with 4, and 3 (→ 2) for the next
        Scenario s = Schemas.scenario(Engine.SQLITE, true,
                List.of(table("node", pk("id"), fk("parent_id", "node.id", null))),
                "node", List.of(row("id", 1L, "parent_id", null), row("id", 2L, "parent_id", 1L),
                        row("id", 3L, "parent_id", 2L), row("id", 4L, "parent_id", 1L)));
        assertEquals(List.of("1", "2", "4", "3"), inserted(SeedPlan.of(s), "node"));
    }

    @Test
    void insertsARowWhoseSelfReferenceNamesNoRowOnceNoOtherRowCanGoIn() {
        Scenario s = Schemas.scenario(Engine.SQLITE, false,
                List.of(table("node", pk("id"), fk("parent_id", "node.id", null))),
                "node", List.of(row("id", 1L, "parent_id", 9L), row("id", 2L, "parent_id", null),
                        row("id", 3L, "parent_id", 2L)));
        SeedPlan plan = SeedPlan.of(s);
        assertEquals(List.of("2", "3", "1"), inserted(plan, "node"));
        assertEquals(row("id", 1L, "parent_id", 9L), plan.inserts().get(2).values());
        assertEquals(List.of(), plan.fixups());
    }

    @Test
    void placesTablesInPassesEachTakingEveryTableWhoseParentsArePlaced() {
        Scenario s = Schemas.scenario(Engine.SQLITE, true,
                List.of(table("c", pk("id"), fk("b_id", "b.id", null)), table("b", pk("id"), fk("a_id", "a.id", null)),
                        table("a", pk("id")), table("d", pk("id"))));
        assertEquals(List.of("a", "d", "b", "c"), SeedPlan.tableOrder(s));
    }

    @Test
    void insertsEveryRowsKeyIntoATableOfACycleSeededLaterAsNullKeepingTheRowsInListedOrder() {
        // the harness leaves the key out of the row, SeedPlan inserts NULL: either way the UPDATE after sets it
        Scenario s = Schemas.scenario(Engine.SQLITE, true,
                List.of(table("a", pk("id"), fk("b_id", "b.id", null)), table("b", pk("id"), fk("a_id", "a.id", null))),
                "a", List.of(row("id", 1L, "b_id", 1L), row("id", 2L, "b_id", null), row("id", 3L, "b_id", 1L)),
                "b", List.of(row("id", 1L, "a_id", 2L)));
        SeedPlan plan = SeedPlan.of(s);
        assertEquals(List.of("1", "2", "3"), inserted(plan, "a"));
        assertEquals(List.of(row("id", 1L, "b_id", null), row("id", 2L, "b_id", null), row("id", 3L, "b_id", null),
                        row("id", 1L, "a_id", 2L)),
                plan.inserts().stream().map(SeedPlan.Insert::values).toList());
        assertEquals(List.of(new SeedPlan.Fixup("a", Map.of("b_id", 1L), Map.of("id", 1L)),
                new SeedPlan.Fixup("a", Map.of("b_id", 1L), Map.of("id", 3L))), plan.fixups());
    }

    @Test
    void insertsTheFirstOfRowsThatReferenceEachOtherWithItsKeyNullAndLeavesTheScenariosRowsAsTheyWere() {
        Scenario s = Schemas.scenario(Engine.SQLITE, true,
                List.of(table("node", pk("id"), fk("parent_id", "node.id", null))),
                "node", List.of(row("id", 1L, "parent_id", 2L), row("id", 2L, "parent_id", 1L)));
        SeedPlan plan = SeedPlan.of(s);
        assertEquals(List.of(row("id", 1L, "parent_id", null), row("id", 2L, "parent_id", 1L)),
                plan.inserts().stream().map(SeedPlan.Insert::values).toList());
        assertEquals(List.of(new SeedPlan.Fixup("node", Map.of("parent_id", 2L), Map.of("id", 1L))), plan.fixups());
        assertEquals(List.of(row("id", 1L, "parent_id", 2L), row("id", 2L, "parent_id", 1L)), s.rowsOf("node"));
    }
}
