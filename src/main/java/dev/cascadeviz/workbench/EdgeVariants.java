package dev.cascadeviz.workbench;

import dev.cascadeviz.model.Cascade;
import dev.cascadeviz.model.CascadeOption;
import dev.cascadeviz.model.PassiveDeletes;
import dev.cascadeviz.model.ReferentialAction;
import dev.cascadeviz.model.Relationship;
import dev.cascadeviz.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The other settings a relationship could have, to compare the scenario with: the usual cascade
 * strings, the other passive_deletes values, and the other ON DELETE rules of its foreign key.
 * No JavaFX here.
 */
public final class EdgeVariants {

    /** One alternative: what it sets, in Python's words, and the edit that sets it. */
    public record Variant(String group, String label, UnaryOperator<Scenario> change) {

        @Override
        public String toString() {
            return label;
        }
    }

    private static final List<String> CASCADES = List.of(Cascade.DEFAULT, "all", "all, delete-orphan",
            "save-update, merge, delete", "save-update, merge, delete, delete-orphan");
    private static final List<ReferentialAction> RULES = List.of(ReferentialAction.CASCADE, ReferentialAction.SET_NULL,
            ReferentialAction.RESTRICT);

    private EdgeVariants() {
    }

    /** Every alternative to the edge's current setting, cascade first, then passive_deletes, then ON DELETE. */
    public static List<Variant> of(MappedEdge edge) {
        List<Variant> out = new ArrayList<>();
        Relationship r = edge.relationship();
        String cls = edge.sourceClass();
        String rel = edge.name();
        for (String c : CASCADES) {
            Set<CascadeOption> options = Cascade.parse(c);
            if (!options.equals(r.cascadeOptions())) {
                out.add(new Variant("cascade", "cascade=\"" + c + "\"", Edits.relationship(cls, rel, x -> x.withCascade(c))));
            }
        }
        for (PassiveDeletes pd : PassiveDeletes.values()) {
            if (pd != r.effectivePassiveDeletes()) {
                out.add(new Variant("passive_deletes", "passive_deletes=" + pd.pythonLiteral(),
                        Edits.relationship(cls, rel, x -> x.withPassiveDeletes(pd))));
            }
        }
        if (edge.foreignKey() != null) {
            ReferentialAction current = edge.foreignKey().ondelete();
            if (current != null) {
                out.add(new Variant("ondelete", "no ON DELETE rule on " + edge.foreignKeyLabel(),
                        Edits.ondelete(edge.fkTable(), edge.foreignKey(), null)));
            }
            for (ReferentialAction a : RULES) {
                if (a != current) {
                    out.add(new Variant("ondelete", "ondelete=\"" + a.sql() + "\" on " + edge.foreignKeyLabel(),
                            Edits.ondelete(edge.fkTable(), edge.foreignKey(), a)));
                }
            }
        }
        return out;
    }

    /** The edge's settings in the scenario, as its Python would read: cascade, passive_deletes, ondelete. */
    public static String describe(Scenario s, String cls, String rel) {
        MappedEdge edge = MappedEdge.find(s, cls, rel);
        if (edge == null) {
            return cls + "." + rel + " (missing)";
        }
        Relationship r = edge.relationship();
        String text = "cascade=\"" + r.effectiveCascade() + "\", passive_deletes=" + r.effectivePassiveDeletes().pythonLiteral();
        if (edge.foreignKey() != null) {
            ReferentialAction a = edge.foreignKey().ondelete();
            text += ", " + (a == null ? "no ON DELETE" : "ondelete=\"" + a.sql() + "\"");
        }
        return text;
    }
}
