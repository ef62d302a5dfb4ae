package dev.cascadeviz.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cascadeviz.model.Engine;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceError;
import dev.cascadeviz.trace.TraceStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A flush's presort step registers an orphan for deletion and walks its delete cascade
 * ({@code uowcommit.register_object(st_, isdelete=True)} for each object
 * {@code mapper.cascade_iterator} yields). The unit of work keeps states, not objects, and a
 * dynamic relationship stores nothing: CPython frees each object that walk loaded through it once
 * the walk moves past it. Its state's dict is then {@code {}}, so the DELETE reads its key as
 * {@code NO_VALUE}, which sqlite3 cannot bind. Expected outcomes measured with real SQLAlchemy
 * 2.0.54 and 2.1.1 (the fidelity scenarios flush_cascade_*).
 */
class FlushCascadeFreedObjectsTest {

    private static final String MODEL = """
            tables:
              ant: {columns: {id: {type: integer, primary_key: true}}}
              gnu: {columns: {id: {type: integer, primary_key: true}, ant_id: {type: integer, foreign_key: ant.id}}}
              cat: {columns: {id: {type: integer, primary_key: true}, gnu_id: {type: integer, foreign_key: gnu.id}}}
            classes:
              Ant: {table: ant, relationships: {gnus: {target: Gnu, cascade: 'all, delete-orphan'}}}
              Gnu: {table: gnu, relationships: {cats: {target: Cat, cascade: 'all, delete-orphan', lazy: dynamic}}}
              Cat: {table: cat}
            rows:
              ant: [{id: 1}]
              gnu: [{id: 1, ant_id: 1}]
              cat: [{id: 1, gnu_id: 1}, {id: 2, gnu_id: 1}]
            steps:
              - remove: {item: Gnu(1), from: Ant(1).gnus}
              - flush
            sqlalchemy: 'RELEASE'
            """;

    private static final String NO_VALUE = "LoaderCallableStatus.NO_VALUE";
    private static final String BINDING = "(sqlite3.ProgrammingError) Error binding parameter 1: type "
            + "'LoaderCallableStatus' is not supported";

    @Test
    void dynamicChildrenTheFlushCascadeLoadedAreFreedAndTheirDeleteCannotBeBound() throws Exception {
        for (String release : List.of("2.0", "2.1")) {
            Trace t = run(MODEL, release);
            TraceStatement delete = t.statements().get(t.statements().size() - 1);
            assertEquals("DELETE FROM cat WHERE cat.id = ?", delete.sql(), release);
            assertEquals(List.of(List.of(NO_VALUE), List.of(NO_VALUE)), delete.paramSets(), release);
            assertEquals(new TraceError("ProgrammingError", BINDING, 1), t.error(), release);
            assertEquals(2, t.tables().get("cat").size(), release);
        }
    }

    @Test
    void aChildAStepHoldsIsNotFreedAndKeepsItsKey() throws Exception {
        String held = MODEL.replace("steps:\n", "steps:\n  - get: Cat(1)\n");
        for (String release : List.of("2.0", "2.1")) {
            Trace t = run(held, release);
            TraceStatement delete = t.statements().get(t.statements().size() - 1);
            assertEquals(List.of(List.of(1L), List.of(NO_VALUE)), delete.paramSets(), release);
            assertEquals(new TraceError("ProgrammingError", BINDING, 2), t.error(), release);
        }
    }

    @Test
    void aStepThatDeletesTheParentHoldsTheChildrenAndDeletesThemByKey() throws Exception {
        // session.delete() keeps every object its cascade reaches (Session._deleted holds the objects)
        String deleted = MODEL.replace("  - remove: {item: Gnu(1), from: Ant(1).gnus}\n", "  - delete: Gnu(1)\n");
        Trace t = run(deleted, "2.1");
        assertEquals(null, t.error());
        TraceStatement cats = t.statements().get(t.statements().size() - 2);
        assertEquals("DELETE FROM cat WHERE cat.id = ?", cats.sql());
        assertEquals(List.of(List.of(1L), List.of(2L)), cats.paramSets());
    }

    @Test
    void aFreedObjectWhoseDynamicCollectionTheWalkStillHasToReadCannotBuildItsQuery() throws Exception {
        // Cat.gnu leads the walk back to Gnu(1), which frees Cat(1) while the walk is inside it; Gnu(1).cats
        // loads a new Cat(1); back in the freed one, Cat.mice is built from state.obj(), which is None
        String model = MODEL
                .replace("  cat: {columns:", "  mouse: {columns: {id: {type: integer, primary_key: true}, "
                        + "cat_id: {type: integer, foreign_key: cat.id}}}\n  cat: {columns:")
                .replace("  Cat: {table: cat}", "  Cat: {table: cat, relationships: {gnu: {target: Gnu, cascade: "
                        + "'all, delete'}, mice: {target: Mouse, cascade: 'all, delete', lazy: dynamic}}}\n"
                        + "  Mouse: {table: mouse}")
                .replace("  cat: [{id: 1, gnu_id: 1}, {id: 2, gnu_id: 1}]",
                        "  cat: [{id: 1, gnu_id: 1}]\n  mouse: [{id: 1, cat_id: 1}]");
        for (String release : List.of("2.0", "2.1")) {
            Trace t = run(model, release);
            assertEquals(new TraceError("UnmappedInstanceError", "Class 'builtins.NoneType' is not mapped", 1),
                    t.error(), release);
            // Ant(1), its gnus, the walk's two loads of Gnu(1).cats and the new Cat(1)'s mice
            assertEquals(5, t.statements().size(), release);
        }
    }

    private static Trace run(String yaml, String release) throws Exception {
        return new Simulator().run(ScenarioFiles.parse(yaml.replace("RELEASE", release), "freed.yaml"),
                Engine.SQLITE);
    }
}
