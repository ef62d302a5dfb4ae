package dev.cascadeviz.scenario;

import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.QualifiedColumn;
import dev.cascadeviz.model.Relationship;
import dev.cascadeviz.model.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * STOPGAP until the lead's {@code dev.cascadeviz.model.mapping} lands on main: the minimal part
 * of SQLAlchemy's join-condition and direction derivation ({@code sql.selectable.Join
 * ._join_condition}, {@code orm.relationships.JoinCondition._determine_direction}) that the
 * loader needs to refuse a relationship SQLAlchemy would refuse, and to know whether it is a
 * collection. Messages are SQLAlchemy's. Replace this one class when the real derivation exists.
 */
final class RelationshipCheck {

    enum Direction { ONETOMANY, MANYTOONE, MANYTOMANY }

    /** Either a direction or SQLAlchemy's error. */
    record Result(Direction direction, String error) {
    }

    private RelationshipCheck() {
    }

    /**
     * @param prop the relationship as SQLAlchemy prints it, e.g. {@code Artist.songs}
     */
    static Result check(Map<String, Table> tables, String prop, Table parent, Table child, Relationship rel) {
        Set<QualifiedColumn> consider = null;
        if (!rel.foreignKeys().isEmpty()) {
            consider = new HashSet<>();
            for (String s : rel.foreignKeys()) {
                consider.add(QualifiedColumn.parse(s));
            }
        }
        if (rel.secondary() != null) {
            Table secondary = tables.get(rel.secondary());
            Join childJoin = join(child, secondary, consider);
            Join parentJoin = childJoin.error == null ? join(parent, secondary, consider) : childJoin;
            Join failed = childJoin.error != null ? childJoin : parentJoin;
            if (failed.error == JoinError.NONE) {
                return new Result(null, "Could not determine join condition between parent/child tables on "
                        + "relationship " + prop + " - there are no foreign keys linking these tables via secondary "
                        + "table '" + rel.secondary() + "'.  Ensure that referencing columns are associated with a "
                        + "ForeignKey or ForeignKeyConstraint, or specify 'primaryjoin' and 'secondaryjoin' expressions.");
            }
            if (failed.error == JoinError.MANY) {
                return new Result(null, "Could not determine join condition between parent/child tables on "
                        + "relationship " + prop + " - there are multiple foreign key paths linking the tables via "
                        + "secondary table '" + rel.secondary() + "'.  Specify the 'foreign_keys' argument, providing a "
                        + "list of those columns which should be counted as containing a foreign key reference from "
                        + "the secondary table to each of the parent and child tables.");
            }
            return new Result(Direction.MANYTOMANY, null);
        }
        Join j = join(parent, child, consider);
        if (j.error == JoinError.NONE) {
            return new Result(null, "Could not determine join condition between parent/child tables on relationship "
                    + prop + " - there are no foreign keys linking these tables.  Ensure that referencing columns are "
                    + "associated with a ForeignKey or ForeignKeyConstraint, or specify a 'primaryjoin' expression.");
        }
        if (j.error == JoinError.MANY) {
            return new Result(null, "Could not determine join condition between parent/child tables on relationship "
                    + prop + " - there are multiple foreign key paths linking the tables.  Specify the 'foreign_keys' "
                    + "argument, providing a list of those columns which should be counted as containing a foreign "
                    + "key reference to the parent table.");
        }
        if (!parent.name().equals(child.name())) {
            return new Result(j.foreignTable.equals(child.name()) ? Direction.ONETOMANY : Direction.MANYTOONE, null);
        }
        // Self-referential: the foreign columns are remote unless remote_side says otherwise.
        if (rel.remoteSide().isEmpty()) {
            return new Result(Direction.ONETOMANY, null);
        }
        boolean remoteForeign = false;
        boolean localForeign = false;
        for (String col : j.foreignColumns) {
            if (rel.remoteSide().contains(parent.name() + "." + col)) {
                remoteForeign = true;
            } else {
                localForeign = true;
            }
        }
        if (remoteForeign && !localForeign) {
            return new Result(Direction.ONETOMANY, null);
        }
        if (localForeign && !remoteForeign) {
            return new Result(Direction.MANYTOONE, null);
        }
        return new Result(null, "Can't determine relationship direction for relationship '" + prop + "' - foreign "
                + "key columns within the join condition are present in both the parent and the child's mapped "
                + "tables.  Ensure that only those columns referring to a parent column are marked as foreign, "
                + "either via the foreign() annotation or via the foreign_keys argument.");
    }

    /** Whether the relationship holds a list: uselist if given, else every direction but many-to-one. */
    static boolean isCollection(Relationship rel, Direction direction) {
        if (rel.uselist() != null) {
            return rel.uselist();
        }
        return direction != Direction.MANYTOONE;
    }

    private enum JoinError { NONE, MANY }

    /** The one foreign-key path found, or why there is not exactly one. */
    private record Join(JoinError error, String foreignTable, List<String> foreignColumns) {
    }

    /** One foreign-key constraint found between the tables, with the columns that count. */
    private record Path(String owner, ForeignKey key, List<String> columns) {
    }

    /** SQLAlchemy's join_condition(a, b): b's keys to a, then a's keys to b, one constraint expected. */
    private static Join join(Table a, Table b, Set<QualifiedColumn> consider) {
        List<Path> found = new ArrayList<>();
        scan(b, a, consider, found);
        if (!a.name().equals(b.name())) {
            scan(a, b, consider, found);
        }
        if (found.size() > 1 && consider != null) {
            found.removeIf(p -> {
                Set<QualifiedColumn> elements = new HashSet<>();
                for (String c : p.key().columns()) {
                    elements.add(new QualifiedColumn(p.owner(), c));
                }
                return !elements.equals(consider);
            });
        }
        if (found.size() > 1) {
            Set<List<String>> distinct = new HashSet<>();
            for (Path p : found) {
                List<String> crit = new ArrayList<>(p.columns());
                crit.add(0, p.owner() + ">" + p.key().referencedTable());
                distinct.add(crit);
            }
            if (distinct.size() == 1) {
                found = List.of(found.get(0));
            }
        }
        if (found.isEmpty()) {
            return new Join(JoinError.NONE, null, List.of());
        }
        if (found.size() > 1) {
            return new Join(JoinError.MANY, null, List.of());
        }
        return new Join(null, found.get(0).owner(), found.get(0).columns());
    }

    /** The keys of {@code from} that reference {@code to}, keeping only columns in consider. */
    private static void scan(Table from, Table to, Set<QualifiedColumn> consider, List<Path> found) {
        for (ForeignKey fk : from.allForeignKeys()) {
            if (!fk.referencedTable().equals(to.name())) {
                continue;
            }
            List<String> cols = new ArrayList<>();
            for (String c : fk.columns()) {
                if (consider == null || consider.contains(new QualifiedColumn(from.name(), c))) {
                    cols.add(c);
                }
            }
            if (!cols.isEmpty()) {
                found.add(new Path(from.name(), fk, cols));
            }
        }
    }
}
