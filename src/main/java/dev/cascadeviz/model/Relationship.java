package dev.cascadeviz.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One {@code relationship()} of a mapped class. Each component is the keyword argument of the
 * same name; a null means the argument was not given (SQLAlchemy's default applies), so a saved
 * file says exactly what its author said.
 *
 * @param cascade the cascade string as written, null for SQLAlchemy's default
 * @param secondary the association table's name for a many-to-many, else null
 * @param orderBy {@code table.column} names, empty when not given
 */
public record Relationship(
        String name,
        String target,
        String cascade,
        PassiveDeletes passiveDeletes,
        String backPopulates,
        String secondary,
        Boolean uselist,
        Boolean singleParent,
        Boolean postUpdate,
        Boolean viewonly,
        String lazy,
        Boolean passiveUpdates,
        List<String> orderBy,
        List<String> foreignKeys,
        List<String> remoteSide) {

    public Relationship {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
        foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
        remoteSide = remoteSide == null ? List.of() : List.copyOf(remoteSide);
    }

    /** A relationship with every option at its default. */
    public static Relationship to(String name, String target) {
        return new Relationship(name, target, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The cascade string in effect: the default when none was given ("merge" for a viewonly one). */
    public String effectiveCascade() {
        if (cascade != null) {
            return cascade;
        }
        return isViewonly() ? "merge" : Cascade.DEFAULT;
    }

    /** The loader strategy in effect: "select" (lazy loading) unless {@code lazy} says otherwise. */
    public String effectiveLazy() {
        if (lazy == null || lazy.equals("True") || lazy.equals("true")) {
            return "select";
        }
        return lazy;
    }

    public Set<CascadeOption> cascadeOptions() {
        return Cascade.parse(effectiveCascade());
    }

    public boolean cascades(CascadeOption option) {
        return cascadeOptions().contains(option);
    }

    public PassiveDeletes effectivePassiveDeletes() {
        return passiveDeletes == null ? PassiveDeletes.FALSE : passiveDeletes;
    }

    public boolean isSingleParent() {
        return Boolean.TRUE.equals(singleParent);
    }

    public boolean isPostUpdate() {
        return Boolean.TRUE.equals(postUpdate);
    }

    public boolean isViewonly() {
        return Boolean.TRUE.equals(viewonly);
    }

    public boolean isPassiveUpdates() {
        return passiveUpdates == null || passiveUpdates;
    }

    public Relationship withCascade(String value) {
        return new Relationship(name, target, value, passiveDeletes, backPopulates, secondary, uselist, singleParent,
                postUpdate, viewonly, lazy, passiveUpdates, orderBy, foreignKeys, remoteSide);
    }

    public Relationship withPassiveDeletes(PassiveDeletes value) {
        return new Relationship(name, target, cascade, value, backPopulates, secondary, uselist, singleParent,
                postUpdate, viewonly, lazy, passiveUpdates, orderBy, foreignKeys, remoteSide);
    }

    public Relationship withUselist(Boolean value) {
        return new Relationship(name, target, cascade, passiveDeletes, backPopulates, secondary, value, singleParent,
                postUpdate, viewonly, lazy, passiveUpdates, orderBy, foreignKeys, remoteSide);
    }

    public Relationship withSingleParent(Boolean value) {
        return new Relationship(name, target, cascade, passiveDeletes, backPopulates, secondary, uselist, value,
                postUpdate, viewonly, lazy, passiveUpdates, orderBy, foreignKeys, remoteSide);
    }

    public Relationship withPostUpdate(Boolean value) {
        return new Relationship(name, target, cascade, passiveDeletes, backPopulates, secondary, uselist, singleParent,
                value, viewonly, lazy, passiveUpdates, orderBy, foreignKeys, remoteSide);
    }
}
