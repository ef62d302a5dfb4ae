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

    /**
     * The cascade with some options added and others taken away, changing only those words of the
     * text as written: "all, delete" stays "all, delete" when delete is to be added (it is there),
     * gains ", delete-orphan" when that is added, and "all" is spelled out only when one of its
     * options is taken away. Nothing to change gives the relationship back as it was.
     */
    static Relationship cascade(Relationship rel, Set<CascadeOption> add, Set<CascadeOption> remove) {
        Set<CascadeOption> now = rel.cascadeOptions();
        Set<CascadeOption> wanted = EnumSet.noneOf(CascadeOption.class);
        wanted.addAll(now);
        wanted.addAll(add);
        wanted.removeAll(remove);
        if (wanted.equals(now)) {
            return rel;
        }
        List<String> words = new ArrayList<>();
        for (String part : (rel.cascade() == null ? Cascade.DEFAULT : rel.cascade()).split(",")) {
            String w = part.trim();
            if (w.isEmpty()) {
                continue;
            }
            CascadeOption o = CascadeOption.fromKeyword(w);
            if (w.equals("all") && remove.stream().anyMatch(Cascade.ALL::contains)) {
                for (CascadeOption member : Cascade.ALL) {
                    if (!remove.contains(member)) {
                        addOnce(words, member.keyword());
                    }
                }
            } else if (w.equals("none") && !add.isEmpty() || o != null && remove.contains(o)) {
                continue;
            } else {
                addOnce(words, w);
            }
        }
        for (CascadeOption o : add) {
            if (!remove.contains(o) && !Cascade.parse(words.isEmpty() ? "none" : String.join(", ", words)).contains(o)) {
                addOnce(words, o.keyword());
            }
        }
        String text = words.isEmpty() ? "none" : String.join(", ", words);
        // the minimal edit must mean what was asked; if it cannot, the canonical spelling does
        return rel.withCascade(Cascade.parse(text).equals(wanted) ? text : Cascade.format(wanted));
    }

    private static void addOnce(List<String> words, String w) {
        if (!words.contains(w)) {
            words.add(w);
        }
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
