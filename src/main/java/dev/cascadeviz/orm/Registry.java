package dev.cascadeviz.orm;

import dev.cascadeviz.model.CascadeOption;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.mapping.Direction;
import dev.cascadeviz.model.mapping.Mapping;
import dev.cascadeviz.model.mapping.RelationshipMapping;
import dev.cascadeviz.orm.dependency.DependencyProcessor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The configured mappers of a scenario ({@code registry.configure()}). */
final class Registry {

    private final Map<String, Mapper> mappers = new LinkedHashMap<>();
    private final PropSetOrder propSetOrder;

    public Registry(Scenario scenario, Mapping mapping) {
        this(scenario, mapping, PropSetOrder.declared());
    }

    /** The mappers, each iterating its {@code _prop_set} in the order {@code propSetOrder} gives. */
    public Registry(Scenario scenario, Mapping mapping, PropSetOrder propSetOrder) {
        this.propSetOrder = propSetOrder;
        // one run's made-up object addresses, the same however many runs the process made before
        AtomicLong addresses = new AtomicLong(0x7f3a5c000000L);
        for (MappedClass cls : scenario.classes().values()) {
            mappers.put(cls.name(), new Mapper(cls, scenario.table(cls.table()), scenario.release(), addresses));
        }
        for (Mapper m : mappers.values()) {
            for (RelationshipMapping rm : mapping.relationshipsOf(m.className()).values()) {
                Mapper target = mappers.get(rm.target());
                RelProp prop = new RelProp(rm, m, target, rm.secondary() == null ? null : scenario.table(rm.secondary()));
                m.relationships.add(prop);
            }
        }
        for (Mapper m : mappers.values()) {
            for (RelProp prop : m.relationships) {
                String back = prop.mapping().backPopulates();
                if (back != null) {
                    RelProp other = prop.mapper().relationship(back);
                    prop.backPopulates = other;
                    prop.reverse = other;
                    if (other != null) {
                        other.reverse = prop;
                    }
                }
                prop.setProcessor(DependencyProcessor.forRelationship(prop));
                if (!prop.viewonly() && prop.direction() == Direction.MANY_TO_ONE) {
                    prop.mapper().dependencyProcessors.add(DependencyProcessor.keySwitch(prop));
                }
                if (prop.cascades(CascadeOption.DELETE_ORPHAN)) {
                    prop.mapper().deleteOrphans.add(prop);
                }
            }
        }
    }

    /** The iteration order of the mappers' {@code _prop_set} in this run. */
    PropSetOrder propSetOrder() {
        return propSetOrder;
    }

    public Mapper mapper(String className) {
        return mappers.get(className);
    }
}
