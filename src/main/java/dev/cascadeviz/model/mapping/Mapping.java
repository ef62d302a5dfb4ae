package dev.cascadeviz.model.mapping;

import dev.cascadeviz.model.Scenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configured mapping of a scenario: each class's relationships resolved as SQLAlchemy
 * resolves them. Built by {@link MappingResolver}.
 */
public final class Mapping {

    private final Scenario scenario;
    private final Map<String, Map<String, RelationshipMapping>> byClass;

    Mapping(Scenario scenario, Map<String, Map<String, RelationshipMapping>> byClass) {
        this.scenario = scenario;
        Map<String, Map<String, RelationshipMapping>> copy = new LinkedHashMap<>();
        byClass.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        this.byClass = Collections.unmodifiableMap(copy);
    }

    public Scenario scenario() {
        return scenario;
    }

    /** A class's relationships in file order. */
    public Map<String, RelationshipMapping> relationshipsOf(String className) {
        return byClass.getOrDefault(className, Map.of());
    }

    public RelationshipMapping relationship(String className, String name) {
        return relationshipsOf(className).get(name);
    }

    /** Every relationship, class by class in file order. */
    public List<RelationshipMapping> all() {
        List<RelationshipMapping> all = new ArrayList<>();
        byClass.values().forEach(m -> all.addAll(m.values()));
        return all;
    }

    /** The relationship named by back_populates, or null. */
    public RelationshipMapping reverse(RelationshipMapping rel) {
        if (rel.backPopulates() == null) {
            return null;
        }
        return relationship(rel.target(), rel.backPopulates());
    }
}
