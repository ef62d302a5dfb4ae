package dev.cascadeviz.app.viewmodel;

import dev.cascadeviz.workbench.MappedEdge;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.trace.Cause;

/** Which edge of the graph a statement's cause points at. */
final class CauseTarget {

    private CauseTarget() {
    }

    /**
     * The edge of the relationship the cause names, or else the first edge through the foreign
     * key it names; null when it names neither (e.g. a plain session.get).
     */
    static Selection selection(Scenario scenario, Cause cause) {
        if (scenario == null || cause == null) {
            return null;
        }
        if (cause.relationship() != null) {
            int dot = cause.relationship().indexOf('.');
            if (dot > 0) {
                String cls = cause.relationship().substring(0, dot);
                String rel = cause.relationship().substring(dot + 1);
                if (MappedEdge.find(scenario, cls, rel) != null) {
                    return new Selection.Edge(cls, rel);
                }
            }
        }
        if (cause.foreignKey() != null) {
            for (MappedEdge e : MappedEdge.all(scenario)) {
                if (e.foreignKey() != null && cause.foreignKey().startsWith(e.fkTable() + "." + e.foreignKey().columns().get(0))) {
                    return new Selection.Edge(e.sourceClass(), e.name());
                }
            }
        }
        return null;
    }
}
