package dev.cascadeviz.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A mapped class on one table, with its relationships in file order. */
public record MappedClass(String name, String table, Map<String, Relationship> relationships) {

    public MappedClass {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(table, "table");
        relationships = Collections.unmodifiableMap(new LinkedHashMap<>(relationships));
    }

    public Relationship relationship(String relName) {
        return relationships.get(relName);
    }

    public MappedClass withRelationship(Relationship rel) {
        Map<String, Relationship> copy = new LinkedHashMap<>(relationships);
        copy.put(rel.name(), rel);
        return new MappedClass(name, table, copy);
    }
}
