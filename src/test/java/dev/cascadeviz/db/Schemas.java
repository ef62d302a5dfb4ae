package dev.cascadeviz.db;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.DatabaseSettings;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.ReferentialAction;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small scenarios built in code for the database tests. */
final class Schemas {

    private Schemas() {
    }

    static Column pk(String name) {
        return Column.primaryKey(name);
    }

    static Column col(String name, ColumnType type) {
        return Column.of(name, type);
    }

    static Column fk(String name, String target, ReferentialAction ondelete) {
        return Column.of(name, ColumnType.INTEGER).withForeignKey(target).withOndelete(ondelete);
    }

    static Table table(String name, Column... columns) {
        Map<String, Column> cols = new LinkedHashMap<>();
        for (Column c : columns) {
            cols.put(c.name(), c);
        }
        return new Table(name, cols, List.of());
    }

    static Table table(String name, List<ForeignKey> composite, Column... columns) {
        return table(name, columns).withCompositeForeignKeys(composite);
    }

    static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            r.put((String) keyValues[i], keyValues[i + 1]);
        }
        return r;
    }

    /** A scenario with these tables (in order) and rows (table name, then its rows). */
    static Scenario scenario(Engine engine, boolean foreignKeys, List<Table> tables, Object... tableRows) {
        Map<String, Table> ts = new LinkedHashMap<>();
        for (Table t : tables) {
            ts.put(t.name(), t);
        }
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (int i = 0; i < tableRows.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = (List<Map<String, Object>>) tableRows[i + 1];
            rows.put((String) tableRows[i], new ArrayList<>(list));
        }
        return new Scenario(1, null, null, null, new DatabaseSettings(engine, foreignKeys), ts, Map.of(), rows, List.of(), Map.of());
    }

    /** artist(id, name) ← song(id, artist_id ON DELETE rule, title): Nirvana with two songs, Hole with one. */
    static Scenario artistSongs(Engine engine, boolean foreignKeys, ReferentialAction ondelete) {
        return scenario(engine, foreignKeys,
                List.of(table("artist", pk("id"), col("name", ColumnType.STRING)),
                        table("song", pk("id"), fk("artist_id", "artist.id", ondelete), col("title", ColumnType.STRING))),
                "artist", List.of(row("id", 1L, "name", "Nirvana"), row("id", 2L, "name", "Hole")),
                "song", List.of(row("id", 1L, "artist_id", 1L, "title", "Lithium"),
                        row("id", 2L, "artist_id", 1L, "title", "Breed"),
                        row("id", 3L, "artist_id", 2L, "title", "Celebrity Skin")));
    }
}
