package dev.cascadeviz.advice;

import dev.cascadeviz.model.Cascade;
import dev.cascadeviz.model.CascadeOption;
import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.PassiveDeletes;
import dev.cascadeviz.model.ReferentialAction;
import dev.cascadeviz.model.Relationship;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The edits the fixes make: one setting of one relationship, foreign key or database. */
final class ScenarioChanges {

    private ScenarioChanges() {
    }

    static Scenario relationship(Scenario s, String owner, String name, UnaryOperator<Relationship> change) {
        MappedClass cls = s.mappedClass(owner);
        return s.withClass(cls.withRelationship(change.apply(cls.relationship(name))));
    }

    /** The cascade with some options added and others taken away, written the way SQLAlchemy's docs write it. */
    static Relationship cascade(Relationship rel, Set<CascadeOption> add, Set<CascadeOption> remove) {
        Set<CascadeOption> options = EnumSet.noneOf(CascadeOption.class);
        options.addAll(rel.cascadeOptions());
        options.addAll(add);
        options.removeAll(remove);
        return rel.withCascade(Cascade.format(options));
    }

    static Relationship passiveDeletes(Relationship rel, PassiveDeletes value) {
        return rel.withPassiveDeletes(value);
    }

    static Relationship backPopulates(Relationship r, String value) {
        return new Relationship(r.name(), r.target(), r.cascade(), r.passiveDeletes(), value, r.secondary(),
                r.uselist(), r.singleParent(), r.postUpdate(), r.viewonly(), r.lazy(), r.passiveUpdates(),
                r.orderBy(), r.foreignKeys(), r.remoteSide());
    }

    /** The same foreign key with another ON DELETE rule, wherever the file declares it. */
    static Scenario ondelete(Scenario s, String tableName, ForeignKey fk, ReferentialAction action) {
        Table table = s.table(tableName);
        if (!fk.isComposite()) {
            Column c = table.column(fk.columns().get(0));
            if (c.foreignKey() != null && table.compositeForeignKeys().stream().noneMatch(fk::equals)) {
                return s.withTable(table.withColumn(c.withOndelete(action)));
            }
        }
        List<ForeignKey> keys = new ArrayList<>();
        for (ForeignKey k : table.compositeForeignKeys()) {
            keys.add(k.equals(fk) ? k.withOndelete(action) : k);
        }
        return s.withTable(table.withCompositeForeignKeys(keys));
    }
}
