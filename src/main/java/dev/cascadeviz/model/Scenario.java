package dev.cascadeviz.model;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;

/**
 * A whole scenario file: schema, mapping, rows, steps and layout. Immutable; edits make a new
 * scenario (which is what undo keeps). Rows are mappings from column name to value (Long,
 * Double, String, Boolean or null), in column order of the file.
 *
 * @param format the file format version, 1
 * @param sqlalchemy the release the file names with its {@code sqlalchemy:} key, or null when it
 *                   names none (then {@link Release#DEFAULT} applies: see {@link #release()})
 * @param title may be null
 * @param notes Markdown, may be null
 */
public record Scenario(
        int format,
        Release sqlalchemy,
        String title,
        String notes,
        DatabaseSettings database,
        Map<String, Table> tables,
        Map<String, MappedClass> classes,
        Map<String, List<Map<String, Object>>> rows,
        List<Step> steps,
        Map<String, Point> layout) {

    public Scenario {
        database = database == null ? DatabaseSettings.DEFAULT : database;
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
        if (!(rows instanceof FrozenRows)) {
            // Copied once; a scenario made from another (every with...) shares its rows, which cannot change:
            // importing 1,000 tables copied every row once per class before.
            Map<String, List<Map<String, Object>>> rowCopy = new LinkedHashMap<>();
            rows.forEach((table, list) -> {
                List<Map<String, Object>> l = new ArrayList<>(list.size());
                CompactRow.Shape[] last = {null};
                for (Map<String, Object> r : list) {
                    l.add(CompactRow.of(r, last));
                }
                rowCopy.put(table, Collections.unmodifiableList(l));
            });
            rows = new FrozenRows(rowCopy);
        }
        steps = List.copyOf(steps);
        layout = Collections.unmodifiableMap(new LinkedHashMap<>(layout == null ? Map.of() : layout));
    }

    /** The release this scenario shows: the one the file names, else the current one. */
    public Release release() {
        return sqlalchemy == null ? Release.DEFAULT : sqlalchemy;
    }

    /** This scenario stating the given release (null: stating none). */
    public Scenario withSqlalchemy(Release value) {
        return new Scenario(format, value, title, notes, database, tables, classes, rows, steps, layout);
    }

    public Table table(String name) {
        return tables.get(name);
    }

    public MappedClass mappedClass(String name) {
        return classes.get(name);
    }

    /** The class mapped to a table, or null. */
    public MappedClass classForTable(String tableName) {
        for (MappedClass c : classes.values()) {
            if (c.table().equals(tableName)) {
                return c;
            }
        }
        return null;
    }

    public List<Map<String, Object>> rowsOf(String tableName) {
        return rows.getOrDefault(tableName, List.of());
    }

    public Scenario withTitle(String value) {
        return new Scenario(format, sqlalchemy, value, notes, database, tables, classes, rows, steps, layout);
    }

    public Scenario withDatabase(DatabaseSettings value) {
        return new Scenario(format, sqlalchemy, title, notes, value, tables, classes, rows, steps, layout);
    }

    public Scenario withTable(Table table) {
        Map<String, Table> copy = new LinkedHashMap<>(tables);
        copy.put(table.name(), table);
        return new Scenario(format, sqlalchemy, title, notes, database, copy, classes, rows, steps, layout);
    }

    public Scenario withClass(MappedClass cls) {
        Map<String, MappedClass> copy = new LinkedHashMap<>(classes);
        copy.put(cls.name(), cls);
        return new Scenario(format, sqlalchemy, title, notes, database, tables, copy, rows, steps, layout);
    }

    public Scenario withSteps(List<Step> value) {
        return new Scenario(format, sqlalchemy, title, notes, database, tables, classes, rows, value, layout);
    }

    public Scenario withLayout(Map<String, Point> value) {
        return new Scenario(format, sqlalchemy, title, notes, database, tables, classes, rows, steps, value);
    }

    public Scenario withRows(Map<String, List<Map<String, Object>>> value) {
        return new Scenario(format, sqlalchemy, title, notes, database, tables, classes, value, steps, layout);
    }


    /** The rows of a scenario once copied: unmodifiable all the way down, so that they can be shared. */
    private static final class FrozenRows extends AbstractMap<String, List<Map<String, Object>>> {
        private final Map<String, List<Map<String, Object>>> rows;

        FrozenRows(Map<String, List<Map<String, Object>>> copy) {
            this.rows = Collections.unmodifiableMap(copy);
        }

        @Override
        public Set<Entry<String, List<Map<String, Object>>>> entrySet() {
            return rows.entrySet();
        }

        @Override
        public List<Map<String, Object>> get(Object key) {
            return rows.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return rows.containsKey(key);
        }

        @Override
        public int size() {
            return rows.size();
        }
    }
}
