package dev.cascadeviz.model.mapping;

import dev.cascadeviz.model.CascadeOption;
import dev.cascadeviz.model.PassiveDeletes;
import dev.cascadeviz.model.QualifiedColumn;
import dev.cascadeviz.model.Relationship;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A relationship with everything SQLAlchemy derives at configure time: direction, join
 * conditions (which are also the synchronize pairs), whether it is a collection, and whether a
 * many-to-one can load through the identity map ({@code use_get}).
 *
 * @param primaryJoin parent side: for one-to-many referenced=parent, foreign=target; for
 *     many-to-one referenced=target, foreign=parent; for many-to-many parent to secondary
 * @param secondaryJoin many-to-many only: target to secondary
 */
public record RelationshipMapping(
        String owner,
        Relationship relationship,
        String target,
        String parentTable,
        String targetTable,
        String secondary,
        Direction direction,
        List<JoinPair> primaryJoin,
        List<JoinPair> secondaryJoin,
        boolean uselist,
        boolean selfReferential,
        boolean useGet) {

    public RelationshipMapping {
        primaryJoin = List.copyOf(primaryJoin);
        secondaryJoin = secondaryJoin == null ? List.of() : List.copyOf(secondaryJoin);
    }

    public String name() {
        return relationship.name();
    }

    /** {@code Artist.songs}, as SQLAlchemy names a relationship in messages. */
    public String qualifiedName() {
        return owner + "." + relationship.name();
    }

    /**
     * The cascade in effect, {@code RelationshipProperty._set_cascade}: a viewonly relationship
     * keeps only the cascades that are not persistence operations (merge, refresh-expire,
     * expunge), silently, as SQLAlchemy 2.x does (1.4 refused the others with an ArgumentError).
     */
    public Set<CascadeOption> cascade() {
        Set<CascadeOption> given = relationship.cascadeOptions();
        if (!viewonly()) {
            return given;
        }
        java.util.EnumSet<CascadeOption> kept = java.util.EnumSet.noneOf(CascadeOption.class);
        for (CascadeOption o : given) {
            if (o == CascadeOption.MERGE || o == CascadeOption.REFRESH_EXPIRE || o == CascadeOption.EXPUNGE) {
                kept.add(o);
            }
        }
        return java.util.Collections.unmodifiableSet(kept);
    }

    public boolean cascades(CascadeOption option) {
        return cascade().contains(option);
    }

    public PassiveDeletes passiveDeletes() {
        return relationship.effectivePassiveDeletes();
    }

    public boolean postUpdate() {
        return relationship.isPostUpdate();
    }

    public boolean viewonly() {
        return relationship.isViewonly();
    }

    public String backPopulates() {
        return relationship.backPopulates();
    }

    /** The parent-side columns of the join (what a lazy load binds). */
    public List<QualifiedColumn> localColumns() {
        List<QualifiedColumn> cols = new ArrayList<>();
        for (JoinPair p : primaryJoin) {
            cols.add(direction == Direction.MANY_TO_ONE ? p.foreign() : p.referenced());
        }
        return cols;
    }
}
