package dev.cascadeviz.advice;

import static dev.cascadeviz.model.CascadeOption.DELETE;
import static dev.cascadeviz.model.CascadeOption.DELETE_ORPHAN;

import dev.cascadeviz.advice.Advice.Kind;
import dev.cascadeviz.model.CascadeOption;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.PassiveDeletes;
import dev.cascadeviz.model.ReferentialAction;
import dev.cascadeviz.model.Relationship;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.model.mapping.Direction;
import dev.cascadeviz.model.mapping.Mapping;
import dev.cascadeviz.model.mapping.MappingException;
import dev.cascadeviz.model.mapping.MappingResolver;
import dev.cascadeviz.model.mapping.RelationshipMapping;
import dev.cascadeviz.text.Articles;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Warnings about a scenario before anything runs: settings that make the ORM and the database
 * work against each other, or that SQLAlchemy itself warns about. Each comes with the fix it
 * suggests.
 */
public final class Advisor {

    private Advisor() {
    }

    /** Every warning for the scenario, in the order of its classes and relationships. */
    public static List<Advice> check(Scenario scenario) {
        List<Advice> out = new ArrayList<>();
        checkSqliteForeignKeys(scenario, out);
        for (MappedClass cls : scenario.classes().values()) {
            for (Relationship rel : cls.relationships().values()) {
                checkDeleteOrphanWithoutDelete(cls, rel, out);
            }
        }
        Mapping mapping;
        try {
            mapping = MappingResolver.resolveStructure(scenario);
        } catch (MappingException e) {
            return out; // the loader and the simulator say what is wrong with the mapping itself
        }
        for (RelationshipMapping rel : mapping.all()) {
            if (rel.viewonly()) {
                continue;
            }
            ForeignKey fk = rel.foreignKey(scenario);
            switch (rel.direction()) {
                case ONE_TO_MANY -> {
                    checkOndeleteCascade(rel, fk, out);
                    checkPassiveDeletesWithoutRule(scenario, rel, fk, out);
                    checkPassiveDeletesBlocked(scenario, rel, fk, out);
                    checkNotNullOrPrimaryKey(scenario, rel, fk, out);
                }
                case MANY_TO_ONE -> checkManyToOneDelete(rel, out);
                case MANY_TO_MANY -> {
                    checkPassiveDeletesWithoutRule(scenario, rel, fk, out);
                    checkBothSides(mapping, rel, out);
                    checkMappedTwice(mapping, rel, out);
                }
            }
        }
        return out;
    }

    private static String table(RelationshipMapping rel) {
        return rel.primaryJoin().get(0).foreign().table();
    }

    private static String columns(RelationshipMapping rel, ForeignKey fk) {
        String t = table(rel);
        return String.join(", ", fk.columns().stream().map(c -> t + "." + c).toList());
    }

    private static String rule(RelationshipMapping rel, ForeignKey fk) {
        return columns(rel, fk) + " ON DELETE " + fk.ondelete().sql();
    }

    /** "a Song", "an Order", "a User": by sound. */
    private static String a(String noun) {
        return Articles.with(noun);
    }

    private static boolean doesWork(ReferentialAction a) {
        return a == ReferentialAction.CASCADE || a == ReferentialAction.SET_NULL || a == ReferentialAction.SET_DEFAULT;
    }

    private static Fix cascadeFix(RelationshipMapping rel, String description, Set<CascadeOption> add,
                                  Set<CascadeOption> remove, PassiveDeletes passive) {
        return new Fix(description, s -> ScenarioChanges.relationship(s, rel.owner(), rel.name(), r -> {
            Relationship changed = ScenarioChanges.cascade(r, add, remove);
            return passive == null ? changed : changed.withPassiveDeletes(passive);
        }));
    }

    // ---- the checks

    private static void checkSqliteForeignKeys(Scenario s, List<Advice> out) {
        if (s.database().engine() != Engine.SQLITE || s.database().foreignKeys()) {
            return;
        }
        for (Table t : s.tables().values()) {
            for (ForeignKey fk : t.allForeignKeys()) {
                if (doesWork(fk.ondelete()) || doesWork(fk.onupdate())) {
                    String col = t.name() + "." + String.join(", ", fk.columns());
                    out.add(new Advice(Kind.SQLITE_FOREIGN_KEYS_OFF, "SQLite enforces foreign keys only after "
                            + "PRAGMA foreign_keys=ON, which is off here: rules such as " + col + " ON "
                            + (doesWork(fk.ondelete()) ? "DELETE " + fk.ondelete().sql() : "UPDATE " + fk.onupdate().sql())
                            + " will not run and references can be left dangling.", null, col,
                            new Fix("Turn SQLite's foreign keys on (PRAGMA foreign_keys=ON)",
                                    sc -> sc.withDatabase(sc.database().withForeignKeys(true)))));
                    return;
                }
            }
        }
    }

    private static void checkDeleteOrphanWithoutDelete(MappedClass cls, Relationship rel, List<Advice> out) {
        if (rel.cascades(DELETE_ORPHAN) && !rel.cascades(DELETE)) {
            String name = cls.name() + "." + rel.name();
            out.add(new Advice(Kind.DELETE_ORPHAN_WITHOUT_DELETE, "The 'delete-orphan' cascade option requires "
                    + "'delete'.", name, null,
                    new Fix("Add delete to the cascade of " + name, s -> ScenarioChanges.relationship(s, cls.name(),
                            rel.name(), r -> ScenarioChanges.cascade(r, EnumSet.of(DELETE), Set.of())))));
        }
    }

    /** ON DELETE CASCADE in the database, but the ORM loads the children and nulls or deletes them first. */
    private static void checkOndeleteCascade(RelationshipMapping rel, ForeignKey fk, List<Advice> out) {
        if (fk == null || fk.ondelete() != ReferentialAction.CASCADE || rel.passiveDeletes() != PassiveDeletes.FALSE) {
            return;
        }
        String what = rel.cascades(DELETE)
                ? "loads every " + rel.target() + " and deletes each one itself"
                : "loads every " + rel.target() + " and sets " + columns(rel, fk) + " to NULL first (it has no delete "
                + "cascade)";
        out.add(new Advice(Kind.ONDELETE_CASCADE_WITHOUT_PASSIVE_DELETES, "The database has " + rule(rel, fk)
                + ", but " + rel.qualifiedName() + " has passive_deletes=False: before deleting " + a(rel.owner())
                + " the ORM " + what + ", so the rule never gets to do the work.", rel.qualifiedName(),
                columns(rel, fk), cascadeFix(rel, "Set passive_deletes=True on " + rel.qualifiedName()
                + (rel.cascades(DELETE) ? "" : " and add delete to its cascade") + ", leaving the children to "
                + rule(rel, fk), EnumSet.of(DELETE), Set.of(), PassiveDeletes.TRUE)));
    }

    private static void checkPassiveDeletesWithoutRule(Scenario s, RelationshipMapping rel, ForeignKey fk,
                                                       List<Advice> out) {
        if (fk == null || rel.passiveDeletes() == PassiveDeletes.FALSE || doesWork(fk.ondelete())) {
            return;
        }
        boolean nullable = fk.columns().stream().allMatch(c -> {
            var col = s.table(table(rel)).column(c);
            return col.nullable() && !col.primaryKey();
        });
        ReferentialAction action = rel.direction() == Direction.MANY_TO_MANY || rel.cascades(DELETE) || !nullable
                ? ReferentialAction.CASCADE : ReferentialAction.SET_NULL;
        String col = columns(rel, fk);
        out.add(new Advice(Kind.PASSIVE_DELETES_WITHOUT_DATABASE_RULE, rel.qualifiedName() + " has passive_deletes="
                + rel.passiveDeletes().pythonLiteral() + ", so the ORM leaves rows it has not loaded to the database, "
                + "but " + col + " has no ON DELETE rule: deleting " + a(rel.owner()) + " leaves those rows pointing "
                + "at nothing, or the database refuses the DELETE.", rel.qualifiedName(), col,
                new Fix("Give " + col + " ON DELETE " + action.sql(),
                        sc -> ScenarioChanges.ondelete(sc, table(rel), fk, action))));
    }

    /**
     * passive_deletes leaves the children to the database's ON DELETE CASCADE, but a foreign key
     * further down (a grandchild's, without a rule) refuses the rows that cascade would delete.
     */
    private static void checkPassiveDeletesBlocked(Scenario s, RelationshipMapping rel, ForeignKey fk, List<Advice> out) {
        if (fk == null || rel.passiveDeletes() == PassiveDeletes.FALSE || fk.ondelete() != ReferentialAction.CASCADE) {
            return;
        }
        BlockedDatabaseCascade.Block block = BlockedDatabaseCascade.blocking(s, table(rel));
        if (block == null) {
            return;
        }
        out.add(new Advice(Kind.PASSIVE_DELETES_CASCADE_BLOCKED, rel.qualifiedName() + " has passive_deletes="
                + rel.passiveDeletes().pythonLiteral() + ", leaving its " + rel.target() + " rows to " + rule(rel, fk)
                + ", but " + block.describe() + " has no ON DELETE rule: while any row still refers to a row that"
                + " cascade deletes, the database refuses the DELETE of " + a(rel.owner()) + " (IntegrityError).",
                rel.qualifiedName(), block.columns(),
                new Fix("Give " + block.columns() + " ON DELETE CASCADE, so the database's cascade goes on down",
                        sc -> ScenarioChanges.ondelete(sc, block.table(), block.foreignKey(), ReferentialAction.CASCADE))));
    }

    private static void checkNotNullOrPrimaryKey(Scenario s, RelationshipMapping rel, ForeignKey fk, List<Advice> out) {
        if (fk == null || rel.cascades(DELETE) || rel.passiveDeletes() == PassiveDeletes.ALL
                || (rel.passiveDeletes() == PassiveDeletes.TRUE && doesWork(fk.ondelete()))) {
            return;
        }
        Table child = s.table(table(rel));
        String col = columns(rel, fk);
        Fix addDelete = cascadeFix(rel, "Add delete to the cascade of " + rel.qualifiedName()
                + ", so its children are deleted with it", EnumSet.of(DELETE), Set.of(), null);
        boolean inPrimaryKey = fk.columns().stream().anyMatch(c -> child.column(c).primaryKey());
        if (inPrimaryKey) {
            out.add(new Advice(Kind.PRIMARY_KEY_FOREIGN_KEY_WITHOUT_DELETE_CASCADE, rel.qualifiedName()
                    + " has no delete cascade, so deleting " + a(rel.owner()) + " makes the ORM blank out " + col
                    + ", which is part of " + child.name() + "'s primary key: the flush fails with \"Dependency rule "
                    + "tried to blank-out primary key column '" + col + "'\".", rel.qualifiedName(), col, addDelete));
            return;
        }
        boolean notNull = fk.columns().stream().anyMatch(c -> !child.column(c).nullable());
        if (notNull) {
            out.add(new Advice(Kind.NOT_NULL_FOREIGN_KEY_WITHOUT_DELETE_CASCADE, rel.qualifiedName()
                    + " has no delete cascade, so deleting " + a(rel.owner()) + " makes the ORM set " + col
                    + " to NULL, but the column is NOT NULL: the flush fails with IntegrityError (NOT NULL "
                    + "constraint failed: " + col + ").", rel.qualifiedName(), col, addDelete));
        }
    }

    private static void checkManyToOneDelete(RelationshipMapping rel, List<Advice> out) {
        if (!rel.cascades(DELETE)) {
            return;
        }
        out.add(new Advice(Kind.DELETE_CASCADE_ON_MANY_TO_ONE, rel.qualifiedName() + " is many-to-one and its cascade "
                + "includes delete: deleting one " + rel.owner() + " also deletes its " + rel.target()
                + ", which other " + rel.owner() + " objects may still refer to. Delete cascade is normally "
                + "configured on the \"one\" side of a one-to-many relationship.", rel.qualifiedName(), null,
                cascadeFix(rel, "Remove delete and delete-orphan from the cascade of " + rel.qualifiedName(),
                        Set.of(), EnumSet.of(DELETE, DELETE_ORPHAN), null)));
    }

    private static void checkBothSides(Mapping mapping, RelationshipMapping rel, List<Advice> out) {
        RelationshipMapping other = mapping.reverse(rel);
        if (other == null || !rel.cascades(DELETE) || !other.cascades(DELETE)
                || rel.qualifiedName().compareTo(other.qualifiedName()) > 0) {
            return;
        }
        out.add(new Advice(Kind.CASCADE_ON_BOTH_SIDES_OF_MANY_TO_MANY, rel.qualifiedName() + " and "
                + other.qualifiedName() + " both cascade delete across " + rel.secondary() + ": deleting one "
                + rel.owner() + " deletes its " + rel.target() + " objects, each of which deletes its "
                + other.target() + " objects in turn, until everything linked is gone.", other.qualifiedName(), null,
                cascadeFix(other, "Remove delete and delete-orphan from the cascade of " + other.qualifiedName(),
                        Set.of(), EnumSet.of(DELETE, DELETE_ORPHAN), null)));
    }

    private static void checkMappedTwice(Mapping mapping, RelationshipMapping rel, List<Advice> out) {
        for (RelationshipMapping other : mapping.all()) {
            if (other == rel || other.viewonly() || other.direction() != Direction.MANY_TO_MANY
                    || !rel.secondary().equals(other.secondary())
                    || rel.qualifiedName().compareTo(other.qualifiedName()) >= 0
                    || rel.name().equals(other.backPopulates()) && other.name().equals(rel.backPopulates())) {
                continue;
            }
            if (!rel.target().equals(other.owner()) || !other.target().equals(rel.owner())) {
                continue;
            }
            String col = rel.primaryJoin().get(0).referenced() + " to column " + rel.primaryJoin().get(0).foreign();
            out.add(new Advice(Kind.ASSOCIATION_TABLE_MAPPED_TWICE, "relationship '" + rel.qualifiedName()
                    + "' will copy column " + col + ", which conflicts with relationship(s): '"
                    + other.qualifiedName() + "'. If this is not the intention, consider if these relationships "
                    + "should be linked with back_populates. Unlinked, each side deletes the association rows on its own, "
                    + "so deleting " + a(rel.owner()) + " and " + a(rel.target()) + " in one flush deletes the same "
                    + "row twice (StaleDataError).", rel.qualifiedName(), null,
                    new Fix("Link " + rel.qualifiedName() + " and " + other.qualifiedName() + " with back_populates",
                            s -> ScenarioChanges.relationship(ScenarioChanges.relationship(s, rel.owner(), rel.name(),
                                    r -> ScenarioChanges.backPopulates(r, other.name())), other.owner(), other.name(),
                                    r -> ScenarioChanges.backPopulates(r, rel.name())))));
        }
    }
}
