package dev.cascadeviz.workbench;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.QualifiedColumn;
import dev.cascadeviz.model.Relationship;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.model.mapping.Direction;
import dev.cascadeviz.model.mapping.Mapping;
import dev.cascadeviz.model.mapping.MappingException;
import dev.cascadeviz.model.mapping.MappingResolver;
import dev.cascadeviz.model.mapping.RelationshipMapping;
import java.util.ArrayList;
import java.util.List;

/**
 * A relationship as the graph draws it: from its class to its target, with the foreign key that
 * carries it (on the child table, or on the association table for a many-to-many).
 *
 * @param direction as SQLAlchemy derives it; null when the relationship cannot be resolved nor guessed
 * @param fkTable the table holding the foreign key, null when none was found
 * @param foreignKey the foreign key pointing at the side whose delete matters, null when none was found
 */
public record MappedEdge(String sourceClass, Relationship relationship, String targetClass, Direction direction,
                         String fkTable, ForeignKey foreignKey) {

    /** "one-to-many", "many-to-one", "many-to-many", or "?" when unknown. */
    public String directionLabel() {
        return direction == null ? "?" : direction.label();
    }

    public String name() {
        return relationship.name();
    }

    /** {@code Artist.songs} */
    public String qualifiedName() {
        return sourceClass + "." + relationship.name();
    }

    /** The FK column when the key has a single column, else null. */
    public Column foreignKeyColumn(Scenario scenario) {
        if (foreignKey == null || foreignKey.isComposite()) {
            return null;
        }
        Table t = scenario.table(fkTable);
        return t == null ? null : t.column(foreignKey.columns().get(0));
    }

    /** e.g. {@code song.artist_id → artist.id} */
    public String foreignKeyLabel() {
        if (foreignKey == null) {
            return "no foreign key";
        }
        return fkTable + "." + String.join(", ", foreignKey.columns()) + " → "
                + foreignKey.referencedTable() + "." + String.join(", ", foreignKey.referencedColumns());
    }

    /**
     * Every relationship of every class, in file order, resolved by the ORM's
     * {@link MappingResolver} (direction and join as SQLAlchemy derives them); a relationship it
     * cannot resolve is guessed from the foreign keys.
     */
    public static List<MappedEdge> all(Scenario scenario) {
        Mapping mapping;
        try {
            mapping = MappingResolver.resolveStructure(scenario);
        } catch (MappingException | RuntimeException e) {
            mapping = null;
        }
        List<MappedEdge> out = new ArrayList<>();
        for (MappedClass c : scenario.classes().values()) {
            for (Relationship r : c.relationships().values()) {
                RelationshipMapping m = mapping == null ? null : mapping.relationship(c.name(), r.name());
                out.add(m == null ? of(scenario, c, r) : fromMapping(m, scenario));
            }
        }
        return out;
    }

    private static MappedEdge fromMapping(RelationshipMapping m, Scenario scenario) {
        ForeignKey fk = m.foreignKey(scenario);
        return new MappedEdge(m.owner(), m.relationship(), m.target(), m.direction(),
                fk == null ? null : m.foreignKeyTable(), fk);
    }

    public static MappedEdge find(Scenario scenario, String className, String relationship) {
        for (MappedEdge e : all(scenario)) {
            if (e.sourceClass().equals(className) && e.name().equals(relationship)) {
                return e;
            }
        }
        return null;
    }

    /** The guess from the foreign keys alone, for a relationship the resolver refuses. */
    static MappedEdge of(Scenario scenario, MappedClass source, Relationship rel) {
        MappedClass target = scenario.mappedClass(rel.target());
        String sourceTable = source.table();
        String targetTable = target == null ? null : target.table();
        if (rel.secondary() != null) {
            return new MappedEdge(source.name(), rel, rel.target(), Direction.MANY_TO_MANY, rel.secondary(),
                    referencing(scenario.table(rel.secondary()), sourceTable));
        }
        if (targetTable == null) {
            return new MappedEdge(source.name(), rel, rel.target(), null, null, null);
        }
        if (sourceTable.equals(targetTable)) {
            ForeignKey fk = referencing(scenario.table(sourceTable), sourceTable);
            Direction d = rel.remoteSide().isEmpty() ? Direction.ONE_TO_MANY : Direction.MANY_TO_ONE;
            return new MappedEdge(source.name(), rel, rel.target(), d, fk == null ? null : sourceTable, fk);
        }
        if (!rel.foreignKeys().isEmpty()) {
            QualifiedColumn q = QualifiedColumn.parse(rel.foreignKeys().get(0));
            if (q != null && q.table().equals(sourceTable)) {
                return new MappedEdge(source.name(), rel, rel.target(), Direction.MANY_TO_ONE, sourceTable,
                        referencing(scenario.table(sourceTable), targetTable));
            }
        }
        ForeignKey down = referencing(scenario.table(targetTable), sourceTable);
        if (down != null) {
            return new MappedEdge(source.name(), rel, rel.target(), Direction.ONE_TO_MANY, targetTable, down);
        }
        ForeignKey up = referencing(scenario.table(sourceTable), targetTable);
        if (up != null) {
            return new MappedEdge(source.name(), rel, rel.target(), Direction.MANY_TO_ONE, sourceTable, up);
        }
        return new MappedEdge(source.name(), rel, rel.target(), null, null, null);
    }

    private static ForeignKey referencing(Table table, String referenced) {
        if (table == null) {
            return null;
        }
        for (ForeignKey fk : table.allForeignKeys()) {
            if (fk.referencedTable().equals(referenced)) {
                return fk;
            }
        }
        return null;
    }
}
