package dev.cascadeviz.orm;

import dev.cascadeviz.db.SqlIdentifiers;
import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.Release;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.model.mapping.Direction;
import dev.cascadeviz.model.mapping.JoinPair;
import dev.cascadeviz.orm.sql.LabelStyle;
import dev.cascadeviz.orm.sql.SqlCompiler;
import dev.cascadeviz.trace.Cause;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Loading a mapper's rows with its eager relationships, as SQLAlchemy's {@code loading.py} and
 * {@code strategies.py} do: {@code joined} ones become (chained) LEFT OUTER JOINs of the same
 * SELECT; {@code selectin} and {@code immediate} ones are "post loads" collected per load path
 * and run after the rows, level by level; {@code subquery} ones run the original query again as
 * a subquery when the first row needs them. Every eager load is skipped when its target mapper
 * is already on the load path (the recursion guard of {@code path_registry}), and an existing
 * object only gets the relationships it has not loaded yet.
 */
final class EagerLoads {

    private final Session session;
    /** Each relationship's {@code local_columns} in this run's order (the set is memoized: one order a run). */
    private final Map<RelProp, List<String>> localColumns = new HashMap<>();

    EagerLoads(Session session) {
        this.session = session;
    }

    /**
     * What a query selects from and filters by: what a subquery load wraps. {@code clauses} gives
     * the FROM and WHERE with their anonymous aliases named in the statement being compiled: the
     * compiler numbers them per name in the order it first renders them, with one
     * {@code anon_map} for the whole statement, nested SELECTs included
     * ({@code SQLCompiler._truncated_identifier}, {@code prefix_anon_map}), so a subquery load's
     * copy of a selectin's FROM gets numbers after the outer SELECT list's. {@code subqueryPath}
     * is the query's own path when it is a subquery load's query (its {@code subquery_paths}
     * execution option), else the root.
     */
    record Source(Function<Map<String, Integer>, Clauses> clauses, List<Object> params, List<RelProp> chain,
                  LoadPath subqueryPath) {
        /** A FROM and WHERE without anonymous aliases. */
        Source(String from, String where, List<Object> params) {
            this(counts -> new Clauses(from, where), params, List.of(), LoadPath.ROOT);
        }
    }

    /** A query's FROM and WHERE text, as one compile names its aliases. */
    record Clauses(String from, String where) {
    }

    /** One query of a mapper's rows, and how its caller takes them from the Result. */
    record Query(Mapper mapper, Table secondary, String where, List<Object> params, String orderBy, LabelStyle style,
                 Cause cause, RelProp lazyFrom, Consume consume) {
        /** A query that is not a lazy load, its rows fetched at once. */
        Query(Mapper mapper, Table secondary, String where, List<Object> params, String orderBy, LabelStyle style,
              Cause cause) {
            this(mapper, secondary, where, params, orderBy, style, cause, null, Consume.ALL);
        }

        Query consumed(Consume how) {
            return new Query(mapper, secondary, where, params, orderBy, style, cause, lazyFrom, how);
        }
    }

    /**
     * How the caller takes a query's rows: all at once ({@code .all()}, {@code .one()},
     * {@code _raw_all_tuples()}) or by iterating the Result ({@code for row in result}): a subquery
     * load's Query ({@code _SubqCollections._load}), a dynamic relationship's AppenderQuery, and a
     * selectin load whose joined eager collections need uniquing ({@code requires_uniquing}:
     * {@code result.unique()} iterated, else {@code _raw_all_tuples()}). In 2.1 an iterated Result
     * is left on a reference cycle ({@link Session#keepOnCycle}).
     */
    enum Consume { ALL, ITERATE, ITERATE_IF_UNIQUING }

    /** The post loads of one top-level load, by path, in the order they were first set up. */
    private static final class Context {
        final Map<LoadPath, PostLoad> postLoads = new LinkedHashMap<>();
        /**
         * The top-level query's subquery collections: what a nested query's context reaches
         * through its {@code top_level_context} (null until the top-level query processes rows).
         */
        Map<RelProp, Map<List<Object>, List<InstanceState>>> topCollections;
        /**
         * A {@code uselist=False} subquery load met several rows, or a subquery load's rows
         * belong to an object whose attribute was already loaded: its collections, kept in the
         * query context's attributes, hold those objects until the load and its post loads are
         * done; then nothing does. Also set when a joined load's row made an object for an
         * object whose attribute was already loaded: nothing holds it. CPython frees that one at
         * once; it is released here when the load is done (a lookup of its key by the same
         * load's post loads would still find it).
         */
        boolean freeWhenDone;
        /** The top-level load: where its created objects start, and the objects its rows hold. */
        int createdBefore;
        List<InstanceState> topResult = List.of();
    }

    private record Loader(RelProp prop, String strategy, boolean runLoader) {
    }

    private static final class PostLoad {
        final Map<RelProp, Loader> loaders = new LinkedHashMap<>();
        final Map<InstanceState, Boolean> states = new LinkedHashMap<>();
    }

    /** An entity of the SELECT: the queried mapper or a joined eager load's target. */
    private static final class Entity {
        final Mapper mapper;
        String qualifier;
        final Entity parent;
        /** The joined eager load this entity comes from (null for the queried mapper). */
        RelProp via;
        final LoadPath path;
        /** The path from the query's own entity: what the joined loads' recursion guard looks at. */
        final LoadPath local;
        final List<Join> joins = new ArrayList<>();
        final List<Loader> postLoaders = new ArrayList<>();
        final List<RelProp> subqueries = new ArrayList<>();
        /**
         * The joined, post and subquery loaders in the order {@code _instance_processor} sets
         * up their row processors: the mapper's {@code _prop_set} order ({@link PropSetOrder}).
         */
        List<RelProp> rowOrder = new ArrayList<>();
        /** {@code NoLoader}: set to None / an empty collection when the row is loaded. */
        final List<RelProp> noLoads = new ArrayList<>();
        /** A relationship this query loads lazily per object whatever its strategy, or null. */
        RelProp instanceLazy;
        /** What of the entity this query loads ({@code only_load_props}), or null: everything. */
        OnlyLoad only;
        /** Each column's place in the row, -1 for a column the query does not load. */
        int[] positions;

        Entity(Mapper mapper, String qualifier, Entity parent, LoadPath path, LoadPath local) {
            this.mapper = mapper;
            this.qualifier = qualifier;
            this.parent = parent;
            this.path = path;
            this.local = local;
        }

        Join join(RelProp p) {
            for (Join j : joins) {
                if (j.prop() == p) {
                    return j;
                }
            }
            return null;
        }

        Loader postLoader(RelProp p) {
            for (Loader l : postLoaders) {
                if (l.prop() == p) {
                    return l;
                }
            }
            return null;
        }
    }

    private record Join(RelProp prop, Entity target) {
    }

    /** The SELECT list: qualified columns with their types, each once, labelled in the query's style. */
    private static final class Columns {
        final SqlCompiler.ColumnsClause clause;
        final List<ColumnType> types = new ArrayList<>();
        final Map<String, Integer> index = new HashMap<>();

        Columns(LabelStyle style) {
            this.clause = new SqlCompiler.ColumnsClause(style);
        }

        int add(String qualifier, Table table, Column c) {
            String key = qualifier + "." + c.name();
            Integer at = index.get(key);
            if (at != null) {
                return at;
            }
            index.put(key, types.size());
            clause.add(table, qualifier, c.name());
            types.add(c.type());
            return types.size() - 1;
        }
    }

    // ---------------------------------------------------------------- entry points

    /** A top-level query (session.get, a lazy load): its post loads run before it returns. */
    List<InstanceState> load(Query q, LoadPath current, boolean invokeAllEagers) {
        return load(q, current, invokeAllEagers, null);
    }

    /** The same with {@code refresh_state}: the expired object's row is loaded again. */
    List<InstanceState> load(Query q, LoadPath current, boolean invokeAllEagers, InstanceState refresh) {
        return load(q, current, invokeAllEagers, refresh, null);
    }

    /**
     * {@code only_load_props} of a partly expired object's load ({@code _load_expired}): the
     * columns and relationships that are expired and not modified since. Only the queried
     * entity is limited to them; what its joined loads reach is loaded whole.
     */
    record OnlyLoad(Set<String> columns, Set<RelProp> relationships) {
    }

    /** The same, limited to {@code only} ({@code load_on_ident} with {@code only_load_props}); null: all. */
    List<InstanceState> load(Query q, LoadPath current, boolean invokeAllEagers, InstanceState refresh, OnlyLoad only) {
        return session.working(() -> {
            Context ctx = new Context();
            ctx.createdBefore = session.createdCount();
            List<InstanceState> out = run(q, current, ctx, true, invokeAllEagers, refresh, only);
            ctx.topResult = out;
            drain(ctx);
            if (ctx.freeWhenDone) {
                session.releaseUnreferenced(ctx.createdBefore, out);
            }
            return out;
        });
    }

    /** The top level's loop over its post loads: each level's loads may set up the next level's. */
    private void drain(Context ctx) {
        while (!ctx.postLoads.isEmpty()) {
            List<Map.Entry<LoadPath, PostLoad>> now = new ArrayList<>(ctx.postLoads.entrySet());
            ctx.postLoads.clear();
            for (Map.Entry<LoadPath, PostLoad> e : now) {
                invoke(e.getKey(), e.getValue(), ctx);
            }
        }
    }

    private List<InstanceState> run(Query q, LoadPath current, Context ctx, boolean topLevel, boolean invokeAllEagers,
                                    InstanceState refresh, OnlyLoad only) {
        Mapper mapper = q.mapper();
        if (!mapper.hasEagerRelationships()) {
            // nothing but the rows: the compiled SELECT is cached per shape, as SQLAlchemy caches it
            String sql = mapper.cachedSelect(q.style() + "\u0000" + q.where() + "\u0000"
                    + (q.secondary() == null ? "" : q.secondary().name()) + q.orderBy(),
                    () -> SqlCompiler.select(q.style(), mapper.table(), q.secondary(), List.of(), q.where(), q.orderBy()));
            List<List<Object>> rows = session.executor().query(sql, q.params(), mapper.types(), q.cause());
            Set<InstanceState> result = new LinkedHashSet<>();
            for (List<Object> row : rows) {
                result.add(session.instanceFromRow(mapper, row));
            }
            return new ArrayList<>(result);
        }
        String base = mapper.tableName();
        String from = SqlIdentifiers.quote(base) + (q.secondary() == null ? ""
                : ", " + SqlIdentifiers.quote(q.secondary().name()));
        return select(q, new Source(from, q.where(), q.params()), current, ctx, topLevel, invokeAllEagers, refresh,
                null, null, new HashMap<>(), only);
    }

    /**
     * Builds and runs one SELECT of {@code q.mapper} with its joined eager loads.
     *
     * @param leading columns selected before the entity's own (a selectin's key), or null
     * @param fromOverride the FROM clause when it is not the mapper's table (selectin through a
     *                     secondary, subquery load), or null
     */
    private List<InstanceState> select(Query q, Source source, LoadPath current, Context ctx, boolean topLevel,
                                       boolean invokeAllEagers,
                                       InstanceState refresh, Leading leading,
                                       Function<Map<String, Integer>, String> fromOverride,
                                       Map<String, Integer> aliasCounts, OnlyLoad only) {
        Mapper mapper = q.mapper();
        String base = mapper.tableName();
        Entity top = new Entity(mapper, base, null, current.plus(mapper), LoadPath.ROOT.plus(mapper));
        top.only = only;
        List<Join> joinOrder = new ArrayList<>();
        setup(top, aliasCounts, joinOrder, refresh != null, reverseOf(q.lazyFrom()));
        Columns cols = new Columns(q.style());
        if (leading != null && leading.columns != null) {
            leading.positions = new int[leading.columns.size()];
            for (int i = 0; i < leading.columns.size(); i++) {
                leading.positions[i] = cols.add(leading.qualifier, leading.table, leading.columns.get(i));
            }
        }
        top.positions = positions(cols, top);
        if (only != null) {
            undeferJoinColumns(cols, top);
        }
        if (leading != null && leading.after != null) {
            leading.positions = new int[leading.after.size()];
            for (int i = 0; i < leading.after.size(); i++) {
                leading.positions[i] = cols.add(leading.qualifier, leading.table, leading.after.get(i));
            }
        }
        secondaryColumns(cols, top, aliasCounts);
        // the FROM's own aliases are numbered after the SELECT list's, before the eager joins'
        String fromText = fromOverride == null ? null : fromOverride.apply(aliasCounts);
        StringBuilder sql = new StringBuilder("SELECT ").append(cols.clause).append(" \nFROM ");
        StringBuilder joins = new StringBuilder();
        List<String> eagerOrder = new ArrayList<>();
        for (Join j : joinOrder) {
            joins.append(joinText(j, aliasCounts));
            for (String o : j.prop.mapping().relationship().orderBy()) {
                if (j.prop.uselist()) {
                    eagerOrder.add(SqlCompiler.qualified(j.target.qualifier, o.substring(o.indexOf('.') + 1)));
                }
            }
        }
        if (fromText != null) {
            sql.append(fromText).append(joins);
        } else if (q.secondary() != null && !joinOrder.isEmpty()) {
            sql.append(SqlIdentifiers.quote(q.secondary().name())).append(", ").append(SqlIdentifiers.quote(base))
                    .append(joins);
        } else {
            sql.append(source.clauses().apply(aliasCounts).from()).append(joins);
        }
        if (q.where() != null) {
            sql.append(" \nWHERE ").append(q.where());
        }
        String order = q.orderBy();
        if (!eagerOrder.isEmpty()) {
            order = (order.isEmpty() ? " ORDER BY " : order + ", ") + String.join(", ", eagerOrder);
        }
        sql.append(order);
        List<List<Object>> rows = session.executor().query(sql.toString(), q.params(), cols.types, q.cause());
        // JoinedLoader.setup_query: a joined collection sets multi_row_eager_loaders
        boolean multiRowEager = joinOrder.stream().anyMatch(j -> j.prop.uselist());
        if (leading != null) {
            leading.requiresUniquing = multiRowEager;
        }
        int createdBefore = session.createdCount();
        Run run = new Run(ctx, topLevel, invokeAllEagers, refresh, source, rows);
        // the row processors are made before any row is fetched: the post loaders register even for no rows
        run.register(top);
        boolean iterated = q.consume() == Consume.ITERATE || q.consume() == Consume.ITERATE_IF_UNIQUING && multiRowEager;
        if (iterated && mapper.release() == Release.V2_1) {
            // 2.1: the iterated Result, its context (and through top_level_context the top-level
            // query's) wait on a reference cycle, and with them the subquery loads' collections
            session.keepOnCycle(run.subqueryResults);
            if (!topLevel && ctx.topCollections != null) {
                session.keepOnCycle(ctx.topCollections);
            }
        }
        if (!source.chain().isEmpty() && !topLevel && mapper.release() == Release.V2_0 && ctx.topCollections != null
                && session.compiledFirstTime(sql.toString())) {
            // 2.0: a subquery load inside a post load copies the post load's execution options,
            // sa_top_level_orm_context among them, onto its Select (SubqueryLoader._setup_query_from_rowproc
            // merges context.execution_options into q._execution_options); the engine's compiled
            // cache keeps the first Select compiled for each statement, so the top-level
            // QueryContext and its subquery loads' collections stay for the rest of the run
            // (r8304_0094). A selectin load is not one: its Select is built bare and the context
            // goes to session.execute() as execution_options, which no compiled statement keeps
            // (r8308_0052)
            session.keepOnCycle(ctx.topCollections);
        }
        List<InstanceState> out = new ArrayList<>();
        Set<InstanceState> seen = new LinkedHashSet<>();
        for (List<Object> row : rows) {
            InstanceState s = run.instance(top, row);
            if (s != null && seen.add(s)) {
                out.add(s);
            }
            if (leading != null && s != null) {
                leading.rows.add(new Object[] {rowValues(row, leading.positions), s});
            }
        }
        if (run.finish()) {
            // the weak identity map forgets the extra rows' objects nothing keeps (CPython frees them)
            session.releaseUnreferenced(createdBefore, out);
        }
        return out;
    }

    /** Extra columns of a selectin or subquery load, with their positions once the SELECT is built. */
    private static final class Leading {
        final String qualifier;
        final Table table;
        final List<Column> columns;
        final List<Column> after;
        int[] positions;
        final List<Object[]> rows = new ArrayList<>();
        /** {@code QueryContext.requires_uniquing}: the SELECT joins an eager-loaded collection. */
        boolean requiresUniquing;

        Leading(String qualifier, Table table, List<Column> columns, List<Column> after) {
            this.qualifier = qualifier;
            this.table = table;
            this.columns = columns;
            this.after = after;
        }
    }

    private static List<Object> rowValues(List<Object> row, int[] positions) {
        List<Object> out = new ArrayList<>();
        for (int p : positions) {
            out.add(p < 0 ? null : row.get(p));
        }
        return out;
    }

    // ---------------------------------------------------------------- rows to objects

    /** One query's row processing ({@code loading._instance} per row and entity). */
    private final class Run {
        final Context ctx;
        /** Whether this query owns {@code ctx} (a top-level load) or runs inside another's post loads. */
        final boolean topLevel;
        final boolean invokeAllEagers;
        final InstanceState refresh;
        final Source source;
        final List<List<Object>> rows;
        /** States fully loaded by this run ({@code currentload}). */
        final Set<InstanceState> full = new HashSet<>();
        /** {@code context.partials}: existing states and the relationships this run loads for them. */
        final Map<InstanceState, Set<RelProp>> partials = new HashMap<>();
        /** Collections being filled from joined rows, per state and relationship. */
        final Map<InstanceState, Map<RelProp, List<InstanceState>>> collecting = new LinkedHashMap<>();
        /** Subquery loads run so far in this query: per relationship, children by the parent's key. */
        final Map<RelProp, Map<List<Object>, List<InstanceState>>> subqueryResults = new HashMap<>();
        final Set<LoadPath> registered = new HashSet<>();
        /** The (state, relationship) pairs of {@link #collecting} a subquery load filled. */
        final Set<List<Object>> fromSubquery = new HashSet<>();

        Run(Context ctx, boolean topLevel, boolean invokeAllEagers, InstanceState refresh, Source source,
            List<List<Object>> rows) {
            this.ctx = ctx;
            this.topLevel = topLevel;
            this.invokeAllEagers = invokeAllEagers;
            this.refresh = refresh;
            this.source = source;
            this.rows = rows;
            if (topLevel && ctx.topCollections == null) {
                ctx.topCollections = subqueryResults;
            }
        }

        InstanceState instance(Entity e, List<Object> row) {
            register(e);
            List<Object> values = rowValues(row, e.positions);
            List<Object> key = new ArrayList<>();
            List<Column> cols = e.mapper.columns();
            boolean anyKey = false;
            for (int i = 0; i < cols.size(); i++) {
                if (cols.get(i).primaryKey()) {
                    key.add(values.get(i));
                    anyKey |= values.get(i) != null;
                }
            }
            if (!anyKey) {
                return null;
            }
            InstanceState state = session.identityState(e.mapper, key);
            boolean currentLoad;
            boolean isNew;
            if (state == null) {
                state = session.newPersistent(e.mapper, key);
                Session.fill(state, values);
                full.add(state);
                currentLoad = true;
                isNew = true;
            } else if (state == refresh || full.contains(state)) {
                isNew = full.add(state);
                if (isNew) {
                    Session.fill(state, values, e.only == null ? null : e.only.columns());
                }
                currentLoad = true;
            } else {
                currentLoad = false;
                isNew = !partials.containsKey(state);
            }
            if (currentLoad) {
                // _populate_full: the "new" (or "existing") populators in _prop_set order
                if (isNew) {
                    noLoad(e, state, null);
                }
                for (RelProp p : e.rowOrder) {
                    Join j = e.join(p);
                    if (j != null) {
                        populateJoined(state, j, row, isNew);
                    } else if (isNew && e.subqueries.contains(p)) {
                        setFromSubquery(e, state, p, row);
                    }
                }
                addPostLoad(e, state, true);
                return state;
            }
            Set<RelProp> toLoad;
            if (isNew) {
                toLoad = new HashSet<>();
                for (RelProp p : e.mapper.relationships()) {
                    if (!state.isLoaded(p)) {
                        toLoad.add(p);
                    }
                }
                partials.put(state, toLoad);
                if (state.expired) {
                    Session.fill(state, values);
                }
                noLoad(e, state, toLoad);
            } else {
                toLoad = partials.get(state);
            }
            // _populate_partial: "new" / "existing" populators of the unloaded keys, then the
            // "eager" ones (invoke_all_eagers) of the rest, each pass in _prop_set order
            for (RelProp p : e.rowOrder) {
                if (toLoad.contains(p)) {
                    Join j = e.join(p);
                    if (j != null) {
                        populateJoined(state, j, row, isNew);
                    } else if (isNew && e.subqueries.contains(p)) {
                        setFromSubquery(e, state, p, row);
                    }
                }
            }
            for (RelProp p : e.rowOrder) {
                if (!toLoad.contains(p) && invokeAllEagers) {
                    Join j = e.join(p);
                    if (j != null) {
                        // load_collection_from_joined_exec / load_scalar_from_joined_exec: the
                        // row's object goes into no attribute; one it made is freed (CPython)
                        int before = session.createdCount();
                        instance(j.target(), row);
                        if (session.createdCount() > before) {
                            ctx.freeWhenDone = true;
                        }
                    } else if (e.subqueries.contains(p)) {
                        subquery(e, p);
                        // the subquery's children of this object (its attribute already loaded)
                        // go into no attribute: held by the query context's collections only,
                        // they are freed when the load is done unless something else holds them
                        ctx.freeWhenDone = true;
                    }
                }
            }
            if (invokeAllEagers) {
                addPostLoad(e, state, false);
            }
            return state;
        }

        private void noLoad(Entity e, InstanceState state, Set<RelProp> toLoad) {
            for (RelProp p : e.noLoads) {
                if (toLoad == null || toLoad.contains(p)) {
                    session.attributes().setCommittedValue(state, p, p.uselist() ? new ArrayList<>() : null);
                }
            }
            if (e.instanceLazy != null && (toLoad == null || toLoad.contains(e.instanceLazy))) {
                state.instanceLazy.add(e.instanceLazy);
            }
        }

        private void populateJoined(InstanceState state, Join j, List<Object> row, boolean isNew) {
            Map<RelProp, List<InstanceState>> byProp = collecting.computeIfAbsent(state, s -> new LinkedHashMap<>());
            if (isNew) {
                byProp.put(j.prop(), new ArrayList<>());
            }
            InstanceState child = instance(j.target(), row);
            List<InstanceState> list = byProp.get(j.prop());
            if (list != null && child != null && !list.contains(child)) {
                list.add(child);
            }
        }

        private void setFromSubquery(Entity e, InstanceState state, RelProp p, List<Object> row) {
            Map<List<Object>, List<InstanceState>> data = subquery(e, p);
            List<Object> local = new ArrayList<>();
            for (String c : localColumns(p)) {
                local.add(state.dict.get(c));
            }
            List<InstanceState> children = data.getOrDefault(local, List.of());
            Map<RelProp, List<InstanceState>> byProp = collecting.computeIfAbsent(state, s -> new LinkedHashMap<>());
            byProp.put(p, new ArrayList<>(children));
            fromSubquery.add(List.of(state, p));
            // load_collection_from_subq / load_scalar_from_subq set the value at once: a later row
            // of a nested query meeting this object finds the attribute loaded (its "eager" pass)
            session.attributes().setCommittedValue(state, p, valueFor(p, children));
        }

        private Map<List<Object>, List<InstanceState>> subquery(Entity e, RelProp p) {
            Map<List<Object>, List<InstanceState>> done = subqueryResults.get(p);
            if (done == null) {
                // _SubqCollections._load: the subquery's Query autoflushes when the first row needs it
                done = session.asOwnQuery(true, () -> runSubquery(e, p, source, topLevel ? null : ctx));
                subqueryResults.put(p, done);
            }
            return done;
        }

        /**
         * {@code create_row_processor} of the entity's loaders, once per path, in {@code _prop_set}
         * order: a post loader registers itself on the entity's path ({@code PostLoad.callable_for_path}),
         * a joined loader builds its target's row processor, which registers the target's.
         */
        private void register(Entity e) {
            if (!registered.add(e.path)) {
                return;
            }
            for (RelProp p : e.rowOrder) {
                Join j = e.join(p);
                if (j != null) {
                    register(j.target());
                    continue;
                }
                Loader l = e.postLoader(p);
                if (l == null) {
                    continue;
                }
                PostLoad pl = ctx.postLoads.computeIfAbsent(e.path, k -> new PostLoad());
                if (pl.loaders.containsKey(l.prop())) {
                    // PostLoader._setup_for_recursion: PostLoad.path_exists (an earlier query of the same
                    // top-level load set it up) gives run_loader=False; selectin then registers nothing,
                    // immediate registers again, replacing the earlier entry: PASSIVE_NO_FETCH_RELATED
                    if (l.strategy().equals("immediate")) {
                        pl.loaders.put(l.prop(), new Loader(l.prop(), l.strategy(), false));
                    }
                    continue;
                }
                pl.loaders.put(l.prop(), l);
            }
        }

        private void addPostLoad(Entity e, InstanceState state, boolean overwrite) {
            if (e.postLoaders.isEmpty()) {
                return;
            }
            PostLoad pl = ctx.postLoads.get(e.path);
            if (pl != null) {
                pl.states.put(state, overwrite);
            }
        }

        /**
         * Sets the collected values; true when a {@code uselist=False} joined load met several
         * rows: JoinedLoader's {@code load_scalar_from_joined_existing_row} warns and keeps the
         * first, and the other rows' objects are referenced by nothing once the rows are processed.
         */
        boolean finish() {
            boolean extra = false;
            for (Map.Entry<InstanceState, Map<RelProp, List<InstanceState>>> e : collecting.entrySet()) {
                for (Map.Entry<RelProp, List<InstanceState>> c : e.getValue().entrySet()) {
                    RelProp prop = c.getKey();
                    List<InstanceState> children = c.getValue();
                    if (!prop.uselist() && children.size() > 1) {
                        session.warn("Multiple rows returned with uselist=False for eagerly-loaded attribute '"
                                + prop + "' ");
                        if (fromSubquery.contains(List.of(e.getKey(), prop))) {
                            ctx.freeWhenDone = true;
                        } else {
                            extra = true;
                        }
                    }
                    if (fromSubquery.contains(List.of(e.getKey(), prop))) {
                        continue;   // set when its row was processed
                    }
                    session.attributes().setCommittedValue(e.getKey(), prop, valueFor(prop, children));
                }
            }
            return extra;
        }
    }

    /**
     * The parent's columns a relationship's subquery load selects (the subquery's SELECT list
     * when the relationship leads the chain, the outer key columns when it ends it): its
     * {@code local_columns}, a Python set of Column objects, hashed by address
     * ({@code _gather_join_annotations}), so a composite key's columns come in the run's order
     * of that set, one per relationship as the set is memoized ({@link PropSetOrder#arrangeSet},
     * key {@value #LOCAL_COLUMNS_KEY}{@code Class.relationship}).
     */
    private List<String> localColumns(RelProp p) {
        return localColumns.computeIfAbsent(p, this::arrangedLocalColumns);
    }

    private List<String> arrangedLocalColumns(RelProp p) {
        List<String> out = new ArrayList<>();
        for (JoinPair pair : p.synchronizePairs()) {
            out.add(p.direction() == Direction.MANY_TO_ONE ? pair.foreign().column() : pair.referenced().column());
        }
        return session.propSetOrder().arrangeSet(LOCAL_COLUMNS_KEY + p, out, c -> c);
    }

    /** The key prefix of a relationship's {@code local_columns} order in {@link PropSetOrder}. */
    static final String LOCAL_COLUMNS_KEY = "local_columns:";

    // ---------------------------------------------------------------- post loads

    private void invoke(LoadPath path, PostLoad pl, Context ctx) {
        if (pl.states.isEmpty()) {
            return;
        }
        for (Loader l : pl.loaders.values()) {
            List<Map.Entry<InstanceState, Boolean>> states = new ArrayList<>();
            for (Map.Entry<InstanceState, Boolean> e : pl.states.entrySet()) {
                if (e.getKey().mapper == l.prop().parent()) {
                    states.add(e);
                }
            }
            if (states.isEmpty()) {
                continue;
            }
            if (l.strategy().equals("immediate")) {
                session.asOwnQuery(false, () -> {
                    immediate(path, l, states, ctx);
                    return null;
                });
            } else {
                session.asOwnQuery(true, () -> {
                    selectin(path, l.prop(), states, ctx);
                    return null;
                });
                releaseIfParentFreed(states, ctx);
            }
        }
        pl.states.clear();
    }

    /**
     * A selectin load for objects CPython already freed (the extra rows of a {@code uselist=False}
     * joined load) puts what it loads into their {@code state.dict}, a throwaway {@code {}}: once
     * its query is done, nothing holds the objects it made but the top-level query's rows (and
     * its context's subquery collections), so they are freed before the next post load
     * ({@code loading.instances} runs the post loads with only its own {@code rows} alive), and
     * an immediate load for them loads nothing.
     */
    private void releaseIfParentFreed(List<Map.Entry<InstanceState, Boolean>> states, Context ctx) {
        for (Map.Entry<InstanceState, Boolean> e : states) {
            if (e.getKey().session == null) {
                // the top-level context still holds its subquery loads' collections
                List<InstanceState> kept = new ArrayList<>(ctx.topResult);
                if (ctx.topCollections != null) {
                    ctx.topCollections.values().forEach(byParent -> byParent.values().forEach(kept::addAll));
                }
                session.releaseUnreferenced(ctx.createdBefore, kept);
                return;
            }
        }
    }

    /** {@code ImmediateLoader._load_for_path}: a lazy load per object, on the eager path. */
    private void immediate(LoadPath path, Loader l, List<Map.Entry<InstanceState, Boolean>> states, Context ctx) {
        RelProp prop = l.prop();
        for (Map.Entry<InstanceState, Boolean> e : states) {
            InstanceState state = e.getKey();
            if (e.getValue() || !state.isLoaded(prop)) {
                Object value = session.loader().loadOnPath(state, prop, l.runLoader() ? Passive.OFF : Passive.NO_FETCH_RELATED,
                        path.plus(prop), ctx);
                if (value != InstanceState.NO_RESULT && value != InstanceState.WAS_SET) {
                    session.attributes().setCommittedValue(state, prop, value);
                }
            }
        }
    }

    /** Lazy loads run as part of an immediate load join its post loads (one top-level context). */
    List<InstanceState> loadNested(Query q, LoadPath current, Object ctx) {
        return run(q, current, (Context) ctx, false, false, null, null);
    }

    /** {@code SelectInLoader._load_for_path}. */
    private void selectin(LoadPath path, RelProp prop, List<Map.Entry<InstanceState, Boolean>> states, Context ctx) {
        Table target = prop.mapper().table();
        LoadPath current = path.plus(prop);
        Cause cause = Why.eagerLoad(prop, "selectin");
        if (prop.direction() == Direction.MANY_TO_ONE && prop.useGet()) {
            Map<List<Object>, List<InstanceState>> byKey = new LinkedHashMap<>();
            List<InstanceState> noneStates = new ArrayList<>();
            List<String> fks = new ArrayList<>();
            for (Column pk : prop.mapper().primaryKey()) {
                for (JoinPair p : prop.synchronizePairs()) {
                    if (p.referenced().column().equals(pk.name())) {
                        fks.add(p.foreign().column());
                    }
                }
            }
            for (Map.Entry<InstanceState, Boolean> e : states) {
                List<Object> ident = new ArrayList<>();
                for (String fk : fks) {
                    // _get_state_attr_by_column(PASSIVE_NO_FETCH): an expired key is PASSIVE_NO_RESULT
                    // (SQLAlchemy falls back to a joined query), a key never loaded (the object freed:
                    // its dict is empty) the default None
                    if (!e.getKey().dict.containsKey(fk) && e.getKey().expired) {
                        throw new OrmException("NotSimulated", "not simulated: lazy='selectin' on " + prop
                                + " for an object whose foreign key is not loaded");
                    }
                    ident.add(e.getKey().dict.get(fk));
                }
                if (ident.contains(null)) {
                    noneStates.add(e.getKey());
                } else {
                    byKey.computeIfAbsent(ident, k -> new ArrayList<>()).add(e.getKey());
                }
            }
            List<List<Object>> keys = new ArrayList<>(byKey.keySet());
            if (prop.mapper().release() == Release.V2_0) {
                // 2.0's _load_via_child sorts the keys ("for the benefit of the unit tests"); 2.1 keeps load order
                keys.sort(EagerLoads::compareKeys);
            }
            Map<List<Object>, InstanceState> data = new HashMap<>();
            if (!keys.isEmpty()) {
                List<String> pkCols = prop.mapper().primaryKey().stream()
                        .map(c -> SqlCompiler.qualified(target.name(), c.name())).toList();
                String where = inClause(pkCols, keys.size());
                List<Object> params = flatten(keys);
                String orderBy = SqlCompiler.orderBy(prop.mapping().relationship().orderBy());
                Leading leading = new Leading(target.name(), target, prop.mapper().primaryKey(), null);
                select(new Query(prop.mapper(), null, where, params, orderBy, loadStyle(prop), cause)
                                .consumed(Consume.ITERATE_IF_UNIQUING),
                        new Source(SqlIdentifiers.quote(target.name()), where, params), current, ctx, false, true, null,
                        leading, null, new HashMap<>(), null);
                for (Object[] r : leading.rows) {
                    data.put(normalized(r[0]), (InstanceState) r[1]);
                }
            }
            for (List<Object> k : keys) {
                for (InstanceState s : byKey.get(k)) {
                    if (!states.stream().filter(e -> e.getKey() == s).findFirst().get().getValue() && s.isLoaded(prop)) {
                        continue;
                    }
                    InstanceState related = data.get(normalized(k));
                    session.attributes().setCommittedValue(s, prop, prop.uselist()
                            ? (related == null ? List.of() : List.of(related)) : related);
                }
            }
            for (InstanceState s : noneStates) {
                if (!s.isLoaded(prop) || states.stream().filter(e -> e.getKey() == s).findFirst().get().getValue()) {
                    session.attributes().setCommittedValue(s, prop, prop.uselist() ? List.of() : null);
                }
            }
            return;
        }
        List<List<Object>> keys = new ArrayList<>();
        for (Map.Entry<InstanceState, Boolean> e : states) {
            keys.add(e.getKey().key);
        }
        List<Object> params = flatten(keys);
        Leading leading;
        Query q;
        Source source;
        Function<Map<String, Integer>, String> fromOverride = null;
        Map<String, Integer> aliasCounts = new HashMap<>();
        String orderBy = SqlCompiler.orderBy(prop.mapping().relationship().orderBy());
        if (prop.secondary() == null) {
            List<Column> fkCols = new ArrayList<>();
            List<String> fkSql = new ArrayList<>();
            for (Column pk : prop.parent().primaryKey()) {
                for (JoinPair p : prop.synchronizePairs()) {
                    if (p.referenced().column().equals(pk.name())) {
                        fkCols.add(target.column(p.foreign().column()));
                        fkSql.add(SqlCompiler.qualified(target.name(), p.foreign().column()));
                    }
                }
            }
            if (fkCols.size() != prop.parent().primaryKey().size()) {
                throw new OrmException("NotSimulated", "not simulated: lazy='selectin' on " + prop
                        + " whose join does not use the parent's primary key");
            }
            String where = inClause(fkSql, keys.size());
            leading = new Leading(target.name(), target, fkCols, null);
            q = new Query(prop.mapper(), null, where, params, orderBy, loadStyle(prop), cause)
                    .consumed(Consume.ITERATE_IF_UNIQUING);
            source = new Source(SqlIdentifiers.quote(target.name()), where, params);
        } else if (loadStyle(prop) == LabelStyle.NONE) {
            // 2.1: the secondary table joined to the target, the parent's key taken from the secondary
            Table sec = prop.secondary();
            String from = SqlIdentifiers.quote(sec.name()) + " JOIN " + SqlIdentifiers.quote(target.name()) + " ON "
                    + onPairs(prop.secondarySynchronizePairs(), target.name(), sec.name());
            fromOverride = counts -> from;
            List<Column> fkCols = new ArrayList<>();
            for (Column pk : prop.parent().primaryKey()) {
                for (JoinPair p : prop.synchronizePairs()) {
                    if (p.referenced().column().equals(pk.name())) {
                        fkCols.add(sec.column(p.foreign().column()));
                    }
                }
            }
            String where = inClause(fkCols.stream().map(c -> SqlCompiler.qualified(sec.name(), c.name())).toList(),
                    keys.size());
            leading = new Leading(sec.name(), sec, fkCols, null);
            q = new Query(prop.mapper(), null, where, params, orderBy, loadStyle(prop), cause)
                    .consumed(Consume.ITERATE_IF_UNIQUING);
            source = new Source(from, where, params);
        } else {
            // _init_for_join: the parent's AliasedClass, whose key leads the SELECT list, joined
            // through the secondary (aliased too) to the target; the secondary's alias is named
            // with the FROM, after the SELECT list's joined eager aliases
            Table parent = prop.parent().table();
            int count = keys.size();
            String pAlias = alias(parent.name(), aliasCounts);
            String where = parentKeyIn(prop, pAlias, count);
            fromOverride = counts -> viaParent(prop, pAlias, alias(prop.secondary().name(), counts));
            leading = new Leading(pAlias, parent, prop.parent().primaryKey(), null);
            q = new Query(prop.mapper(), null, where, params, orderBy, loadStyle(prop), cause)
                    .consumed(Consume.ITERATE_IF_UNIQUING);
            // a subquery load wrapping this query names both aliases anew in its own statement
            source = new Source(counts -> {
                String p = alias(parent.name(), counts);
                return new Clauses(viaParent(prop, p, alias(prop.secondary().name(), counts)),
                        parentKeyIn(prop, p, count));
            }, params, List.of(), LoadPath.ROOT);
        }
        int createdBefore = session.createdCount();
        select(q, source, current, ctx, false, true, null, leading, fromOverride, aliasCounts, null);
        // _load_via_parent: 2.0 uniques the rows (result.unique()); 2.1 only when the query
        // requires it, so a joined uselist=False load meeting several rows repeats its parent's row
        boolean unique = prop.mapper().release() == Release.V2_0 || leading.requiresUniquing;
        Map<List<Object>, List<InstanceState>> data = new LinkedHashMap<>();
        for (Object[] r : leading.rows) {
            List<InstanceState> list = data.computeIfAbsent(normalized(r[0]), k -> new ArrayList<>());
            if (!unique || !list.contains((InstanceState) r[1])) {
                list.add((InstanceState) r[1]);
            }
        }
        boolean unassigned = false;
        for (Map.Entry<InstanceState, Boolean> e : states) {
            InstanceState s = e.getKey();
            List<InstanceState> children = data.getOrDefault(normalized(s.key), List.of());
            if (!e.getValue() && s.isLoaded(prop)) {
                unassigned |= !children.isEmpty();
                continue;
            }
            if (!prop.uselist() && children.size() > 1) {
                session.warn("Multiple rows returned with uselist=False for eagerly-loaded attribute '" + prop + "' ");
                unassigned = true;
            }
            session.attributes().setCommittedValue(s, prop, valueFor(prop, children));
        }
        if (unassigned) {
            // _load_via_parent's local `data` held the rows no parent took (a uselist=False
            // attribute keeps the first; a parent whose value stays is skipped): CPython frees
            // them when it returns, and the weak identity map forgets them
            session.releaseUnreferenced(createdBefore, List.of());
        }
    }

    /**
     * {@code SubqueryLoader}: the query that loaded the parents, reduced to their keys, joined to
     * the targets. When the parents were themselves loaded by a subquery load, the chain goes back
     * to the first query: its keys, then each relationship of the chain joined in turn.
     */
    private Map<List<Object>, List<InstanceState>> runSubquery(Entity e, RelProp prop, Source source, Context shared) {
        int createdBefore = session.createdCount();
        List<RelProp> hops = new ArrayList<>(source.chain());
        List<RelProp> joined = new ArrayList<>();
        for (Entity x = e; x.parent != null; x = x.parent) {
            joined.add(0, x.via);
        }
        hops.addAll(joined);
        hops.add(prop);
        RelProp first = hops.get(0);
        Table left = first.parent().table();
        List<String> leftLocal = localColumns(first);
        boolean distinct = !new HashSet<>(leftLocal).containsAll(
                first.parent().primaryKey().stream().map(Column::name).toList());
        List<String> inner = new ArrayList<>();
        for (String c : leftLocal) {
            inner.add(SqlCompiler.qualified(left.name(), c) + " AS "
                    + SqlIdentifiers.quote(SqlCompiler.label(left, left.name(), c)));
        }
        Map<String, Integer> aliasCounts = new HashMap<>();
        // anonymous aliases are numbered as the compiler first renders them: the parent whose key the
        // SELECT list leads with comes first, then the target's joined eager loads, then the FROM:
        // the wrapped query's own aliases, then the chain (r5016_0058: ant_1 is the last parent,
        // ant_2 the first hop)
        String parentAlias = hops.size() > 1 ? alias(prop.parent().table().name(), aliasCounts) : "anon_1";
        Function<Map<String, Integer>, String> fromText = counts -> {
            Clauses wrapped = source.clauses().apply(counts);
            StringBuilder from = new StringBuilder("(SELECT " + (distinct ? "DISTINCT " : "")
                    + String.join(", ", inner) + " \nFROM " + wrapped.from() + " \nWHERE " + wrapped.where()
                    + ") AS anon_1");
            // the parent side of the next join: a qualifier and how its columns are named there
            String parentQ = "anon_1";
            UnaryOperator<String> parentCol = c -> SqlCompiler.label(left, left.name(), c);
            for (int i = 0; i < hops.size(); i++) {
                RelProp hop = hops.get(i);
                boolean last = i == hops.size() - 1;
                Table t = hop.mapper().table();
                String q = last ? t.name() : i == hops.size() - 2 ? parentAlias : alias(t.name(), counts);
                String targetRef = last ? SqlIdentifiers.quote(t.name())
                        : SqlIdentifiers.quote(t.name()) + " AS " + SqlIdentifiers.quote(q);
                if (hop.secondary() != null) {
                    String sec = hop.secondary().name();
                    String sAlias = alias(sec, counts);
                    List<String> on1 = new ArrayList<>();
                    for (JoinPair p : hop.synchronizePairs()) {
                        on1.add(SqlCompiler.qualified(parentQ, parentCol.apply(p.referenced().column())) + " = "
                                + SqlCompiler.qualified(sAlias, p.foreign().column()));
                    }
                    List<String> on2 = new ArrayList<>();
                    for (JoinPair p : hop.secondarySynchronizePairs()) {
                        on2.add(SqlCompiler.qualified(q, p.referenced().column()) + " = "
                                + SqlCompiler.qualified(sAlias, p.foreign().column()));
                    }
                    from.append(" JOIN ").append(SqlIdentifiers.quote(sec)).append(" AS ")
                            .append(SqlIdentifiers.quote(sAlias)).append(" ON ").append(String.join(" AND ", on1))
                            .append(" JOIN ").append(targetRef).append(" ON ").append(String.join(" AND ", on2));
                } else {
                    List<String> on = new ArrayList<>();
                    for (JoinPair p : hop.synchronizePairs()) {
                        if (hop.direction() == Direction.MANY_TO_ONE) {
                            on.add(SqlCompiler.qualified(q, p.referenced().column()) + " = "
                                    + SqlCompiler.qualified(parentQ, parentCol.apply(p.foreign().column())));
                        } else {
                            on.add(SqlCompiler.qualified(parentQ, parentCol.apply(p.referenced().column())) + " = "
                                    + SqlCompiler.qualified(q, p.foreign().column()));
                        }
                    }
                    from.append(" JOIN ").append(targetRef).append(" ON ").append(String.join(" AND ", on));
                }
                if (!last) {
                    parentQ = q;
                    parentCol = c -> c;
                }
            }
            return from.toString();
        };
        Leading leading;
        if (hops.size() == 1) {
            Table anon = anonTable(left, leftLocal);
            leading = new Leading("anon_1", anon, null, new ArrayList<>(anon.columns().values()));
        } else {
            Table parentTable = prop.parent().table();
            List<Column> cols = localColumns(prop).stream().map(parentTable::column).toList();
            leading = new Leading(parentAlias, parentTable, null, cols);
        }
        String orderBy = SqlCompiler.orderBy(prop.mapping().relationship().orderBy());
        // the subquery's Query carries the parent query's execution options: inside a post load
        // (sa_top_level_orm_context) it joins the top-level post loads, else it runs its own
        Context own = shared != null ? shared : new Context();
        if (shared == null) {
            // its own loading.instances: its post loads free only what this query made; the
            // objects of the queries still running around it (their rows) stay alive (r8503_0024)
            own.createdBefore = createdBefore;
        }
        // SubqueryLoader.setup_query: the subquery's Query runs on the path "subquery_paths" gives plus
        // the entity's path in its own query, not on the current path of the query it came from
        // (a lazy load's): the recursion guard inside it does not see that one (r5008_0011)
        LoadPath rewritten = source.subqueryPath();
        for (Object entry : e.local.entries()) {
            rewritten = entry instanceof Mapper m ? rewritten.plus(m) : rewritten.plus((RelProp) entry);
        }
        rewritten = rewritten.plus(prop);
        Source chained = new Source(source.clauses(), source.params(), hops, rewritten);
        // subqueryload runs a legacy Query: table-plus-column labels in every release
        List<InstanceState> rows = select(new Query(prop.mapper(), null, null, source.params(), orderBy,
                        LabelStyle.TABLENAME_PLUS_COL, Why.eagerLoad(prop, "subquery")).consumed(Consume.ITERATE),
                chained, rewritten, own, shared == null, true, null, leading, fromText, aliasCounts, null);
        if (shared == null) {
            own.topResult = rows;   // the rows its post loads run beside
            drain(own);
        }
        Map<List<Object>, List<InstanceState>> data = new LinkedHashMap<>();
        List<InstanceState> loaded = new ArrayList<>();
        for (Object[] r : leading.rows) {
            List<InstanceState> list = data.computeIfAbsent(normalized(r[0]), k -> new ArrayList<>());
            if (!list.contains((InstanceState) r[1])) {
                list.add((InstanceState) r[1]);
            }
            loaded.add((InstanceState) r[1]);
        }
        if (shared == null && own.freeWhenDone) {
            // the subquery's own query is done: its uselist=False subquery loads' extra rows go
            session.releaseUnreferenced(createdBefore, loaded);
        }
        return data;
    }

    /** The subquery's columns as a table named by their labels, for the outer SELECT's {@code anon_1.x AS anon_1_x}. */
    private static Table anonTable(Table parent, List<String> local) {
        Map<String, Column> cols = new LinkedHashMap<>();
        for (String c : local) {
            String label = SqlCompiler.label(parent, parent.name(), c);
            Column pc = parent.column(c);
            cols.put(label, Column.of(label, pc.type()));
        }
        return new Table("anon_1", cols, List.of());
    }

    /**
     * The FROM of 2.0's selectin load through a secondary ({@code _load_via_parent} after
     * {@code _init_for_join}): the parent's alias joined through the secondary's alias to the target.
     */
    private static String viaParent(RelProp prop, String parentAlias, String secAlias) {
        Table target = prop.mapper().table();
        return SqlIdentifiers.quote(prop.parent().tableName()) + " AS " + SqlIdentifiers.quote(parentAlias) + " JOIN "
                + SqlIdentifiers.quote(prop.secondary().name()) + " AS " + SqlIdentifiers.quote(secAlias) + " ON "
                + onPairs(prop.synchronizePairs(), parentAlias, secAlias) + " JOIN " + SqlIdentifiers.quote(target.name()) + " ON "
                + onPairs(prop.secondarySynchronizePairs(), target.name(), secAlias);
    }

    /** Its WHERE: the parent alias's key IN the parents' keys. */
    private static String parentKeyIn(RelProp prop, String parentAlias, int keyCount) {
        return inClause(prop.parent().primaryKey().stream()
                .map(c -> SqlCompiler.qualified(parentAlias, c.name())).toList(), keyCount);
    }

    private static String inClause(List<String> cols, int count) {
        if (cols.size() == 1) {
            return cols.get(0) + " IN (" + String.join(", ", Collections.nCopies(count, "?")) + ")";
        }
        String one = "(" + String.join(", ", Collections.nCopies(cols.size(), "?")) + ")";
        return "(" + String.join(", ", cols) + ") IN (VALUES " + String.join(", ", Collections.nCopies(count, one)) + ")";
    }

    private static List<Object> flatten(List<List<Object>> keys) {
        List<Object> out = new ArrayList<>();
        keys.forEach(out::addAll);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> normalized(Object values) {
        List<Object> out = new ArrayList<>();
        for (Object v : (List<Object>) values) {
            out.add(v instanceof Integer i ? Long.valueOf(i) : v);
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKeys(List<Object> a, List<Object> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            int c;
            if (x instanceof Number nx && y instanceof Number ny) {
                c = Double.compare(nx.doubleValue(), ny.doubleValue());
            } else if (x instanceof Comparable cx && y != null && x.getClass() == y.getClass()) {
                c = cx.compareTo(y);
            } else {
                c = String.valueOf(x).compareTo(String.valueOf(y));
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    // ---------------------------------------------------------------- setting up the SELECT

    /**
     * {@code _setup_entity_query}: the joined eager loads of an entity, recursively, and its post loaders.
     * {@code refresh} is the query's {@code context.refresh_state}: selectin and subquery loaders of
     * every entity of the SELECT, joined ones too, then load as immediate ones do.
     */
    private void setup(Entity e, Map<String, Integer> aliasCounts, List<Join> joinOrder, boolean refresh,
                       RelProp lazyHere) {
        List<RelProp> loaders = new ArrayList<>();
        for (RelProp prop : e.mapper.relationships()) {
            if (e.only != null && !e.only.relationships().contains(prop)) {
                continue;   // _setup_entity_query: a property not in only_load_props is not set up
            }
            if (prop == lazyHere) {
                // the lazyload() option _lazyload_reverse puts on this path: a lazy callable per object
                e.instanceLazy = prop;
                continue;
            }
            String lazy = lazy(prop);
            if (lazy.equals("noload")) {
                e.noLoads.add(prop);
                continue;
            }
            LoadPath withProp = e.path.plus(prop);
            boolean guarded = withProp.containsMapper(prop.mapper());
            if (lazy.equals("joined")) {
                if (e.local.plus(prop).containsMapper(prop.mapper())) {
                    continue;
                }
                Entity target = new Entity(prop.mapper(), null, e, withProp.plus(prop.mapper()),
                        e.local.plus(prop).plus(prop.mapper()));
                target.via = prop;
                Join j = new Join(prop, target);
                e.joins.add(j);
                joinOrder.add(j);
                loaders.add(prop);
                setup(target, aliasCounts, joinOrder, refresh, null);
            } else if (lazy.equals("immediate") || (refresh && (lazy.equals("selectin") || lazy.equals("subquery")))) {
                e.postLoaders.add(new Loader(prop, "immediate", !guarded));
                loaders.add(prop);
            } else if (lazy.equals("selectin") && !guarded) {
                e.postLoaders.add(new Loader(prop, "selectin", true));
                loaders.add(prop);
            } else if (lazy.equals("subquery") && !guarded) {
                e.subqueries.add(prop);
                loaders.add(prop);
            }
        }
        e.rowOrder = session.registry().propSetOrder().arrange(e.mapper, loaders);
    }

    /** The entity's own columns; joined entities get their alias names in SELECT-list order. */
    private static int[] positions(Columns cols, Entity e) {
        Table t = e.mapper.table();
        int[] pos = new int[e.mapper.columns().size()];
        for (int i = 0; i < pos.length; i++) {
            Column c = e.mapper.columns().get(i);
            pos[i] = e.only == null || e.only.columns().contains(c.name()) ? cols.add(e.qualifier, t, c) : -1;
        }
        return pos;
    }

    /**
     * {@code JoinedLoader._create_eager_join}: the parent's columns of each joined relationship's
     * join condition go into the primary columns ("undefering" them), after the entity's own, so
     * a load limited to some columns still selects them. They are not populated.
     */
    private static void undeferJoinColumns(Columns cols, Entity e) {
        Table t = e.mapper.table();
        for (Join j : e.joins) {
            RelProp prop = j.prop();
            List<String> names = new ArrayList<>();
            for (JoinPair p : prop.synchronizePairs()) {
                // the parent's side: its foreign key of a many-to-one, its referenced key otherwise
                names.add(prop.direction() == Direction.MANY_TO_ONE && prop.secondary() == null
                        ? p.foreign().column() : p.referenced().column());
            }
            for (Column c : e.mapper.columns()) {
                if (names.contains(c.name())) {
                    cols.add(e.qualifier, t, c);
                }
            }
        }
    }

    /** Joined entities' columns: nested ones first, then the entity's own, as SQLAlchemy adds them. */
    private static void secondaryColumns(Columns cols, Entity e, Map<String, Integer> aliasCounts) {
        for (Join j : e.joins) {
            fill(cols, j.target, aliasCounts);
        }
    }

    /** The next anonymous alias of a table in one statement: {@code order_1}, {@code 2_items_2} (counted per body). */
    private static String alias(String table, Map<String, Integer> aliasCounts) {
        String body = SqlIdentifiers.anonymousBody(table);
        return body + "_" + aliasCounts.merge(body, 1, Integer::sum);
    }

    private static void fill(Columns cols, Entity e, Map<String, Integer> aliasCounts) {
        for (Join j : e.joins) {
            fill(cols, j.target, aliasCounts);
        }
        String name = e.mapper.tableName();
        e.qualifier = alias(name, aliasCounts);
        e.positions = positions(cols, e);
    }

    private static String joinText(Join j, Map<String, Integer> aliasCounts) {
        RelProp prop = j.prop;
        String parent = j.target.parent.qualifier;
        String alias = j.target.qualifier;
        if (prop.secondary() != null) {
            String sec = prop.secondary().name();
            String secAlias = alias(sec, aliasCounts);
            return " LEFT OUTER JOIN (" + SqlIdentifiers.quote(sec) + " AS " + SqlIdentifiers.quote(secAlias) + " JOIN "
                    + SqlIdentifiers.quote(prop.mapper().tableName()) + " AS " + SqlIdentifiers.quote(alias) + " ON "
                    + onPairs(prop.secondarySynchronizePairs(), alias, secAlias) + ") ON "
                    + onPairs(prop.synchronizePairs(), parent, secAlias);
        }
        String on = prop.direction() == Direction.ONE_TO_MANY
                ? onPairs(prop.synchronizePairs(), parent, alias)
                : onPairs(prop.synchronizePairs(), alias, parent);
        return " LEFT OUTER JOIN " + SqlIdentifiers.quote(prop.mapper().tableName()) + " AS "
                + SqlIdentifiers.quote(alias) + " ON " + on;
    }

    /**
     * A join's ON: each pair's referenced column under {@code referencedIn} equal to its foreign
     * column under {@code foreignIn}, joined by AND.
     */
    private static String onPairs(List<JoinPair> pairs, String referencedIn, String foreignIn) {
        List<String> on = new ArrayList<>();
        for (JoinPair p : pairs) {
            on.add(SqlCompiler.qualified(referencedIn, p.referenced().column()) + " = "
                    + SqlCompiler.qualified(foreignIn, p.foreign().column()));
        }
        return String.join(" AND ", on);
    }

    /**
     * {@code LazyLoader._lazyload_reverse}: the lazy load of a relationship does not eagerly load
     * its reverse many-to-one (it is the object being loaded from).
     */
    private static RelProp reverseOf(RelProp lazyFrom) {
        if (lazyFrom == null) {
            return null;
        }
        RelProp rev = lazyFrom.reverse() != null ? lazyFrom.reverse() : lazyFrom.backPopulatesProp();
        // not isinstance(rev.strategy, LazyLoader): lazy='raise' is a LazyLoader too
        if (rev != null && rev.direction() == Direction.MANY_TO_ONE && rev.useGet() && !lazy(rev).equals("select")
                && !lazy(rev).equals("raise")) {
            return rev;
        }
        return null;
    }

    /** The labels of a selectin load's SELECT (2.1 renders none). */
    private static LabelStyle loadStyle(RelProp prop) {
        return LabelStyle.ofLoads(prop.mapper().selectStyle());
    }

    private static String lazy(RelProp prop) {
        return prop.mapping().relationship().effectiveLazy();
    }

    /** What a loaded relationship holds: the list, or for {@code uselist=False} its first object (None when empty). */
    private static Object valueFor(RelProp prop, List<InstanceState> children) {
        return prop.uselist() ? children : (children.isEmpty() ? null : children.get(0));
    }
}
