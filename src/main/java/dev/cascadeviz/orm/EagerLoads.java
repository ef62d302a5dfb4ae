package dev.cascadeviz.orm;

import dev.cascadeviz.db.SqlIdentifiers;
import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.model.mapping.Direction;
import dev.cascadeviz.model.mapping.JoinPair;
import dev.cascadeviz.orm.sql.LabelStyle;
import dev.cascadeviz.orm.sql.SqlCompiler;
import dev.cascadeviz.trace.Cause;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loading a mapper's rows with its eager relationships ({@code lazy='joined'}, {@code 'selectin'},
 * {@code 'subquery'}), as SQLAlchemy's loader strategies do: joined ones become LEFT OUTER JOINs
 * of the same SELECT, the others a second SELECT for the parents the first one loaded.
 */
final class EagerLoads {

    private final Session session;

    EagerLoads(Session session) {
        this.session = session;
    }

    private record Joined(RelProp prop, SqlCompiler.EagerJoin join) {
    }

    /**
     * Runs {@code SELECT <mapper> [joins] FROM ... WHERE where} and returns the distinct
     * instances in row order, with eager relationships populated.
     */
    List<InstanceState> load(Mapper mapper, Table secondary, String where, List<Object> params, String orderBy,
                             LabelStyle style, dev.cascadeviz.trace.Cause cause) {
        if (!mapper.hasEagerRelationships()) {
            String sql = mapper.cachedSelect(style + "\u0000" + where + "\u0000"
                            + (secondary == null ? "" : secondary.name()) + orderBy,
                    () -> SqlCompiler.select(style, mapper.table(), secondary, List.of(), where, orderBy));
            List<List<Object>> rows = session.executor().query(sql, params, mapper.types(), cause);
            Set<InstanceState> result = new LinkedHashSet<>();
            for (List<Object> row : rows) {
                result.add(session.instanceFromRow(mapper, row));
            }
            return new ArrayList<>(result);
        }
        List<Joined> joins = new ArrayList<>();
        Map<String, Integer> aliasCounts = new HashMap<>();
        for (RelProp prop : mapper.relationships()) {
            if (lazy(prop).equals("joined") && prop.direction() != Direction.MANY_TO_MANY && !prop.selfReferential()
                    && secondary == null) {
                Table t = prop.mapper().table();
                int n = aliasCounts.merge(t.name(), 1, Integer::sum);
                String alias = t.name() + "_" + n;
                joins.add(new Joined(prop, new SqlCompiler.EagerJoin(t, alias, on(prop, alias))));
            }
        }
        String sql = SqlCompiler.select(style, mapper.table(), secondary,
                joins.stream().map(Joined::join).toList(), where, orderBy);
        List<ColumnType> types = types(mapper.table());
        for (Joined j : joins) {
            types.addAll(types(j.prop().mapper().table()));
        }
        List<List<Object>> rows = session.executor().query(sql, params, types, cause);
        int width = mapper.columns().size();
        Set<InstanceState> result = new LinkedHashSet<>();
        Map<RelProp, Map<InstanceState, List<InstanceState>>> collected = new LinkedHashMap<>();
        for (List<Object> row : rows) {
            InstanceState parent = session.instanceFromRow(mapper, row.subList(0, width));
            boolean first = result.add(parent);
            int offset = width;
            for (Joined j : joins) {
                Mapper target = j.prop().mapper();
                int w = target.columns().size();
                List<Object> slice = row.subList(offset, offset + w);
                offset += w;
                Map<InstanceState, List<InstanceState>> byParent = collected.computeIfAbsent(j.prop(),
                        p -> new LinkedHashMap<>());
                if (first && !parent.isLoaded(j.prop())) {
                    byParent.put(parent, new ArrayList<>());
                }
                List<InstanceState> list = byParent.get(parent);
                if (list != null && !allNull(target, slice)) {
                    InstanceState child = session.instanceFromRow(target, slice);
                    if (!list.contains(child)) {
                        list.add(child);
                    }
                }
            }
        }
        collected.forEach((prop, byParent) -> byParent.forEach((parent, children) ->
                session.attributes().setCommittedValue(parent, prop,
                        prop.uselist() ? children : (children.isEmpty() ? null : children.get(0)))));
        List<InstanceState> parents = new ArrayList<>(result);
        for (RelProp prop : mapper.relationships()) {
            String lazy = lazy(prop);
            if (prop.direction() == Direction.ONE_TO_MANY && !prop.selfReferential()
                    && (lazy.equals("selectin") || lazy.equals("subquery"))) {
                List<InstanceState> todo = new ArrayList<>();
                for (InstanceState p : parents) {
                    if (!p.isLoaded(prop)) {
                        todo.add(p);
                    }
                }
                if (!todo.isEmpty()) {
                    if (lazy.equals("selectin")) {
                        selectin(prop, todo);
                    } else {
                        subquery(prop, todo, mapper, where, params);
                    }
                }
            }
        }
        return parents;
    }

    private static String lazy(RelProp prop) {
        return prop.mapping().relationship().effectiveLazy();
    }

    /** The ON clause: {@code referenced = foreign}, the target side aliased. */
    private static String on(RelProp prop, String alias) {
        List<String> parts = new ArrayList<>();
        for (JoinPair p : prop.synchronizePairs()) {
            if (prop.direction() == Direction.ONE_TO_MANY) {
                parts.add(SqlCompiler.qualified(p.referenced().table(), p.referenced().column()) + " = "
                        + SqlCompiler.qualified(alias, p.foreign().column()));
            } else {
                parts.add(SqlCompiler.qualified(alias, p.referenced().column()) + " = "
                        + SqlCompiler.qualified(p.foreign().table(), p.foreign().column()));
            }
        }
        return String.join(" AND ", parts);
    }

    /** {@code selectinload} of a one-to-many: the children of all the parents, foreign key columns first. */
    private void selectin(RelProp prop, List<InstanceState> parents) {
        Table child = prop.mapper().table();
        List<JoinPair> pairs = prop.synchronizePairs();
        if (pairs.size() != 1) {
            return;
        }
        JoinPair pair = pairs.get(0);
        List<Column> order = new ArrayList<>();
        order.add(child.column(pair.foreign().column()));
        for (Column c : child.columns().values()) {
            if (!c.name().equals(pair.foreign().column())) {
                order.add(c);
            }
        }
        SqlCompiler.ColumnsClause select = new SqlCompiler.ColumnsClause(prop.mapper().selectStyle());
        List<ColumnType> types = new ArrayList<>();
        for (Column c : order) {
            select.add(child, child.name(), c.name());
            types.add(c.type());
        }
        List<Object> keys = new ArrayList<>();
        for (InstanceState p : parents) {
            keys.add(session.attributes().columnValue(p, pair.referenced().column()));
        }
        String in = String.join(", ", java.util.Collections.nCopies(keys.size(), "?"));
        String sql = "SELECT " + select + " \nFROM " + dev.cascadeviz.db.SqlIdentifiers.quote(child.name())
                + " \nWHERE " + SqlCompiler.qualified(child.name(), pair.foreign().column()) + " IN (" + in + ")"
                + SqlCompiler.orderBy(prop.mapping().relationship().orderBy());
        List<List<Object>> rows = session.executor().query(sql, keys, types, Why.eagerLoad(prop, "selectin"));
        Map<Object, List<InstanceState>> byKey = new LinkedHashMap<>();
        List<Column> tableOrder = new ArrayList<>(child.columns().values());
        for (List<Object> row : rows) {
            List<Object> inTableOrder = new ArrayList<>();
            for (Column c : tableOrder) {
                inTableOrder.add(row.get(order.indexOf(c)));
            }
            InstanceState s = session.instanceFromRow(prop.mapper(), inTableOrder);
            byKey.computeIfAbsent(row.get(0), k -> new ArrayList<>()).add(s);
        }
        for (int i = 0; i < parents.size(); i++) {
            List<InstanceState> children = byKey.getOrDefault(keys.get(i), List.of());
            session.attributes().setCommittedValue(parents.get(i), prop,
                    prop.uselist() ? children : (children.isEmpty() ? null : children.get(0)));
        }
    }

    /** {@code subqueryload} of a one-to-many: the original query, reduced to its key, joined to the children. */
    private void subquery(RelProp prop, List<InstanceState> parents, Mapper mapper, String where, List<Object> params) {
        Table child = prop.mapper().table();
        List<String> inner = new ArrayList<>();
        List<String> outerCols = new ArrayList<>();
        List<String> on = new ArrayList<>();
        List<ColumnType> types = types(child);
        for (JoinPair p : prop.synchronizePairs()) {
            String label = p.referenced().table() + "_" + p.referenced().column();
            inner.add(SqlCompiler.qualified(p.referenced().table(), p.referenced().column()) + " AS "
                    + SqlIdentifiers.quote(label));
            outerCols.add(SqlCompiler.qualified("anon_1", label) + " AS "
                    + SqlIdentifiers.quote("anon_1_" + label));
            on.add(SqlCompiler.qualified("anon_1", label) + " = "
                    + SqlCompiler.qualified(p.foreign().table(), p.foreign().column()));
            types.add(child.column(p.foreign().column()).type());
        }
        // subqueryload runs a legacy Query: table-plus-column labels in every release
        String childCols = new SqlCompiler.ColumnsClause(LabelStyle.TABLENAME_PLUS_COL).addAll(child, child.name())
                .toString();
        String sql = "SELECT " + childCols + ", " + String.join(", ", outerCols) + " \nFROM (SELECT "
                + String.join(", ", inner) + " \nFROM " + dev.cascadeviz.db.SqlIdentifiers.quote(mapper.tableName())
                + " \nWHERE " + where + ") AS anon_1 JOIN " + dev.cascadeviz.db.SqlIdentifiers.quote(child.name())
                + " ON " + String.join(" AND ", on) + SqlCompiler.orderBy(prop.mapping().relationship().orderBy());
        List<List<Object>> rows = session.executor().query(sql, params, types, Why.eagerLoad(prop, "subquery"));
        int width = child.columns().size();
        Map<List<Object>, List<InstanceState>> byKey = new LinkedHashMap<>();
        for (List<Object> row : rows) {
            InstanceState s = session.instanceFromRow(prop.mapper(), row.subList(0, width));
            byKey.computeIfAbsent(new ArrayList<>(row.subList(width, row.size())), k -> new ArrayList<>()).add(s);
        }
        for (InstanceState p : parents) {
            List<Object> key = new ArrayList<>();
            for (JoinPair pair : prop.synchronizePairs()) {
                key.add(session.attributes().columnValue(p, pair.referenced().column()));
            }
            List<InstanceState> children = byKey.getOrDefault(key, List.of());
            session.attributes().setCommittedValue(p, prop,
                    prop.uselist() ? children : (children.isEmpty() ? null : children.get(0)));
        }
    }

    private static boolean allNull(Mapper target, List<Object> slice) {
        List<Column> cols = target.columns();
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).primaryKey() && slice.get(i) != null) {
                return false;
            }
        }
        return true;
    }

    private static List<ColumnType> types(Table t) {
        List<ColumnType> types = new ArrayList<>();
        for (Column c : t.columns().values()) {
            types.add(c.type());
        }
        return types;
    }
}
