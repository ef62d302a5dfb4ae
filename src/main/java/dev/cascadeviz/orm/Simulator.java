package dev.cascadeviz.orm;

import dev.cascadeviz.db.DeepStack;
import dev.cascadeviz.db.ScenarioDatabase;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.model.Values;
import dev.cascadeviz.model.mapping.Mapping;
import dev.cascadeviz.model.mapping.MappingException;
import dev.cascadeviz.model.mapping.MappingResolver;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceError;
import dev.cascadeviz.trace.TraceStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a scenario's steps through the simulated Session on a fresh embedded database and
 * returns the trace: the statements SQLAlchemy would emit, the error it would raise at the
 * step where it would raise it, and the tables afterwards.
 */
public final class Simulator {

    /** Where a simulator's runs spent their time so far, summed over runs (for the benchmark). */
    public record Timings(long seedNanos, long simulateNanos, long databaseNanos, long snapshotNanos) {
    }

    private final boolean keepTablesBefore;
    private long seedNanos;
    private long simulateNanos;
    private long databaseNanos;
    private long snapshotNanos;

    /** A simulator whose traces keep the tables as seeded ({@link Trace#tablesBefore()}). */
    public Simulator() {
        this(true);
    }

    private Simulator(boolean keepTablesBefore) {
        this.keepTablesBefore = keepTablesBefore;
    }

    /**
     * A simulator whose traces leave {@link Trace#tablesBefore()} empty, for callers that never
     * show it (the trace command): it saves reading every seeded row back.
     */
    public static Simulator withoutTablesBefore() {
        return new Simulator(false);
    }

    public Timings timings() {
        return new Timings(seedNanos, simulateNanos, databaseNanos, snapshotNanos);
    }

    /**
     * Runs the scenario on {@code engine} (null: the scenario's own engine), on a thread with a
     * stack deep enough for the database's longest chain of rules ({@link DeepStack}). Never
     * throws for a scenario: what the simulator does not model is a {@code NotSimulated} error
     * naming the setting, and a defect of the simulator itself a {@code SimulatorError}, each as
     * the trace's error.
     */
    public Trace run(Scenario scenario, Engine engine) {
        return run(scenario, engine, PropSetOrder.declared());
    }

    /**
     * The same with each mapper's relationship loaders run in the order {@code order} gives
     * (SQLAlchemy's {@code _prop_set} order, which follows object addresses: see
     * {@link PropSetOrder}); {@code order} records the mappers for which the order mattered.
     */
    public Trace run(Scenario scenario, Engine engine, PropSetOrder order) {
        return DeepStack.call(() -> runHere(scenario, engine, order, s -> { }));
    }

    /**
     * Like {@link #run(Scenario, Engine)}, telling {@code recorded} of each statement as it is
     * recorded, on the simulator's thread (the trace command writes their JSON meanwhile). The
     * trace's statements are those told, in order, unless the run ends in a failure outside the
     * steps (then the trace has none).
     */
    public Trace run(Scenario scenario, Engine engine, Consumer<TraceStatement> recorded) {
        return DeepStack.call(() -> runHere(scenario, engine, PropSetOrder.declared(), recorded));
    }

    private Trace runHere(Scenario scenario, Engine engine, PropSetOrder order, Consumer<TraceStatement> recorded) {
        try {
            return runOrThrow(scenario, engine, order, recorded);
        } catch (RunCancelledException e) {
            throw e;
        } catch (OrmException e) {
            return new Trace(List.of(), new TraceError(e.type(), firstLine(e.getMessage()), null), Map.of(),
                    List.of(), null, List.of(), scenario.release());
        } catch (RuntimeException e) {
            return new Trace(List.of(), new TraceError("SimulatorError", "the simulator failed: " + e, null),
                    Map.of(), List.of(), null, List.of(), scenario.release());
        }
    }

    private Trace runOrThrow(Scenario scenario, Engine engine, PropSetOrder order, Consumer<TraceStatement> recorded) {
        List<String> warnings = new ArrayList<>(MappingResolver.warnings(scenario));
        Mapping mapping = null;
        TraceError configError = null;
        try {
            mapping = MappingResolver.resolve(scenario);
        } catch (MappingException e) {
            configError = new TraceError(e.type(), firstLine(e.getMessage()), null);
        }
        long t0 = System.nanoTime();
        try (ScenarioDatabase db = ScenarioDatabase.open(scenario, engine)) {
            long t1 = System.nanoTime();
            seedNanos += t1 - t0;
            if (configError != null) {
                Map<String, List<Map<String, Object>>> before = db.snapshot();
                snapshotNanos += System.nanoTime() - t1;
                return new Trace(List.of(), configError, before, warnings, keepTablesBefore ? before : null,
                        List.of(), scenario.release());
            }
            Map<String, List<Map<String, Object>>> before = keepTablesBefore ? db.snapshot(scenario.rows()) : null;
            long t2 = System.nanoTime();
            snapshotNanos += t2 - t1;
            Executor executor = new Executor(db, recorded);
            Session session = new Session(new Registry(scenario, mapping, order), executor);
            TraceError error = new StepRunner(session).runAll(scenario.steps());
            warnings.addAll(session.warnings());
            if (error != null && error.type().equals("IntegrityError") && db.engine() == Engine.H2) {
                warnings.addAll(RestrictBeforeCascade.explain(scenario));
            }
            long t3 = System.nanoTime();
            simulateNanos += t3 - t2;
            databaseNanos += executor.databaseNanos();
            Map<String, List<Map<String, Object>>> after = db.snapshot(before != null ? before : scenario.rows());
            snapshotNanos += System.nanoTime() - t3;
            return new Trace(executor.statements(), error, after, warnings, before, executor.transactions(),
                    scenario.release());
        } catch (SQLException e) {
            return new Trace(List.of(), new TraceError(DatabaseErrors.translate(e).type(), firstLine(e.getMessage()), null),
                    Map.of(), warnings, null, List.of(), scenario.release());
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** Steps to session calls, as docs/scenario-format.md's table says. */
    private static final class StepRunner {
        private final Session session;
        /** The objects bound by {@code as:} (a value may be null: Python's None). */
        private final Map<String, InstanceState> names = new HashMap<>();

        StepRunner(Session session) {
            this.session = session;
        }

        TraceError runAll(List<Step> steps) {
            for (int i = 0; i < steps.size(); i++) {
                try {
                    run(steps.get(i));
                    // what the step let go of (a flush's old values and removed items) is freed now;
                    // inside a step, the objects a load or a flush is working on are still referenced
                    session.forgetUnreferenced();
                } catch (OrmException e) {
                    session.rollback();
                    session.close();
                    return new TraceError(e.type(), firstLine(e.getMessage()), i);
                } catch (RunCancelledException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // A defect of the simulator, not something SQLAlchemy would raise: say so plainly.
                    try {
                        session.rollback();
                        session.close();
                    } catch (RuntimeException ignored) {
                        // the step's failure is the outcome; cleaning up after it adds nothing
                    }
                    return new TraceError("SimulatorError", "the simulator failed on this step: " + e, i);
                }
            }
            session.close();
            return null;
        }

        private void run(Step step) {
            if (step instanceof Step.Get g) {
                InstanceState s = get(g.object());
                if (g.as() != null) {
                    names.put(g.as(), s);
                }
            } else if (runSaveSide(step)) {
                return;
            } else if (step instanceof Step.Load l) {
                InstanceState s = require(get(l.object()), l.attribute());
                RelProp prop = prop(s, l.attribute());
                if (!Attributes.isDynamic(prop)) {
                    session.hold(session.because(Why.stepLoad(prop, s, "the step's access to"),
                            () -> session.attributes().get(s, prop, Passive.OFF)));
                }
            } else if (step instanceof Step.Delete d) {
                session.delete(mapped(get(d.object())));
            } else if (step instanceof Step.Remove r) {
                InstanceState parent = require(get(r.parent()), r.attribute());
                RelProp prop = prop(parent, r.attribute());
                if (!Attributes.isDynamic(prop)) {
                    session.hold(session.because(Why.stepLoad(prop, parent, "the step removes an item from"),
                            () -> session.attributes().get(parent, prop, Passive.OFF)));
                }
                InstanceState item = get(r.item());
                session.because(Why.stepLoad(prop, parent, "the step removes an item from"),
                        () -> session.attributes().remove(parent, prop, item, false, Passive.OFF, false));
            } else if (step instanceof Step.Set s) {
                InstanceState obj = get(s.object());
                InstanceState value = s.value() == null ? null : get(s.value());
                require(obj, s.attribute());
                RelProp prop = prop(obj, s.attribute());
                session.because(Why.stepLoad(prop, obj, "the step assigns"),
                        () -> session.attributes().set(obj, prop, value, false, Passive.OFF, null, false));
            } else if (step instanceof Step.Expunge e) {
                session.expunge(mapped(get(e.object())));
            } else if (step instanceof Step.Flush) {
                session.flush();
            } else if (step instanceof Step.Commit) {
                session.commit();
            } else if (step instanceof Step.Rollback) {
                session.rollback();
            }
        }

        /** The steps that make, add, change, merge and refresh objects; false for the others. */
        private boolean runSaveSide(Step step) {
            SaveSide save = session.saveSide();
            if (step instanceof Step.New n) {
                Map<String, Object> values = new LinkedHashMap<>();
                n.values().forEach((k, v) -> values.put(k, v instanceof Integer i ? Long.valueOf(i) : v));
                InstanceState s = save.newObject(session.registry().mapper(n.className()), values);
                session.hold(s);
                if (n.as() != null) {
                    names.put(n.as(), s);
                }
            } else if (step instanceof Step.Add a) {
                save.add(mapped(get(a.object())));
            } else if (step instanceof Step.Append a) {
                InstanceState parent = require(get(a.parent()), a.attribute());
                RelProp prop = prop(parent, a.attribute());
                if (!Attributes.isDynamic(prop)) {
                    // a dynamic relationship's attribute is a query: getting it sends nothing
                    session.hold(session.because(Why.stepLoad(prop, parent, "the step appends an item to"),
                            () -> session.attributes().get(parent, prop, Passive.OFF)));
                }
                InstanceState item = get(a.item());
                session.because(Why.stepLoad(prop, parent, "the step appends an item to"),
                        () -> session.attributes().append(parent, prop, item, false, Passive.OFF));
            } else if (step instanceof Step.SetColumn c) {
                InstanceState obj = require(get(c.object()), c.column());
                Object v = c.value() instanceof Integer i ? Long.valueOf(i) : c.value();
                session.attributes().setColumnValue(obj, c.column(), v);
            } else if (step instanceof Step.Refresh r) {
                save.refresh(mapped(get(r.object())));
            } else if (step instanceof Step.Expire e) {
                save.expire(mapped(get(e.object())));
            } else if (step instanceof Step.ExpireAll) {
                save.expireAll();
            } else if (step instanceof Step.Close) {
                session.close();
            } else if (step instanceof Step.Merge m) {
                InstanceState merged = save.merge(mapped(get(m.object())));
                session.hold(merged);
                if (m.as() != null) {
                    names.put(m.as(), merged);
                }
            } else {
                return false;
            }
            return true;
        }

        private InstanceState get(ObjectRef ref) {
            if (ref.isName()) {
                return names.get(ref.name());
            }
            InstanceState s = session.get(session.registry().mapper(ref.className()), Values.normalizeAll(ref.key()));
            session.hold(s);
            return s;
        }

        private static RelProp prop(InstanceState s, String name) {
            return s.mapper().relationship(name);
        }

        private static InstanceState require(InstanceState s, String attribute) {
            if (s == null) {
                throw new OrmException("AttributeError", "'NoneType' object has no attribute '" + attribute + "'");
            }
            return s;
        }

        private static InstanceState mapped(InstanceState s) {
            if (s == null) {
                throw new OrmException("UnmappedInstanceError", "Class 'builtins.NoneType' is not mapped");
            }
            return s;
        }
    }
}
