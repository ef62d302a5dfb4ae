package dev.cascadeviz.workbench;

import dev.cascadeviz.model.Cascade;
import dev.cascadeviz.model.CascadeOption;
import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.Point;
import dev.cascadeviz.model.ReferentialAction;
import dev.cascadeviz.model.Relationship;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.model.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The scenario changes the window offers, each a pure function from one scenario to the next. */
public final class Edits {

    private Edits() {
    }

    public static UnaryOperator<Scenario> relationship(String cls, String rel, UnaryOperator<Relationship> change) {
        return s -> {
            MappedClass c = s.mappedClass(cls);
            if (c == null || c.relationship(rel) == null) {
                throw new IllegalArgumentException("no relationship " + cls + "." + rel);
            }
            return s.withClass(c.withRelationship(change.apply(c.relationship(rel))));
        };
    }

    /** The cascade as a set of options; the string SQLAlchemy would be given is written in stable order. */
    public static UnaryOperator<Scenario> cascade(String cls, String rel, Set<CascadeOption> options) {
        return relationship(cls, rel, r -> r.cascadeOptions().equals(options) ? r : r.withCascade(Cascade.format(options)));
    }

    public static UnaryOperator<Scenario> foreignKey(String table, ForeignKey fk, UnaryOperator<ForeignKey> change) {
        return s -> {
            Table t = s.table(table);
            if (t == null) {
                throw new IllegalArgumentException("no table " + table);
            }
            ForeignKey changed = change.apply(fk);
            if (!fk.isComposite()) {
                Column c = t.column(fk.columns().get(0));
                return s.withTable(t.withColumn(c.withOndelete(changed.ondelete()).withOnupdate(changed.onupdate())));
            }
            List<ForeignKey> keys = new ArrayList<>();
            for (ForeignKey k : t.compositeForeignKeys()) {
                keys.add(k.equals(fk) ? changed : k);
            }
            return s.withTable(t.withCompositeForeignKeys(keys));
        };
    }

    public static UnaryOperator<Scenario> ondelete(String table, ForeignKey fk, ReferentialAction action) {
        return foreignKey(table, fk, k -> k.withOndelete(action));
    }

    public static UnaryOperator<Scenario> onupdate(String table, ForeignKey fk, ReferentialAction action) {
        return foreignKey(table, fk, k -> k.withOnupdate(action));
    }

    public static UnaryOperator<Scenario> nullable(String table, String column, boolean nullable) {
        return s -> {
            Table t = s.table(table);
            return s.withTable(t.withColumn(t.column(column).withNullable(nullable)));
        };
    }

    public static UnaryOperator<Scenario> steps(List<Step> steps) {
        return s -> s.withSteps(steps);
    }

    /** {@code session.delete(obj)} then commit: what a row's "delete" action runs. */
    public static UnaryOperator<Scenario> deleteAndCommit(ObjectRef object) {
        return steps(List.of(new Step.Delete(object), new Step.Commit()));
    }

    public static UnaryOperator<Scenario> removeAndCommit(ObjectRef item, ObjectRef parent, String attribute) {
        return steps(List.of(new Step.Remove(item, parent, attribute), new Step.Commit()));
    }

    public static UnaryOperator<Scenario> setNoneAndCommit(ObjectRef object, String attribute) {
        return steps(List.of(new Step.Set(object, attribute, null), new Step.Commit()));
    }

    /** Moves one class's node; the other nodes keep their shown positions, so the whole layout is saved. */
    public static UnaryOperator<Scenario> layout(Map<String, Point> positions) {
        return s -> s.withLayout(new LinkedHashMap<>(positions));
    }
}
