package dev.cascadeviz.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cascadeviz.model.Engine;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SQLAlchemy's identity map is weak: after a commit expires every object, one that no step
 * holds and no live object references is freed by CPython, so loading its row again makes a
 * new object, which gets its eager loads; a held one is an existing object refreshed by a lazy
 * load, which does not. Expected statements measured with real SQLAlchemy 2.0.54.
 */
class WeakIdentityMapTest {

    /** Grand.parents and Parent.children are both lazy='immediate'. */
    private static final String MODEL = """
            tables:
              grand: {columns: {id: {type: integer, primary_key: true}}}
              parent: {columns: {id: {type: integer, primary_key: true}, grand_id: {type: integer, foreign_key: grand.id}}}
              child: {columns: {id: {type: integer, primary_key: true}, parent_id: {type: integer, foreign_key: parent.id}}}
            classes:
              Grand: {table: grand, relationships: {parents: {target: Parent, lazy: immediate}}}
              Parent: {table: parent, relationships: {children: {target: Child, lazy: immediate}}}
              Child: {table: child}
            rows:
              grand: [{id: 1}]
              parent: [{id: 1, grand_id: 1}]
              child: [{id: 1, parent_id: 1}]
            steps:
              - get: Grand(1)
              - commit
              - get: Grand(1)
            """;

    @Test
    void anObjectNothingHoldsIsLoadedAgainAsANewObjectAfterCommit() throws Exception {
        Trace t = new Simulator().run(ScenarioFiles.parse(MODEL, "weak.yaml"), Engine.SQLITE);
        assertNull(t.error());
        assertEquals(List.of("grand", "parent", "child", "grand", "parent", "child"), selected(t));
    }

    @Test
    void anObjectAStepHoldsStaysInTheIdentityMap() throws Exception {
        String held = MODEL.replace("  - get: Grand(1)\n  - commit\n", "  - get: Grand(1)\n  - get: Parent(1)\n  - commit\n");
        Trace t = new Simulator().run(ScenarioFiles.parse(held, "held.yaml"), Engine.SQLITE);
        assertNull(t.error());
        assertEquals(List.of("grand", "parent", "child", "grand", "parent"), selected(t));
    }

    /**
     * Ant.bees and Bee.cats are subquery loads, Cat.dog immediate. The Bee query's Result is
     * iterated ({@code _SubqCollections._load}); in 2.1 it then waits on a reference cycle with
     * its context, whose Bee.cats collections keep the Cats after the commit: Bee(1).cats loads
     * them again as expired objects (no immediate load of their dog); 2.0 frees them and loads
     * new ones, which load their dog. Measured with real SQLAlchemy 2.0.54 and 2.1.1.
     */
    private static final String CHAIN = """
            tables:
              ant: {columns: {id: {type: integer, primary_key: true}}}
              bee: {columns: {id: {type: integer, primary_key: true}, ant_id: {type: integer, foreign_key: ant.id}}}
              dog: {columns: {id: {type: integer, primary_key: true}}}
              cat: {columns: {id: {type: integer, primary_key: true}, bee_id: {type: integer, foreign_key: bee.id},
                              dog_id: {type: integer, foreign_key: dog.id}}}
            classes:
              Ant: {table: ant, relationships: {bees: {target: Bee, lazy: LAZY}}}
              Bee: {table: bee, relationships: {cats: {target: Cat, lazy: subquery}}}
              Cat: {table: cat, relationships: {dog: {target: Dog, lazy: immediate}}}
              Dog: {table: dog}
            rows:
              ant: [{id: 1}]
              bee: [{id: 1, ant_id: 1}]
              dog: [{id: 1}]
              cat: [{id: 1, bee_id: 1, dog_id: 1}, {id: 2, bee_id: 1, dog_id: 1}]
            steps:
              - load: Ant(1).bees
              - commit
              - load: Bee(1).cats
            sqlalchemy: 'RELEASE'
            """;

    @Test
    void objectsASubqueryLoadOfAnIteratedQueryFoundOutliveTheCommitIn21Only() throws Exception {
        List<String> first = List.of("ant", "bee", "cat", "dog");
        assertEquals(concat(first, List.of("bee", "cat", "dog")), entities(chain("subquery", "2.0")));
        assertEquals(concat(first, List.of("bee", "cat")), entities(chain("subquery", "2.1")));
    }

    @Test
    void aSelectinLoadWithoutJoinedCollectionsFetchesItsRowsAtOnceAndKeepsNothing() throws Exception {
        // _load_via_parent iterates the Result only when joined eager collections need uniquing
        List<String> all = List.of("ant", "bee", "cat", "dog", "bee", "cat", "dog");
        assertEquals(all, entities(chain("selectin", "2.0")));
        assertEquals(all, entities(chain("selectin", "2.1")));
    }

    /**
     * Dog.ant is delete-orphan: moving Dog(1) to Ant(2) orphans Ant(1), and the flush deletes it.
     * Ant(1)'s collection, loaded by that flush, still holds Dog(2), and the flush loaded
     * Dog(2).ant (its delete-orphan history) from the identity map: Ant(1), out of the identity
     * map and not modified (no backref touched it), and Dog(2) reference each other, a cycle
     * reference counting never frees, so Dog(2) is still there for the next get. Measured with
     * real SQLAlchemy 2.0.54 and 2.1.1 (also with the cyclic collector off).
     */
    private static final String DELETED_PARENT = """
            tables:
              ant: {columns: {id: {type: integer, primary_key: true}}}
              dog: {columns: {id: {type: integer, primary_key: true}, ant_id: {type: integer, foreign_key: ant.id}}}
            classes:
              Ant: {table: ant, relationships: {dogs: {target: Dog}}}
              Dog: {table: dog, relationships: {ant: {target: Ant, single_parent: true, cascade: 'all, delete-orphan'}}}
            rows:
              ant: [{id: 1}, {id: 2}]
              dog: [{id: 1, ant_id: 1}, {id: 2, ant_id: 1}]
            steps:
              - set: {attr: Dog(1).ant, value: Ant(2)}
              - flush
              - get: Dog(2)
            sqlalchemy: 'RELEASE'
            """;

    @Test
    void aChildOnACycleWithItsFlushDeletedParentStaysInTheIdentityMap() throws Exception {
        for (String release : List.of("2.0", "2.1")) {
            Trace t = new Simulator().run(ScenarioFiles.parse(DELETED_PARENT.replace("RELEASE", release),
                    "deleted-parent.yaml"), Engine.SQLITE);
            assertNull(t.error());
            // get Dog(1), get Ant(2), Dog(1)'s old Ant(1); in the flush Ant(1).dogs; then no load of Dog(2)
            assertEquals(List.of("dog", "ant", "ant", "dog"), entities(t), release);
        }
    }

    /**
     * Gnu.ant is delete-orphan with a backref: moving Gnu(1) to Ant(2) removes it from Ant(1).gnus
     * (a pending change), which marks Ant(1) modified, and the flush deletes Ant(1), loading
     * Ant(1).dogs to null Dog(1)'s key. A modified state holds its object strongly
     * ({@code _strong_obj}) and the transaction holds deleted states only weakly: Ant(1) keeps
     * itself until the commit, and its collection keeps Dog(1), which references nothing.
     * Measured with real SQLAlchemy 2.0.54 and 2.1.1 (also with the cyclic collector off).
     */
    private static final String MODIFIED_DELETED_PARENT = """
            tables:
              ant: {columns: {id: {type: integer, primary_key: true}}}
              dog: {columns: {id: {type: integer, primary_key: true}, ant_id: {type: integer, foreign_key: ant.id}}}
              gnu: {columns: {id: {type: integer, primary_key: true}, ant_id: {type: integer, foreign_key: ant.id}}}
            classes:
              Ant: {table: ant, relationships: {dogs: {target: Dog}, gnus: {target: Gnu, back_populates: ant}}}
              Dog: {table: dog}
              Gnu: {table: gnu, relationships: {ant: {target: Ant, single_parent: true, cascade: 'all, delete-orphan',
                                                      back_populates: gnus}}}
            rows:
              ant: [{id: 1}, {id: 2}]
              dog: [{id: 1, ant_id: 1}]
              gnu: [{id: 1, ant_id: 1}]
            steps:
              - set: {attr: Gnu(1).ant, value: Ant(2)}
              - flush
              - get: Dog(1)
            sqlalchemy: 'RELEASE'
            """;

    @Test
    void aParentModifiedBeforeTheFlushDeletedItKeepsItsCollectionUntilTheCommit() throws Exception {
        for (String release : List.of("2.0", "2.1")) {
            Trace t = new Simulator().run(ScenarioFiles.parse(MODIFIED_DELETED_PARENT.replace("RELEASE", release),
                    "modified-deleted-parent.yaml"), Engine.SQLITE);
            assertNull(t.error());
            // get Gnu(1), get Ant(2), Gnu(1)'s old Ant(1); in the flush Ant(1).dogs and Ant(1).gnus; then no load of Dog(1)
            assertEquals(List.of("gnu", "ant", "ant", "dog", "gnu"), entities(t), release);
        }
    }

    private static Trace chain(String antBees, String release) throws Exception {
        Trace t = new Simulator().run(ScenarioFiles.parse(CHAIN.replace("LAZY", antBees).replace("RELEASE", release),
                "chain.yaml"), Engine.SQLITE);
        assertNull(t.error());
        return t;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** The table of each SELECT's first column: the entity it loads (a subquery load's FROM is a subquery). */
    private static List<String> entities(Trace t) {
        return t.statements().stream().map(TraceStatement::sql).filter(s -> s.startsWith("SELECT "))
                .map(s -> s.substring(7).split("\\.")[0]).toList();
    }

    private static List<String> selected(Trace t) {
        return t.statements().stream().map(TraceStatement::sql).filter(s -> s.startsWith("SELECT"))
                .map(s -> s.substring(s.indexOf("FROM") + 4).trim().split("\\s+")[0]).toList();
    }
}
