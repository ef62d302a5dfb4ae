package dev.cascadeviz.orm;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.Release;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.orm.dependency.DependencyProcessor;
import dev.cascadeviz.orm.sql.LabelStyle;
import dev.cascadeviz.orm.sql.SqlCompiler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** A mapped class as the session sees it: its table, primary key and relationships. */
public final class Mapper {

    private final MappedClass mappedClass;
    /** The run's counter of made-up CPython addresses, shared by its mappers. */
    private final AtomicLong addresses;
    private final Table table;
    private final List<Column> columns;
    private final List<Column> primaryKey;
    final List<RelProp> relationships = new ArrayList<>();
    /** {@code Mapper._delete_orphans}: (relationship, parent mapper) pairs with delete-orphan pointing here. */
    final List<RelProp> deleteOrphans = new ArrayList<>();
    /** {@code Mapper._dependency_processors}: the key-switch processors of many-to-ones pointing here. */
    final List<DependencyProcessor> dependencyProcessors = new ArrayList<>();

    private final List<ColumnType> types;
    private final String primaryKeyWhere;
    private final String selectByPrimaryKey;
    private final String deleteByPrimaryKey;
    private final Map<String, String> selects = new HashMap<>();

    private final Release release;
    private final LabelStyle selectStyle;

    Mapper(MappedClass mappedClass, Table table, Release release, AtomicLong addresses) {
        this.mappedClass = mappedClass;
        this.addresses = addresses;
        this.release = release;
        this.selectStyle = LabelStyle.ormSelects(release);
        this.table = table;
        this.columns = List.copyOf(table.columns().values());
        this.primaryKey = table.primaryKey();
        this.types = columns.stream().map(Column::type).toList();
        this.primaryKeyWhere = SqlCompiler.primaryKeyWhere(table);
        this.selectByPrimaryKey = SqlCompiler.selectByPrimaryKey(selectStyle, table);
        this.deleteByPrimaryKey = SqlCompiler.deleteByPrimaryKey(table);
    }

    /** How this mapper's SELECTs label their columns: the release's switch. */
    /** The SQLAlchemy release the run shows: the one switch the session and the loaders consult. */
    public Release release() {
        return release;
    }

    public LabelStyle selectStyle() {
        return selectStyle;
    }

    /** The column types in column order (what a SELECT of this mapper returns). */
    public List<ColumnType> types() {
        return types;
    }

    /** {@code t.id = ?} (AND-joined for a composite key). */
    public String primaryKeyWhere() {
        return primaryKeyWhere;
    }

    /** The SELECT of session.get and of refreshing an expired object. */
    public String selectByPrimaryKey() {
        return selectByPrimaryKey;
    }

    /** The DELETE of delete_obj. */
    public String deleteByPrimaryKey() {
        return deleteByPrimaryKey;
    }

    /** A SELECT of this mapper's columns built once per distinct shape (compiled-statement cache). */
    String cachedSelect(String key, Supplier<String> build) {
        return selects.computeIfAbsent(key, k -> build.get());
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

    /** The next object's made-up CPython address (objects of one run lie 0x50 apart, as a class's instances would). */
    long nextAddress() {
        return addresses.addAndGet(0x50);
    }

    /** True when some relationship's strategy does anything when a row loads ({@link #loadsEagerly}). */
    boolean hasEagerRelationships() {
        return relationships.stream().anyMatch(Mapper::loadsEagerly);
    }

    /** Whether loading a row does anything for the relationship (any loader but lazy, raise or dynamic). */
    static boolean loadsEagerly(RelProp p) {
        String lazy = p.mapping().relationship().effectiveLazy();
        return !lazy.equals("select") && !lazy.equals("raise") && !lazy.equals("dynamic");
    }

    public List<DependencyProcessor> dependencyProcessors() {
        return dependencyProcessors;
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
