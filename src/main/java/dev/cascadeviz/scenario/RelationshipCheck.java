package dev.cascadeviz.scenario;

import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.Relationship;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.model.mapping.Direction;
import dev.cascadeviz.model.mapping.MappingException;
import dev.cascadeviz.model.mapping.MappingResolver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loader's one seam to SQLAlchemy's join-condition and direction derivation, which lives in
 * {@link MappingResolver}: each relationship is resolved on its own, so that one pass can report
 * every relationship SQLAlchemy would refuse, each at its own position.
 */
final class RelationshipCheck {

    /** Either a direction or SQLAlchemy's error. */
    record Result(Direction direction, String error) {
    }

    private RelationshipCheck() {
    }

    /**
     * Resolves one relationship of owner (whose table and the target's exist) against the tables.
     */
    static Result check(Map<String, Table> tables, MappedClass owner, MappedClass target, Relationship rel) {
        Map<String, MappedClass> classes = new LinkedHashMap<>();
        classes.put(target.name(), new MappedClass(target.name(), target.table(), Map.of()));
        classes.put(owner.name(), new MappedClass(owner.name(), owner.table(), Map.of(rel.name(), rel)));
        Scenario alone = new Scenario(1, null, null, null, null, tables, classes, Map.of(), List.of(), Map.of());
        try {
            return new Result(MappingResolver.resolveStructure(alone).relationship(owner.name(), rel.name()).direction(),
                    null);
        } catch (MappingException e) {
            return new Result(null, e.getMessage());
        }
    }

    /** Whether the relationship holds a list: uselist if given, else every direction but many-to-one. */
    static boolean isCollection(Relationship rel, Direction direction) {
        if (rel.uselist() != null) {
            return rel.uselist();
        }
        return direction != Direction.MANY_TO_ONE;
    }

    /** SQLAlchemy's repr of a direction, e.g. {@code symbol('MANYTOONE')}. */
    static String symbol(Direction direction) {
        return "symbol('" + direction.name().replace("_", "") + "')";
    }
}
