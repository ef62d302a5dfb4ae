package dev.cascadeviz.orm;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.Table;
import java.util.ArrayList;
import java.util.List;

/** A mapped class as the session sees it: its table, primary key and relationships. */
public final class Mapper {

    private final MappedClass mappedClass;
    private final Table table;
    private final List<Column> columns;
    private final List<Column> primaryKey;
    final List<RelProp> relationships = new ArrayList<>();
    /** {@code Mapper._delete_orphans}: (relationship, parent mapper) pairs with delete-orphan pointing here. */
    final List<RelProp> deleteOrphans = new ArrayList<>();

    Mapper(MappedClass mappedClass, Table table) {
        this.mappedClass = mappedClass;
        this.table = table;
        this.columns = List.copyOf(table.columns().values());
        this.primaryKey = table.primaryKey();
    }

    public String className() {
        return mappedClass.name();
    }

    public Table table() {
        return table;
    }

    public String tableName() {
        return table.name();
    }

    public List<Column> columns() {
        return columns;
    }

    public List<Column> primaryKey() {
        return primaryKey;
    }

    public List<RelProp> relationships() {
        return relationships;
    }

    public RelProp relationship(String name) {
        for (RelProp p : relationships) {
            if (p.key().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** {@code Mapper._sort_key}; every class lives in one module, so the class name orders them. */
    public String sortKey() {
        return mappedClass.name();
    }

    /**
     * {@code Mapper._is_orphan}: with delete-orphan on some parent relationship, a state with no
     * parent flag for it is an orphan; persistent states are optimistically taken to have one.
     */
    public boolean isOrphan(InstanceState state) {
        for (RelProp prop : deleteOrphans) {
            if (!state.hasParent(prop, state.hasIdentity())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "Mapper[" + className() + "(" + tableName() + ")]";
    }
}
