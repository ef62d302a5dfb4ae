package dev.cascadeviz.orm;

import dev.cascadeviz.model.CascadeOption;
import dev.cascadeviz.model.PassiveDeletes;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.model.mapping.Direction;
import dev.cascadeviz.model.mapping.JoinPair;
import dev.cascadeviz.model.mapping.RelationshipMapping;
import dev.cascadeviz.orm.dependency.DependencyProcessor;
import dev.cascadeviz.orm.sql.SqlCompiler;
import dev.cascadeviz.trace.Cause;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** A configured relationship property: the resolved mapping plus its mappers and processor. */
public final class RelProp {

    private final RelationshipMapping mapping;
    private final Mapper parent;
    private final Mapper mapper;
    private final Table secondary;
    /** The cascade in effect, worked out once: the delete walk asks for every object it reaches. */
    private final Set<CascadeOption> cascade;
    RelProp reverse;
    RelProp backPopulates;
    private DependencyProcessor processor;
    private String lazyWhere;
    private final Map<String, Cause> causes = new HashMap<>();
    private String lazyOrderBy;

    RelProp(RelationshipMapping mapping, Mapper parent, Mapper mapper, Table secondary) {
        this.mapping = mapping;
        this.parent = parent;
        this.mapper = mapper;
        this.secondary = secondary;
        this.cascade = mapping.cascade();
    }

    public RelationshipMapping mapping() {
        return mapping;
    }

    public String key() {
        return mapping.name();
    }

    /** The class owning the relationship. */
    public Mapper parent() {
        return parent;
    }

    /** The target class. */
    public Mapper mapper() {
        return mapper;
    }

    public Table secondary() {
        return secondary;
    }

    public Direction direction() {
        return mapping.direction();
    }

    public boolean uselist() {
        return mapping.uselist();
    }

    public boolean cascades(CascadeOption option) {
        return cascade.contains(option);
    }

    public PassiveDeletes passiveDeletes() {
        return mapping.passiveDeletes();
    }

    /** Python truthiness of passive_deletes: True or 'all'. */
    public boolean isPassiveDeletes() {
        return passiveDeletes() != PassiveDeletes.FALSE;
    }

    public boolean postUpdate() {
        return mapping.postUpdate();
    }

    public boolean viewonly() {
        return mapping.viewonly();
    }

    public boolean passiveUpdates() {
        return mapping.relationship().isPassiveUpdates();
    }

    public boolean selfReferential() {
        return mapping.selfReferential();
    }

    public boolean useGet() {
        return mapping.useGet();
    }

    /** The back_populates partner, or null. */
    public RelProp reverse() {
        return reverse;
    }

    /** {@code synchronize_pairs}: (source column, destination column). */
    public List<JoinPair> synchronizePairs() {
        return mapping.primaryJoin();
    }

    public List<JoinPair> secondarySynchronizePairs() {
        return mapping.secondaryJoin();
    }

    /** The relationship this one's back_populates names: the one its events propagate to. */
    public RelProp backPopulatesProp() {
        return backPopulates;
    }

    /**
     * A cause that depends only on this relationship, built once. Not computeIfAbsent: one cause
     * may be built from another of the same relationship (the flush's load from the cascade's).
     */
    public Cause memoCause(String kind, Supplier<Cause> build) {
        Cause known = causes.get(kind);
        if (known == null) {
            known = build.get();
            causes.put(kind, known);
        }
        return known;
    }

    /** The WHERE of this relationship's lazy load, compiled once. */
    public String lazyWhere() {
        if (lazyWhere == null) {
            lazyWhere = SqlCompiler.lazyWhere(direction(), synchronizePairs(),
                    secondarySynchronizePairs());
        }
        return lazyWhere;
    }

    /** The ORDER BY of this relationship's lazy load ("" without order_by). */
    public String lazyOrderBy() {
        if (lazyOrderBy == null) {
            lazyOrderBy = SqlCompiler.orderBy(mapping.relationship().orderBy());
        }
        return lazyOrderBy;
    }

    public DependencyProcessor processor() {
        return processor;
    }

    void setProcessor(DependencyProcessor processor) {
        this.processor = processor;
    }

    @Override
    public String toString() {
        return mapping.qualifiedName();
    }
}
