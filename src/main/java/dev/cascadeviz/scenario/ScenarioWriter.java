package dev.cascadeviz.scenario;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.DatabaseSettings;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.PassiveDeletes;
import dev.cascadeviz.model.Point;
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
 * Writes a scenario in the style of scenario-format.md: block sections, one flow mapping per
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

    private void actions(dev.cascadeviz.model.ReferentialAction ondelete,
                         dev.cascadeviz.model.ReferentialAction onupdate) throws IOException {
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

    /** The options that were given, in the order of scenario-format.md. */
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

    private void step(Step step) throws IOException {
        if (step instanceof Step.Flush) {
            y.string("flush");
        } else if (step instanceof Step.Commit) {
            y.string("commit");
        } else if (step instanceof Step.Rollback) {
            y.string("rollback");
        } else if (step instanceof Step.Get g && g.as() != null) {
            two("get", "ref", g.object().toString(), "as", g.as());
        } else if (step instanceof Step.Get g) {
            one("get", g.object().toString());
        } else if (step instanceof Step.Delete d) {
            one("delete", d.object().toString());
        } else if (step instanceof Step.Expunge e) {
            one("expunge", e.object().toString());
        } else if (step instanceof Step.Load l) {
            one("load", l.object() + "." + l.attribute());
        } else if (step instanceof Step.Remove r) {
            two("remove", "item", r.item().toString(), "from", r.parent() + "." + r.attribute());
        } else if (step instanceof Step.Set s) {
            ObjectRef v = s.value();
            two("set", "attr", s.object() + "." + s.attribute(), "value", v == null ? null : v.toString());
        } else if (step instanceof Step.ExpireAll) {
            y.string("expire_all");
        } else if (step instanceof Step.Close) {
            y.string("close");
        } else if (step instanceof Step.Add a) {
            one("add", a.object().toString());
        } else if (step instanceof Step.Refresh r) {
            one("refresh", r.object().toString());
        } else if (step instanceof Step.Expire e) {
            one("expire", e.object().toString());
        } else if (step instanceof Step.Append a) {
            two("append", "item", a.item().toString(), "to", a.parent() + "." + a.attribute());
        } else if (step instanceof Step.Merge m) {
            if (m.as() == null) {
                one("merge", m.object().toString());
            } else {
                two("merge", "object", m.object().toString(), "as", m.as());
            }
        } else if (step instanceof Step.SetColumn s) {
            y.startMap(false);
            y.string("set");
            y.startMap(true);
            y.string("attr");
            y.string(s.object() + "." + s.column());
            y.string("value");
            y.value(s.value());
            y.endMap();
            y.endMap();
        } else if (step instanceof Step.New n) {
            y.startMap(false);
            y.string("new");
            y.startMap(true);
            if (n.as() != null) {
                y.string("as");
                y.string(n.as());
            }
            y.string("class");
            y.string(n.className());
            if (!n.values().isEmpty()) {
                y.string("values");
                y.startMap(true);
                for (Map.Entry<String, Object> v : n.values().entrySet()) {
                    y.string(v.getKey());
                    y.value(v.getValue());
                }
                y.endMap();
            }
            y.endMap();
            y.endMap();
        } else {
            throw new IllegalArgumentException("unknown step " + step);
        }
    }

    private void two(String kind, String k1, String v1, String k2, String v2) throws IOException {
        y.startMap(false);
        y.string(kind);
        y.startMap(true);
        y.string(k1);
        y.string(v1);
        y.string(k2);
        if (v2 == null) {
            y.nul();
        } else {
            y.string(v2);
        }
        y.endMap();
        y.endMap();
    }

    private void one(String kind, String arg) throws IOException {
        y.startMap(false);
        y.string(kind);
        y.string(arg);
        y.endMap();
    }

    private void flowList(List<String> items) throws IOException {
        y.startList(true);
        for (String s : items) {
            y.string(s);
        }
        y.endList();
    }
}
