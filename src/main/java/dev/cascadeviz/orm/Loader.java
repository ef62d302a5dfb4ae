package dev.cascadeviz.orm;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.mapping.Direction;
import dev.cascadeviz.model.mapping.JoinPair;
import dev.cascadeviz.orm.sql.LabelStyle;
import dev.cascadeviz.orm.sql.SqlCompiler;
import dev.cascadeviz.trace.Cause;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code strategies.LazyLoader}: loads a relationship on first access. A many-to-one whose key
 * is the target's primary key ({@code use_get}) looks in the identity map first and otherwise
 * runs the same SELECT as {@code session.get}; everything else runs the lazy clause.
 */
final class Loader {

    private final Session session;

    Loader(Session session) {
        this.session = session;
    }

    Object load(InstanceState state, RelProp prop, Passive passive, boolean againstCommitted, boolean noRaise) {
        // lazy='dynamic' runs a plain Query of the target (AppenderQuery), not a lazy load on a path
        return load(state, prop, passive, againstCommitted, noRaise,
                Attributes.isDynamic(prop) ? LoadPath.ROOT : LoadPath.of(state.mapper, prop), null, false);
    }

    /**
     * {@code _deferred_history}'s load (DEFERRED_HISTORY_LOAD): against the committed key,
     * without lazy='raise', and even if the attribute has a value now.
     */
    Object loadDeferredHistory(InstanceState state, RelProp prop) {
        return load(state, prop, Passive.OFF, true, true, LoadPath.of(state.mapper, prop), null, true);
    }

    /** An immediate load's lazy load: on the eager load's path, inside its top-level load. */
    Object loadOnPath(InstanceState state, RelProp prop, Passive passive, LoadPath path, Object ctx) {
        return load(state, prop, passive, false, true, path, ctx, false);
    }

    /**
     * @return the value loaded, {@link InstanceState#NO_RESULT}, or {@link InstanceState#WAS_SET}
     *         when reading the object's own key refreshed it and that refresh set the attribute
     *         (its eager loads): {@code _load_for_state} then sends no query of its own
     */
    private Object load(InstanceState state, RelProp prop, Passive passive, boolean againstCommitted, boolean noRaise,
                        LoadPath path, Object ctx, boolean deferredHistory) {
        if (!state.hasIdentity()) {
            return prop.uselist() ? List.of() : null;
        }
        String lazy = prop.mapping().relationship().effectiveLazy();
        if (lazy.equals("noload") && !state.instanceLazy.contains(prop)) {
            return prop.uselist() ? List.of() : null;
        }
        if (!passive.sqlOk() && !prop.useGet()) {
            return InstanceState.NO_RESULT;
        }
        if (lazy.equals("raise") && !noRaise) {
            throw new OrmException("InvalidRequestError", "'" + prop + "' is not available due to lazy='raise'");
        }
        if (state.session == null) {
            // LazyLoader._load_for_state: no session and NO_RAISE gives PASSIVE_NO_RESULT
            if (!passive.sqlOk() || noRaise) {
                return InstanceState.NO_RESULT;
            }
            throw new OrmException("DetachedInstanceError", "Parent instance " + state.repr()
                    + " is not bound to a Session; lazy load operation of attribute '" + prop.key() + "' cannot proceed");
        }
        if (prop.useGet()) {
            List<Object> ident = new ArrayList<>();
            for (Column pk : prop.mapper().primaryKey()) {
                JoinPair pair = pairFor(prop, pk.name());
                Object v = localValue(state, pair.foreign().column(), passive, againstCommitted);
                if (v == InstanceState.NO_RESULT) {
                    return InstanceState.NO_RESULT;
                }
                ident.add(v);
            }
            if (ident.stream().allMatch(v -> v == null)) {
                return null;
            }
            if (!deferredHistory && state.isLoaded(prop)) {
                return InstanceState.WAS_SET;
            }
            Object found = session.identityLookup(prop.mapper(), ident, passive);
            if (found != null) {
                return found;
            }
            if (!passive.sqlOk() || !passive.relatedObjectOk()) {
                return InstanceState.NO_RESULT;
            }
            return session.loadByPrimaryKey(prop.mapper(), ident, cause(prop), path, false, ctx);
        }
        List<Object> params = new ArrayList<>();
        for (JoinPair p : prop.synchronizePairs()) {
            String local = prop.direction() == Direction.MANY_TO_ONE ? p.foreign().column() : p.referenced().column();
            Object v = localValue(state, local, passive, againstCommitted);
            if (v == InstanceState.NO_RESULT) {
                return InstanceState.NO_RESULT;
            }
            params.add(v);
        }
        if (!deferredHistory && state.isLoaded(prop)) {
            return InstanceState.WAS_SET;
        }
        int before = session.createdCount();
        // a dynamic relationship's AppenderQuery is a legacy Query: table-plus-column labels in every release;
        // a lazy load asks for them too, which 2.1 renders without any label
        LabelStyle style = Attributes.isDynamic(prop) ? LabelStyle.TABLENAME_PLUS_COL
                : LabelStyle.ofLoads(prop.mapper().selectStyle());
        List<InstanceState> rows = session.queryInstances(prop.mapper(), prop.secondary(), prop.lazyWhere(), params,
                prop.lazyOrderBy(), style, cause(prop), path, path == LoadPath.ROOT, ctx,
                Attributes.isDynamic(prop) ? EagerLoads.Consume.ITERATE : EagerLoads.Consume.ALL);
        if (prop.uselist()) {
            return rows;
        }
        if (rows.isEmpty()) {
            return null;
        }
        if (rows.size() > 1) {
            session.warn("Multiple rows returned with uselist=False for lazily-loaded attribute '" + prop + "' ");
            session.releaseUnreferenced(before, List.of(rows.get(0)));
        }
        return rows.get(0);
    }

    /**
     * {@code LazyLoader._load_for_state} returns {@code ATTR_EMPTY} for an object without an
     * identity (pending, transient: no load_on_pending), and a {@code noload} attribute has no
     * loader at all: the attribute's default value is used and nothing is loaded.
     */
    static boolean attrEmpty(InstanceState state, RelProp prop) {
        return !state.hasIdentity()
                || prop.mapping().relationship().effectiveLazy().equals("noload") && !state.instanceLazy.contains(prop);
    }

    private static JoinPair pairFor(RelProp prop, String targetColumn) {
        for (JoinPair p : prop.synchronizePairs()) {
            if (p.referenced().column().equals(targetColumn)) {
                return p;
            }
        }
        throw new IllegalStateException("no join pair for " + targetColumn + " in " + prop);
    }

    private Object localValue(InstanceState state, String column, Passive passive, boolean againstCommitted) {
        if (!state.dict.containsKey(column) && !state.committedColumns.containsKey(column)) {
            if (!state.expired) {
                return null;
            }
            if (!passive.sqlOk()) {
                return InstanceState.NO_RESULT;
            }
            session.refresh(state);
        }
        return againstCommitted ? state.committedColumnValue(column) : state.dict.get(column);
    }

    private Cause cause(RelProp prop) {
        return Why.lazyLoad(prop, session.causeOfCurrentAction());
    }
}
