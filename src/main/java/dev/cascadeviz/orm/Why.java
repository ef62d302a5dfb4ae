package dev.cascadeviz.orm;

import dev.cascadeviz.model.CascadeOption;
import dev.cascadeviz.model.mapping.Direction;
import dev.cascadeviz.model.mapping.JoinPair;
import dev.cascadeviz.text.Articles;
import dev.cascadeviz.trace.Cause;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The sentences that say why the simulated ORM emits a statement, each naming the relationship,
 * foreign key and setting responsible. The simulator's parts ask here at the moment they act.
 */
public final class Why {

    private Why() {
    }

    /** {@code Artist(1)}: how a learner names an object. */
    public static String name(InstanceState state) {
        if (state.key() == null) {
            return state.mapper().className() + "()";
        }
        return state.mapper().className() + "(" + state.key().stream().map(Why::value)
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String value(Object v) {
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }

    /** The foreign-key columns a relationship writes, e.g. {@code song.artist_id}. */
    public static String foreignKey(RelProp prop) {
        List<JoinPair> pairs = prop.direction() == Direction.MANY_TO_MANY
                ? concat(prop.synchronizePairs(), prop.secondarySynchronizePairs()) : prop.synchronizePairs();
        return pairs.stream().map(p -> p.foreign().toString()).distinct().collect(Collectors.joining(", "));
    }

    private static List<JoinPair> concat(List<JoinPair> a, List<JoinPair> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private static Cause about(RelProp prop, String setting, String text) {
        return new Cause(text, prop.toString(), foreignKey(prop), setting);
    }

    // ---- SELECTs

    public static Cause get(Mapper mapper, List<Object> key) {
        return new Cause("session.get(" + mapper.className() + ", " + (key.size() == 1 ? value(key.get(0))
                : key.stream().map(Why::value).collect(Collectors.joining(", ", "(", ")")))
                + ") loads the row because the object is not in the session's identity map yet", null, null, null);
    }

    public static Cause refresh(InstanceState state) {
        if (state.expiredBy != null) {
            return state.expiredBy;
        }
        return new Cause(name(state) + " was expired (expire_on_commit after a commit, or a rollback), "
                + "so its row is loaded again when it is used", null, null, "expire_on_commit");
    }

    /**
     * While a delete cascade walks a relationship it loads it unless passive_deletes is set. Asked
     * for each object the walk reaches, so built once per relationship.
     */
    public static Cause cascadeLoad(RelProp prop) {
        return prop.memoCause("cascade-load", () -> {
            if (prop.direction() == Direction.MANY_TO_ONE || !prop.uselist()) {
                return about(prop, "cascade", prop + " must be loaded because its cascade includes delete: "
                        + "the object it refers to is deleted too");
            }
            return about(prop, "passive_deletes", prop + " must be loaded because its cascade includes delete and "
                    + "passive_deletes is False");
        });
    }

    /**
     * The flush asks for a relationship's history to do its work for deleted objects. Asked for
     * each object the flush handles, so built once per relationship and kind.
     */
    public static Cause flushLoad(RelProp prop, boolean forDelete) {
        return prop.memoCause(forDelete ? "flush-load-delete" : "flush-load", () -> flushLoadCause(prop, forDelete));
    }

    private static Cause flushLoadCause(RelProp prop, boolean forDelete) {
        if (!forDelete) {
            return about(prop, null, prop + " is loaded to see what changed in it before the flush writes it");
        }
        return switch (prop.direction()) {
            case ONE_TO_MANY -> prop.cascades(CascadeOption.DELETE) ? cascadeLoad(prop)
                    : about(prop, "passive_deletes", prop + " must be loaded because it has no delete cascade "
                    + "and passive_deletes is False: the ORM sets " + foreignKey(prop) + " to NULL on each child");
            case MANY_TO_MANY -> about(prop, "passive_deletes", prop + " must be loaded because it is many-to-many "
                    + "and passive_deletes is False: its association rows in " + prop.secondary().name()
                    + " must be deleted first");
            case MANY_TO_ONE -> cascadeLoad(prop);
        };
    }

    /** A lazy load whose reason is the scenario step itself. */
    public static Cause stepLoad(RelProp prop, InstanceState owner, String step) {
        return about(prop, "lazy", prop + " is lazy='" + prop.mapping().relationship().effectiveLazy()
                + "', so " + step + " " + name(owner) + "." + prop.key() + " loads it now");
    }

    /** A lazy load during some other action: the action's own reason, or a plain first access. */
    public static Cause lazyLoad(RelProp prop, Cause during) {
        if (during != null && prop.toString().equals(during.relationship())) {
            return during;
        }
        Cause plain = about(prop, "lazy", prop + " is loaded on first access (lazy='"
                + prop.mapping().relationship().effectiveLazy() + "')");
        return during == null ? plain : plain.withRemark("while: " + during.text());
    }

    /** The extra SELECT of a selectin or subquery eager load, run right after the objects' own query. */
    public static Cause eagerLoad(RelProp prop, String lazy) {
        return about(prop, "lazy", prop + " is lazy='" + lazy + "', so it is loaded for all the objects "
                + "the previous query returned, at once");
    }

    // ---- DELETEs

    public static Cause explicitDelete(InstanceState state) {
        return new Cause("session.delete(" + name(state) + ") marked it for deletion", null, null, null);
    }

    /**
     * Why an object reached through a delete cascade is deleted. The same for every object of
     * the relationship (so an executemany of 30,000 rows has one reason, not 4,000 variants),
     * and built once per relationship.
     */
    public static Cause cascadedDelete(RelProp prop) {
        return prop.memoCause("cascaded-delete", () -> {
            String what = prop.uselist() ? "the " + prop.mapper().className() + " objects in it"
                    : "the " + prop.mapper().className() + " it refers to";
            String parent = prop.parent().className();
            return about(prop, "cascade", prop + " has a delete cascade, so deleting " + article(parent) + " "
                    + parent + " deletes " + what);
        });
    }

    private static String article(String word) {
        return Articles.of(word);
    }

    public static Cause orphanDelete(RelProp prop) {
        return about(prop, "cascade", prop + " has delete-orphan in its cascade, so an object removed from it "
                + "is deleted");
    }

    public static Cause association(RelProp prop, boolean forDelete) {
        String text = forDelete ? prop + " is many-to-many; association rows in " + prop.secondary().name()
                + " go first, before the objects they link"
                : "an object was removed from " + prop + ", so its association row in " + prop.secondary().name()
                + " is deleted";
        return about(prop, "secondary", text);
    }

    // ---- UPDATEs

    /** What a dependency processor's process_deletes / process_saves does to foreign keys. */
    public static Cause process(RelProp prop, boolean forDelete) {
        if (prop.direction() == Direction.MANY_TO_MANY) {
            return association(prop, forDelete);
        }
        if (prop.postUpdate()) {
            return about(prop, "post_update", prop + " has post_update=True, so " + foreignKey(prop)
                    + " is written by a separate UPDATE");
        }
        if (prop.direction() == Direction.ONE_TO_MANY) {
            if (forDelete) {
                return about(prop, "cascade", prop + " has no delete cascade, so the ORM detaches the children: "
                        + foreignKey(prop) + " is set to NULL before the parent is deleted");
            }
            return about(prop, prop.cascades(CascadeOption.DELETE_ORPHAN) ? null : "cascade", "the contents of "
                    + prop + " changed, so " + foreignKey(prop) + " of the children added or removed is written"
                    + (prop.cascades(CascadeOption.DELETE_ORPHAN) ? ""
                    : " (removed children are detached: no delete-orphan in its cascade)"));
        }
        return about(prop, null, prop + " was changed, so " + foreignKey(prop) + " is written to match");
    }

    // ---- INSERTs and the save-update cascade

    public static Cause added(InstanceState state) {
        return new Cause("session.add(" + name(state) + ") made it pending, so the flush INSERTs it", null, null, null);
    }

    /**
     * An object the save-update cascade brought into the session along a relationship; one
     * cause per relationship, so that an executemany of many rows has one reason.
     */
    public static Cause savedByCascade(RelProp prop) {
        return prop.memoCause("saved-by-cascade", () -> about(prop, "cascade", prop.mapper().className()
                + " inserted because " + prop + " has save-update in its cascade and the " + prop.parent().className()
                + " holding it is in the session"));
    }

    /** passive_updates=False: the ORM itself writes the children's foreign keys after the parent's key changed. */
    public static Cause keyChanged(RelProp prop) {
        String referenced = (prop.direction() == Direction.MANY_TO_ONE ? prop.mapper() : prop.parent()).className();
        return about(prop, "passive_updates", referenced + "'s primary key changed and " + prop
                + " has passive_updates=False, so the ORM UPDATEs " + foreignKey(prop) + " of every object in the session "
                + "that refers to it");
    }

    /** A new object given the key of an object deleted in the same flush takes over its row. */
    public static Cause rowSwitch(InstanceState state) {
        return new Cause("the new " + state.mapper().className() + " has the key of an object deleted in the same "
                + "flush, so the unit of work UPDATEs that row instead (a \"row switch\")", null, null, null);
    }

    public static Cause merged(InstanceState state) {
        return new Cause("session.merge() found no row for the object's key, so it makes a new "
                + state.mapper().className() + " and adds it: the flush INSERTs it", null, null, "cascade");
    }

    /**
     * The SELECT of {@code session.refresh(obj)}; {@code travelled} the relationships its
     * refresh-expire cascade expired related objects along first (marked in the graph).
     */
    public static Cause refreshStep(InstanceState state, List<String> travelled) {
        return new Cause("session.refresh(" + name(state) + ") expires the object and loads its row again at once"
                + (travelled.isEmpty() ? "" : "; its refresh-expire cascade expired what it holds in "
                + String.join(", ", travelled) + " too (loaded again when used)"), null, null, null, travelled);
    }

    /** An object expired by a session call itself ({@code session.expire(obj)}, {@code expire_all()}). */
    public static Cause expiredByStep(InstanceState state, String call) {
        return new Cause(name(state) + " was expired by " + call + ", so its row is loaded again when it is used",
                null, null, null);
    }

    /** An object the refresh-expire cascade expired along a relationship, loaded again when used. */
    public static Cause expiredAlong(RelProp prop, InstanceState state, String call) {
        return about(prop, "cascade", name(state) + " was expired by the refresh-expire cascade along " + prop
                + " (" + call + "), so its row is loaded again when it is used");
    }

    /** session.merge() loading the persistent object's collection to merge the detached one's into it. */
    public static Cause mergeLoad(RelProp prop, InstanceState merged) {
        return about(prop, "cascade", prop + " has merge in its cascade, so session.merge() loads " + name(merged)
                + "." + prop.key() + " to merge the given object's " + prop.key() + " into it");
    }

    /** session.merge() following its cascade to a related object with a key: looked up by that key. */
    public static Cause mergeGet(RelProp prop, Mapper mapper, List<Object> key) {
        return about(prop, "cascade", "the merge cascade along " + prop + " reaches " + mapper.className() + "("
                + key.stream().map(Why::value).collect(Collectors.joining(", ")) + "): session.merge() loads its row "
                + "by key to copy the given object's state onto it");
    }

    /** A related object the merge cascade found no row for: a new one, added, INSERTed by the flush. */
    public static Cause mergedAlong(RelProp prop, InstanceState state) {
        return about(prop, "cascade", "the merge cascade along " + prop + " reached " + article(state.mapper().className())
                + " " + state.mapper().className() + " with no row in the database, so session.merge() makes a new one "
                + "and adds it: the flush INSERTs it");
    }

    public static Cause columnsSet(InstanceState state, List<String> columns) {
        return new Cause(name(state) + ": " + String.join(", ", columns) + " changed on the object, so the flush "
                + "UPDATEs " + (columns.size() == 1 ? "that column" : "those columns") + " only", null, null, null);
    }

    public static Cause postUpdate(Mapper mapper, List<String> columns) {
        return new Cause(mapper.className() + " has a relationship with post_update=True, so "
                + columns.stream().map(c -> mapper.tableName() + "." + c).collect(Collectors.joining(", "))
                + " is written by a separate UPDATE", null,
                columns.stream().map(c -> mapper.tableName() + "." + c).collect(Collectors.joining(", ")),
                "post_update");
    }

    public static Cause autoflushRemark(Cause cause) {
        return cause.withRemark("(autoflush: pending changes are flushed before the next query)");
    }

    /** Several objects' causes for one executemany: the distinct sentences, the first one's pointers. */
    public static Cause combine(List<Cause> causes) {
        Cause only = null;
        boolean several = false;
        for (Cause c : causes) {
            if (c != null && only == null) {
                only = c;
            } else if (c != null && c != only && !c.equals(only)) {
                several = true;
                break;
            }
        }
        if (!several) {
            return only; // the common case, one cause for all the rows (or none), without a set
        }
        List<Cause> distinct = new ArrayList<>(new LinkedHashSet<>(causes));
        distinct.remove(null);
        Cause first = distinct.get(0);
        return new Cause(distinct.stream().map(Cause::text).distinct().collect(Collectors.joining("; ")),
                first.relationship(), first.foreignKey(), first.setting());
    }
}
