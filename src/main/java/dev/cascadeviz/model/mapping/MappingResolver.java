package dev.cascadeviz.model.mapping;

import dev.cascadeviz.model.CascadeOption;
import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.PassiveDeletes;
import dev.cascadeviz.model.QualifiedColumn;
import dev.cascadeviz.model.Relationship;
import dev.cascadeviz.model.Release;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves relationships the way SQLAlchemy's {@code RelationshipProperty} configures them:
 * the join condition from the foreign keys ({@code sql.util.join_condition}), the direction
 * ({@code JoinCondition._determine_direction}), then the cascade checks
 * ({@code _check_cascade_settings}) and back_populates checks.
 */
public final class MappingResolver {

    private MappingResolver() {
    }

    /**
     * Resolves joins and directions only: what a file needs to be loadable at all.
     *
     * @throws MappingException for a relationship whose join or direction cannot be derived
     */
    public static Mapping resolveStructure(Scenario scenario) throws MappingException {
        Map<String, Map<String, RelationshipMapping>> byClass = new LinkedHashMap<>();
        for (MappedClass cls : scenario.classes().values()) {
            Map<String, RelationshipMapping> rels = new LinkedHashMap<>();
            for (Relationship rel : cls.relationships().values()) {
                rels.put(rel.name(), resolve(scenario, cls, rel));
            }
            byClass.put(cls.name(), rels);
        }
        return new Mapping(scenario, byClass);
    }

    /**
     * Resolves and checks everything SQLAlchemy checks when mappers configure.
     *
     * @throws MappingException the first refusal, with SQLAlchemy's exception type and message
     */
    public static Mapping resolve(Scenario scenario) throws MappingException {
        Mapping mapping = resolveStructure(scenario);
        for (RelationshipMapping rel : mapping.all()) {
            checkCascade(rel, scenario);
        }
        for (RelationshipMapping rel : mapping.all()) {
            checkReverse(mapping, rel);
        }
        return mapping;
    }

    /** SQLAlchemy 2.1's SADeprecationWarning for {@code lazy='noload'}, when mappers configure. */
    static final String NOLOAD_DEPRECATED = "The ``noload`` loader strategy is deprecated and will be removed in a "
            + "future release.  This option produces incorrect results by returning ``None`` for related items. "
            + "(deprecated since: 2.1)";

    /** The warnings SQLAlchemy emits while the relationships are built (some only in one release). */
    public static List<String> warnings(Scenario scenario) {
        List<String> warnings = new ArrayList<>();
        for (MappedClass cls : scenario.classes().values()) {
            for (Relationship rel : cls.relationships().values()) {
                var options = rel.cascadeOptions();
                if (options.contains(CascadeOption.DELETE_ORPHAN) && !options.contains(CascadeOption.DELETE)) {
                    warnings.add("The 'delete-orphan' cascade option requires 'delete'.");
                }
                if (scenario.release() == Release.V2_1 && "noload".equals(rel.effectiveLazy())) {
                    warnings.add(NOLOAD_DEPRECATED);
                }
            }
        }
        return warnings;
    }

    private static void checkCascade(RelationshipMapping rel, Scenario scenario) throws MappingException {
        var cascade = rel.cascade();
        if (cascade.contains(CascadeOption.DELETE_ORPHAN) && !rel.relationship().isSingleParent()
                && rel.direction() != Direction.ONE_TO_MANY) {
            throw new MappingException("ArgumentError", rel.owner(), rel.name(),
                    "For " + rel.direction().label() + " relationship " + rel.qualifiedName()
                            + ", delete-orphan cascade is normally configured only on the \"one\" side of a "
                            + "one-to-many relationship, and not on the \"many\" side of a many-to-one or "
                            + "many-to-many relationship.  To force this relationship to allow a particular \""
                            + rel.target() + "\" object to be referred towards by only a single \"" + rel.owner()
                            + "\" object at a time via the " + rel.qualifiedName() + " relationship, which would "
                            + "allow delete-orphan cascade to take place in this direction, set the "
                            + "single_parent=True flag. (Background on this error at: https://sqlalche.me/e/14/bbf0)");
        }
        if (rel.passiveDeletes() == PassiveDeletes.ALL
                && (cascade.contains(CascadeOption.DELETE) || cascade.contains(CascadeOption.DELETE_ORPHAN))) {
            throw new MappingException("ArgumentError", rel.owner(), rel.name(),
                    "On " + rel.qualifiedName() + ", can't set passive_deletes='all' in conjunction with "
                            + "'delete' or 'delete-orphan' cascade");
        }
    }

    private static void checkReverse(Mapping mapping, RelationshipMapping rel) throws MappingException {
        if (rel.backPopulates() == null) {
            return;
        }
        RelationshipMapping other = mapping.relationship(rel.target(), rel.backPopulates());
        if (other == null) {
            throw new MappingException("InvalidRequestError", rel.owner(), rel.name(),
                    "Mapper 'Mapper[" + rel.target() + "(" + rel.targetTable() + ")]' has no property '"
                            + rel.backPopulates() + "'");
        }
        if (!other.target().equals(rel.owner())) {
            throw new MappingException("ArgumentError", rel.owner(), rel.name(),
                    "reverse_property '" + rel.backPopulates() + "' on relationship " + rel.qualifiedName()
                            + " references relationship " + other.qualifiedName() + ", which does not reference mapper "
                            + "Mapper[" + rel.owner() + "(" + rel.parentTable() + ")]");
        }
        if (rel.direction() != Direction.MANY_TO_MANY && rel.direction() == other.direction()) {
            throw new MappingException("ArgumentError", rel.owner(), rel.name(),
                    other.qualifiedName() + " and back-reference " + rel.qualifiedName()
                            + " are both of the same direction " + symbol(rel.direction())
                            + ".  Did you mean to set remote_side on the many-to-one side ?");
        }
    }

    private static String symbol(Direction d) {
        return switch (d) {
            case ONE_TO_MANY -> "symbol('ONETOMANY')";
            case MANY_TO_ONE -> "symbol('MANYTOONE')";
            case MANY_TO_MANY -> "symbol('MANYTOMANY')";
        };
    }

    private static RelationshipMapping resolve(Scenario s, MappedClass cls, Relationship rel) throws MappingException {
        MappedClass targetClass = s.mappedClass(rel.target());
        if (targetClass == null) {
            throw new MappingException("InvalidRequestError", cls.name(), rel.name(),
                    "When initializing mapper Mapper[" + cls.name() + "(" + cls.table() + ")], expression '"
                            + rel.target() + "' failed to locate a name ('" + rel.target() + "').");
        }
        Table parent = s.table(cls.table());
        Table target = s.table(targetClass.table());
        Set<QualifiedColumn> consider = qualified(rel.foreignKeys());
        String name = cls.name() + "." + rel.name();
        boolean uselistDefault;
        if (rel.secondary() != null) {
            Table secondary = s.table(rel.secondary());
            List<JoinPair> primary = joinCondition(parent, secondary, consider, name);
            List<JoinPair> secondaryJoin = joinCondition(target, secondary, consider, name);
            uselistDefault = true;
            return new RelationshipMapping(cls.name(), rel, targetClass.name(), parent.name(), target.name(),
                    secondary.name(), Direction.MANY_TO_MANY, primary, secondaryJoin,
                    rel.uselist() == null ? uselistDefault : rel.uselist(), parent == target, false);
        }
        List<JoinPair> join = joinCondition(parent, target, consider, name);
        Set<QualifiedColumn> foreign = new HashSet<>();
        for (JoinPair p : join) {
            foreign.add(p.foreign());
        }
        boolean toMany = foreign.stream().anyMatch(c -> c.table().equals(target.name()));
        boolean toOne = foreign.stream().anyMatch(c -> c.table().equals(parent.name()));
        Direction direction;
        if (toMany && toOne) {
            direction = selfReferentialDirection(join, qualified(rel.remoteSide()), name);
        } else if (toMany) {
            direction = Direction.ONE_TO_MANY;
        } else if (toOne) {
            direction = Direction.MANY_TO_ONE;
        } else {
            throw new MappingException("ArgumentError", cls.name(), rel.name(),
                    "Can't determine relationship direction for relationship '" + name
                            + "' - foreign key columns are present in neither the parent nor the child's mapped tables");
        }
        boolean useGet = false;
        if (direction == Direction.MANY_TO_ONE) {
            Set<String> referenced = new HashSet<>();
            for (JoinPair p : join) {
                referenced.add(p.referenced().column());
            }
            Set<String> pk = new HashSet<>();
            for (Column c : target.primaryKey()) {
                pk.add(c.name());
            }
            useGet = referenced.equals(pk) && join.size() == pk.size();
        }
        uselistDefault = direction != Direction.MANY_TO_ONE;
        return new RelationshipMapping(cls.name(), rel, targetClass.name(), parent.name(), target.name(), null,
                direction, join, null, rel.uselist() == null ? uselistDefault : rel.uselist(), parent == target, useGet);
    }

    /**
     * For a table joined to itself: remote_side (or, without it, the foreign columns) are the
     * remote ones; foreign-and-remote means one-to-many, foreign-not-remote many-to-one.
     */
    private static Direction selfReferentialDirection(List<JoinPair> join, Set<QualifiedColumn> remoteSide, String name)
            throws MappingException {
        Set<QualifiedColumn> remote = new HashSet<>();
        if (remoteSide.isEmpty()) {
            join.forEach(p -> remote.add(p.foreign()));
        } else {
            remote.addAll(remoteSide);
        }
        boolean oneToManyLocal = false;
        boolean manyToOneLocal = false;
        for (JoinPair p : join) {
            if (remote.contains(p.foreign())) {
                oneToManyLocal = true;
            } else {
                manyToOneLocal = true;
            }
        }
        if (oneToManyLocal && !manyToOneLocal) {
            return Direction.ONE_TO_MANY;
        }
        if (manyToOneLocal && !oneToManyLocal) {
            return Direction.MANY_TO_ONE;
        }
        throw new MappingException("ArgumentError", name.substring(0, name.indexOf('.')), name.substring(name.indexOf('.') + 1),
                "Can't determine relationship direction for relationship '" + name + "' - foreign key columns "
                        + "within the join condition are present in both the parent and the child's mapped tables.  "
                        + "Ensure that only those columns referring to a parent column are marked as foreign, either "
                        + "via the foreign() annotation or via the foreign_keys argument.");
    }

    /**
     * {@code sql.util.join_condition(a, b)}: the foreign keys of b referring to a, else those of a
     * referring to b; exactly one constraint must remain.
     */
    static List<JoinPair> joinCondition(Table a, Table b, Set<QualifiedColumn> consider, String relName)
            throws MappingException {
        Map<ForeignKey, List<JoinPair>> constraints = new LinkedHashMap<>();
        collect(b, a, consider, constraints);
        if (a != b) {
            collect(a, b, consider, constraints);
        }
        String cls = relName.substring(0, relName.indexOf('.'));
        String rel = relName.substring(relName.indexOf('.') + 1);
        if (constraints.isEmpty()) {
            throw new MappingException("NoForeignKeysError", cls, rel,
                    "Could not determine join condition between parent/child tables on relationship " + relName
                            + " - there are no foreign keys linking these tables.  Ensure that referencing columns are "
                            + "associated with a ForeignKey or ForeignKeyConstraint, or specify a 'primaryjoin' expression.");
        }
        if (constraints.size() > 1) {
            throw new MappingException("AmbiguousForeignKeysError", cls, rel,
                    "Could not determine join condition between parent/child tables on relationship " + relName
                            + " - there are multiple foreign key paths linking the tables.  Specify the 'foreign_keys' "
                            + "argument, providing a list of those columns which should be counted as containing a "
                            + "foreign key reference to the parent table.");
        }
        return constraints.values().iterator().next();
    }

    /** Foreign keys of {@code holder} that reference {@code referenced}, in column order. */
    private static void collect(Table holder, Table referenced, Set<QualifiedColumn> consider,
                                Map<ForeignKey, List<JoinPair>> out) {
        for (ForeignKey fk : holder.allForeignKeys()) {
            if (!fk.referencedTable().equals(referenced.name())) {
                continue;
            }
            List<JoinPair> pairs = new ArrayList<>();
            for (int i = 0; i < fk.columns().size(); i++) {
                QualifiedColumn local = new QualifiedColumn(holder.name(), fk.columns().get(i));
                if (!consider.isEmpty() && !consider.contains(local)) {
                    continue;
                }
                pairs.add(new JoinPair(new QualifiedColumn(referenced.name(), fk.referencedColumns().get(i)), local));
            }
            if (!pairs.isEmpty()) {
                List<String> order = new ArrayList<>(holder.columns().keySet());
                pairs.sort(java.util.Comparator.comparingInt(p -> order.indexOf(p.foreign().column())));
                out.put(fk, pairs);
            }
        }
    }

    private static Set<QualifiedColumn> qualified(List<String> names) {
        Set<QualifiedColumn> out = new HashSet<>();
        for (String n : names) {
            QualifiedColumn q = QualifiedColumn.parse(n);
            if (q != null) {
                out.add(q);
            }
        }
        return out;
    }
}
