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
 * The seeding order is the capture harness's ({@code conformance/sqla_schema.seed}): the order of
 * a table's rows is the order an unsorted SELECT, and ties of an ORDER BY, return them in, so it
 * decides the order of a selectin load's IN keys and of the loaders that follow.
 */
class SeedPlanTest {

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
    void leavesOutEveryRowsKeyIntoATableOfACycleSeededLaterKeepingTheRowsInListedOrder() {
        Scenario s = Schemas.scenario(Engine.SQLITE, true,
                List.of(table("a", pk("id"), fk("b_id", "b.id", null)), table("b", pk("id"), fk("a_id", "a.id", null))),
                "a", List.of(row("id", 1L, "b_id", 1L), row("id", 2L, "b_id", null), row("id", 3L, "b_id", 1L)),
                "b", List.of(row("id", 1L, "a_id", 2L)));
        SeedPlan plan = SeedPlan.of(s);
        assertEquals(List.of("1", "2", "3"), inserted(plan, "a"));
        assertEquals(List.of(row("id", 1L), row("id", 2L, "b_id", null), row("id", 3L), row("id", 1L, "a_id", 2L)),
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
