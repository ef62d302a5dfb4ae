package dev.cascadeviz.scenario;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.DatabaseSettings;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.PassiveDeletes;
import dev.cascadeviz.model.Point;
import dev.cascadeviz.model.ReferentialAction;
import dev.cascadeviz.model.Relationship;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Step;
import dev.cascadeviz.model.Table;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a scenario in the style of docs/scenario-format.md: block sections, one flow mapping per
 * column, row and short relationship, {@code - delete: Artist(1)} steps, a literal block for
 * notes, keys in a fixed order and only values that differ from the defaults.
 */
final class ScenarioWriter {

    /** Relationships whose options fit in about this many characters are written on one line. */
    private static final int SHORT_RELATIONSHIP = 60;

    private final YamlEvents y;

    private ScenarioWriter(Writer out) {
        this.y = new YamlEvents(out);
    }

    static void write(Scenario s, Writer out) throws IOException {
        new ScenarioWriter(out).scenario(s);
        out.flush();
    }

    private void scenario(Scenario s) throws IOException {
        y.start();
        y.startMap(false);
        y.string("format");
        y.integer(s.format());
        if (s.sqlalchemy() != null) {
            y.string("sqlalchemy");
            y.string(s.sqlalchemy().text());
        }
        if (s.title() != null) {
            y.string("title");
            y.string(s.title());
        }
        if (s.notes() != null) {
            y.string("notes");
            y.text(s.notes());
        }
        database(s.database());
        if (!s.tables().isEmpty()) {
            y.string("tables");
            y.startMap(false);
            for (Table t : s.tables().values()) {
                table(t);
            }
            y.endMap();
        }
        if (!s.classes().isEmpty()) {
            y.string("classes");
            y.startMap(false);
            for (MappedClass c : s.classes().values()) {
                mappedClass(c);
            }
            y.endMap();
        }
        if (!s.rows().isEmpty()) {
            rows(s.rows());
        }
        if (!s.steps().isEmpty()) {
            y.string("steps");
            y.startList(false);
            for (Step step : s.steps()) {
                step(step);
            }
            y.endList();
        }
        if (!s.layout().isEmpty()) {
            y.string("layout");
            y.startMap(false);
            for (Map.Entry<String, Point> e : s.layout().entrySet()) {
                y.string(e.getKey());
                y.startList(true);
                y.coordinate(e.getValue().x());
                y.coordinate(e.getValue().y());
                y.endList();
            }
            y.endMap();
        }
        y.endMap();
        y.end();
    }

    private void database(DatabaseSettings d) throws IOException {
        if (d.equals(DatabaseSettings.DEFAULT)) {
            return;
        }
        y.string("database");
        y.startMap(false);
        if (d.engine() != DatabaseSettings.DEFAULT.engine()) {
            y.string("engine");
            y.string(d.engine().fileName());
        }
        if (d.foreignKeys() != DatabaseSettings.DEFAULT.foreignKeys()) {
            y.string("foreign_keys");
            y.bool(d.foreignKeys());
        }
        y.endMap();
    }

    private void table(Table t) throws IOException {
        y.string(t.name());
        y.startMap(false);
        y.string("columns");
        y.startMap(false);
        for (Column c : t.columns().values()) {
            y.string(c.name());
            column(c);
        }
        y.endMap();
        if (!t.compositeForeignKeys().isEmpty()) {
            y.string("foreign_keys");
            y.startList(false);
            for (ForeignKey fk : t.compositeForeignKeys()) {
                y.startMap(true);
                y.string("columns");
                flowList(fk.columns());
                y.string("references");
                List<String> refs = new ArrayList<>();
                for (String r : fk.referencedColumns()) {
                    refs.add(fk.referencedTable() + "." + r);
                }
                flowList(refs);
                actions(fk.ondelete(), fk.onupdate());
                y.endMap();
            }
            y.endList();
        }
        y.endMap();
    }

    private void column(Column c) throws IOException {
        y.startMap(true);
        y.string("type");
        y.string(c.type().fileName());
        if (c.length() != null) {
            y.string("length");
            y.integer(c.length());
        }
        if (c.primaryKey()) {
            y.string("primary_key");
            y.bool(true);
        }
        if (c.nullable() != Column.defaultNullable(c.primaryKey())) {
            y.string("nullable");
            y.bool(c.nullable());
        }
        if (c.unique()) {
            y.string("unique");
            y.bool(true);
        }
        if (c.index()) {
            y.string("index");
            y.bool(true);
        }
        if (!Column.AUTOINCREMENT_DEFAULT.equals(c.autoincrement())) {
            y.string("autoincrement");
            if (c.autoincrement().equals("true") || c.autoincrement().equals("false")) {
                y.bool(Boolean.parseBoolean(c.autoincrement()));
            } else {
                y.string(c.autoincrement());
            }
        }
        if (c.foreignKey() != null) {
            y.string("foreign_key");
            y.string(c.foreignKey());
        }
        actions(c.ondelete(), c.onupdate());
        y.endMap();
    }

    private void actions(ReferentialAction ondelete,
                         ReferentialAction onupdate) throws IOException {
        if (ondelete != null) {
            y.string("ondelete");
            y.string(ondelete.sql());
        }
        if (onupdate != null) {
            y.string("onupdate");
            y.string(onupdate.sql());
        }
    }

    private void mappedClass(MappedClass c) throws IOException {
        y.string(c.name());
        y.startMap(false);
        y.string("table");
        y.string(c.table());
        if (!c.relationships().isEmpty()) {
            y.string("relationships");
            y.startMap(false);
            for (Relationship r : c.relationships().values()) {
                y.string(r.name());
                relationship(r);
            }
            y.endMap();
        }
        y.endMap();
    }

    /** The options that were given, in the order of docs/scenario-format.md. */
    private static Map<String, Object> options(Relationship r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("target", r.target());
        o.put("cascade", r.cascade());
        o.put("passive_deletes", r.passiveDeletes() == null ? null
                : r.passiveDeletes() == PassiveDeletes.ALL ? "all" : (Object) (r.passiveDeletes() == PassiveDeletes.TRUE));
        o.put("back_populates", r.backPopulates());
        o.put("secondary", r.secondary());
        o.put("uselist", r.uselist());
        o.put("single_parent", r.singleParent());
        o.put("post_update", r.postUpdate());
        o.put("viewonly", r.viewonly());
        o.put("lazy", r.lazy());
        o.put("passive_updates", r.passiveUpdates());
        o.put("order_by", r.orderBy().isEmpty() ? null : r.orderBy());
        o.put("foreign_keys", r.foreignKeys().isEmpty() ? null : r.foreignKeys());
        o.put("remote_side", r.remoteSide().isEmpty() ? null : r.remoteSide());
        o.values().removeIf(v -> v == null);
        return o;
    }

    private void relationship(Relationship r) throws IOException {
        Map<String, Object> o = options(r);
        int length = 0;
        boolean lists = false;
        for (Map.Entry<String, Object> e : o.entrySet()) {
            length += e.getKey().length() + String.valueOf(e.getValue()).length() + 4;
            lists |= e.getValue() instanceof List<?> l && l.size() > 1;
        }
        y.startMap(!lists && length <= SHORT_RELATIONSHIP);
        for (Map.Entry<String, Object> e : o.entrySet()) {
            y.string(e.getKey());
            if (e.getValue() instanceof List<?> l) {
                if (l.size() == 1) {
                    y.string((String) l.get(0));
                } else {
                    List<String> strings = new ArrayList<>();
                    l.forEach(item -> strings.add((String) item));
                    flowList(strings);
                }
            } else {
                y.value(e.getValue());
            }
        }
        y.endMap();
    }

    private void rows(Map<String, List<Map<String, Object>>> rows) throws IOException {
        y.string("rows");
        y.startMap(false);
        for (Map.Entry<String, List<Map<String, Object>>> e : rows.entrySet()) {
            y.string(e.getKey());
            y.startList(e.getValue().isEmpty());
            for (Map<String, Object> row : e.getValue()) {
                y.startMap(true);
                for (Map.Entry<String, Object> v : row.entrySet()) {
                    y.string(v.getKey());
                    y.value(v.getValue());
                }
                y.endMap();
            }
            y.endList();
        }
        y.endMap();
    }

    /** {@code - commit}, {@code - delete: Artist(1)}, {@code - remove: {item: ..., from: ...}}: the step's form. */
    private void step(Step step) throws IOException {
        StepForm form = StepForm.of(step);
        Map<String, Object> fields = StepNotation.fields(step);
        if (fields.isEmpty()) {
            y.string(form.kind());
            return;
        }
        y.startMap(false);
        y.string(form.kind());
        if (form.scalarWhenAlone() && fields.size() == 1) {
            field(fields.values().iterator().next());
        } else {
            y.startMap(true);
            for (Map.Entry<String, Object> f : fields.entrySet()) {
                y.string(f.getKey());
                field(f.getValue());
            }
            y.endMap();
        }
        y.endMap();
    }

    private void field(Object value) throws IOException {
        if (value instanceof StepNotation.Reference r) {
            y.string(r.text());
        } else if (value instanceof Map<?, ?> values) {
            y.startMap(true);
            for (Map.Entry<?, ?> v : values.entrySet()) {
                y.string(String.valueOf(v.getKey()));
                y.value(v.getValue());
            }
            y.endMap();
        } else {
            y.value(value);
        }
    }

    private void flowList(List<String> items) throws IOException {
        y.startList(true);
        for (String s : items) {
            y.string(s);
        }
        y.endList();
    }
}
