package dev.cascadeviz.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Engine;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceStatement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The order of one class's eager loaders follows SQLAlchemy's {@code Mapper._prop_set} (a
 * frozenset ordered by object address): the simulator runs any order it is given, records where
 * the order mattered, and lists every order to try. The expected statement orders were measured
 * with real SQLAlchemy 2.1.1 (conformance/prop_set_order_probe.py: "artist song album staff" and
 * "artist staff song album" both occur for the first scenario).
 */
class PropSetOrderTest {

    /** Artist: selectin songs, immediate albums, joined label; Label: selectin staff. */
    private static final String SIBLINGS = """
            tables:
              artist: {columns: {id: {type: integer, primary_key: true}, label_id: {type: integer, foreign_key: label.id}}}
              label: {columns: {id: {type: integer, primary_key: true}}}
              staff: {columns: {id: {type: integer, primary_key: true}, label_id: {type: integer, foreign_key: label.id}}}
              song: {columns: {id: {type: integer, primary_key: true}, artist_id: {type: integer, foreign_key: artist.id}}}
              album: {columns: {id: {type: integer, primary_key: true}, artist_id: {type: integer, foreign_key: artist.id}}}
            classes:
              Artist:
                table: artist
                relationships:
                  songs: {target: Song, lazy: selectin}
                  albums: {target: Album, lazy: immediate}
                  label: {target: Label, lazy: joined}
              Label: {table: label, relationships: {staff: {target: Staff, lazy: selectin}}}
              Staff: {table: staff}
              Song: {table: song}
              Album: {table: album}
            rows:
              label: [{id: 1}]
              staff: [{id: 1, label_id: 1}]
              artist: [{id: 1, label_id: 1}]
              song: [{id: 1, artist_id: 1}]
              album: [{id: 1, artist_id: 1}]
            steps:
              - get: Artist(1)
            """;

    /** A subquery load inside a selectin load: its rows' immediate loads wait for the top level's next round. */
    private static final String SUBQUERY_IN_POST_LOAD = """
            tables:
              elk: {columns: {id: {type: integer, primary_key: true}}}
              ibis: {columns: {id: {type: integer, primary_key: true}, elk_id: {type: integer, foreign_key: elk.id}}}
              gnu: {columns: {id: {type: integer, primary_key: true}, ibis_id: {type: integer, foreign_key: ibis.id}}}
              dog: {columns: {id: {type: integer, primary_key: true}, ibis_id: {type: integer, foreign_key: ibis.id}}}
              fox: {columns: {id: {type: integer, primary_key: true}, dog_id: {type: integer, foreign_key: dog.id}}}
            classes:
              Gnu: {table: gnu, relationships: {ibis: {target: Ibis, lazy: selectin}}}
              Ibis:
                table: ibis
                relationships:
                  elk: {target: Elk, lazy: immediate}
                  dogs: {target: Dog, lazy: subquery}
              Elk: {table: elk}
              Dog: {table: dog, relationships: {foxes: {target: Fox, lazy: immediate}}}
              Fox: {table: fox}
            rows:
              elk: [{id: 1}]
              ibis: [{id: 1, elk_id: 1}]
              gnu: [{id: 1, ibis_id: 1}]
              dog: [{id: 1, ibis_id: 1}]
              fox: [{id: 1, dog_id: 1}]
            steps:
              - get: Gnu(1)
            """;

    @Test
    void declarationOrderRunsTheClassesOwnPostLoadsBeforeItsJoinedTargets() throws Exception {
        PropSetOrder order = PropSetOrder.declared();
        Trace t = new Simulator().run(ScenarioFiles.parse(SIBLINGS, "siblings.yaml"), Engine.SQLITE, order);
        assertNull(t.error());
        assertEquals(List.of("artist", "song", "album", "staff"), selected(t));
        assertEquals(Map.of("Artist", List.of("songs", "albums", "label")), order.consulted());
    }

    @Test
    void anotherOrderRunsTheJoinedTargetsPostLoadsFirst() throws Exception {
        PropSetOrder order = new PropSetOrder(Map.of("Artist", List.of("label", "songs", "albums")));
        Trace t = new Simulator().run(ScenarioFiles.parse(SIBLINGS, "siblings.yaml"), Engine.SQLITE, order);
        assertEquals(List.of("artist", "staff", "song", "album"), selected(t));
    }

    @Test
    void siblingPostLoadsRunInTheGivenOrder() throws Exception {
        PropSetOrder order = new PropSetOrder(Map.of("Artist", List.of("albums", "songs", "label")));
        Trace t = new Simulator().run(ScenarioFiles.parse(SIBLINGS, "siblings.yaml"), Engine.SQLITE, order);
        assertEquals(List.of("artist", "album", "song", "staff"), selected(t));
    }

    @Test
    void aSubqueryLoadInsideAPostLoadJoinsTheTopLevelPostLoads() throws Exception {
        Trace t = new Simulator().run(ScenarioFiles.parse(SUBQUERY_IN_POST_LOAD, "subq.yaml"), Engine.SQLITE);
        assertNull(t.error());
        // the Ibis rows' immediate elk was set up before the subquery ran, so it comes before Dog's foxes
        assertEquals(List.of("gnu", "ibis", "(SELECT", "elk", "fox"), selected(t));
    }

    @Test
    void alternativesAreEveryCombinationOfPermutationsDeclarationOrderFirst() {
        Map<String, List<String>> consulted = Map.of("A", List.of("x", "y"), "B", List.of("p", "q", "r"));
        List<PropSetOrder> all = PropSetOrder.alternatives(consulted, 1000);
        assertEquals(12, all.size());
        assertEquals(consulted, all.get(0).chosen());
        Set<Map<String, List<String>>> distinct = new HashSet<>();
        all.forEach(o -> distinct.add(o.chosen()));
        assertEquals(12, distinct.size());
        assertEquals(5, PropSetOrder.alternatives(consulted, 5).size());
    }

    @Test
    void aLimitCutsTheFarCombinationsOfEveryKeyNotTheLaterPermutationsOfTheFirst() {
        Map<String, List<String>> consulted = Map.of("A", List.of("x", "y"),
                "flush:B", List.of("1", "2", "3", "4", "5", "6"));
        List<PropSetOrder> some = PropSetOrder.alternatives(consulted, 10);
        assertEquals(10, some.size());
        assertEquals(consulted, some.get(0).chosen());
        // the second order of A comes among the first few, not after all 720 orders of B
        assertTrue(some.stream().anyMatch(o -> o.chosen().get("A").equals(List.of("y", "x"))));
        assertEquals(1440, PropSetOrder.alternatives(consulted, 5000).size());
    }

    /** The first name after FROM of every SELECT. */
    private static List<String> selected(Trace t) {
        return t.statements().stream().map(TraceStatement::sql).filter(s -> s.startsWith("SELECT"))
                .map(s -> s.substring(s.indexOf("FROM") + 4).trim().split("\\s+")[0]).toList();
    }
}
