package dev.cascadeviz.interop;

import static dev.cascadeviz.interop.PythonLiterals.bool;
import static dev.cascadeviz.interop.PythonLiterals.string;

import dev.cascadeviz.db.SeedPlan;
import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.QualifiedColumn;
import dev.cascadeviz.model.Relationship;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.model.mapping.Mapping;
import dev.cascadeviz.model.mapping.MappingException;
import dev.cascadeviz.model.mapping.MappingResolver;
import dev.cascadeviz.model.mapping.RelationshipMapping;
import dev.cascadeviz.model.Release;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A scenario as a runnable SQLAlchemy module: declarative classes in the 2.0 style
 * ({@code DeclarativeBase}, {@code Mapped[]}, {@code mapped_column}) with exactly the file's
 * {@code relationship()} options, association {@code Table}s, and a main section that creates the
 * tables on SQLite, inserts the rows parents first and runs the steps as scenario-format.md's
 * table says, with {@code echo=True}.
 *
 * <p>The module also runs on SQLAlchemy 1.4 (Debian's 1.4.46, which the goldens come from): 1.4
 * has {@code Mapped} but neither {@code DeclarativeBase} nor {@code mapped_column}, so the module
 * falls back to {@code declarative_base()} and {@code Column}, which take the same arguments here
 * because every column is given its SQL type and nullability explicitly (1.4 ignores the
 * annotations; 2.0 reads nullability and collection-or-scalar from them, so they are written to
 * agree with the explicit arguments). The SQL both versions send for the steps is the same.
 *
 * <p>Each step's code follows a {@code # step N: ...} comment; conformance/run_exported.py uses
 * those to tell which step raised.
 */
public final class PythonExport {

    private final Scenario scenario;
    private final PythonNames names;
    private final Mapping mapping;
    private final TreeSet<String> sqlImports = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    private boolean usesDatetime;
    private boolean usesDecimal;

    private PythonExport(Scenario scenario) {
        this.scenario = scenario;
        this.names = new PythonNames(scenario);
        Mapping m;
        try {
            m = MappingResolver.resolveStructure(scenario);
        } catch (MappingException | RuntimeException e) {
            m = null; // annotations fall back to the explicit options; SQLAlchemy will report the mapping
        }
        this.mapping = m;
    }

    /** The whole module's source text. */
    public static String module(Scenario scenario) {
        return new PythonExport(scenario).write();
    }

    private String write() {
        String body = tables() + classes() + engine() + rows() + steps() + main();
        return header() + imports() + body;
    }

    // ---------------------------------------------------------------- header and imports

    private String header() {
        String title = scenario.title() == null ? "CascadeViz scenario" : scenario.title();
        return "\"\"\"" + title.replace("\\", "\\\\").replace("\"\"\"", "\\\"\\\"\\\"") + "\n\n"
                + "Exported by CascadeViz. Run it with `python3 this_file.py`: it creates the tables in an\n"
                + "in-memory SQLite database, inserts the rows and runs the steps with echo=True.\n"
                + releaseLine(scenario.release())
                + "\"\"\"\n";
    }

    /** Which release the module was written for: the scenario's; it runs on the others too. */
    static String releaseLine(Release release) {
        String others = release == Release.V2_0 ? "2.1 and 1.4" : "2.0 and 1.4";
        return "Written for SQLAlchemy " + release.text() + ", whose SQL CascadeViz showed; it runs on " + others
                + " too\n(2.0 and 1.4 label the columns of their SELECTs: `artist.id AS artist_id`; 2.1 does not).\n";
    }

    private String imports() {
        StringBuilder sb = new StringBuilder("from __future__ import annotations\n\n");
        if (usesDatetime) {
            sb.append("import datetime\n");
        }
        if (usesDecimal) {
            sb.append("from decimal import Decimal\n");
        }
        sb.append("from typing import List, Optional\n\n");
        sqlImports.add("create_engine");
        sqlImports.add("event");
        sqlImports.add("insert");
        List<String> sorted = new ArrayList<>(sqlImports);
        sorted.sort((a, b) -> {
            boolean ua = Character.isUpperCase(a.charAt(0));
            boolean ub = Character.isUpperCase(b.charAt(0));
            return ua == ub ? a.compareTo(b) : ua ? -1 : 1;
        });
        sb.append(wrapImport("from sqlalchemy import ", sorted));
        sb.append("from sqlalchemy.orm import Mapped, Session, relationship\n\n");
        sb.append("""
                try:  # SQLAlchemy 2.0
                    from sqlalchemy.orm import DeclarativeBase, mapped_column

                    class Base(DeclarativeBase):
                        pass

                except ImportError:  # SQLAlchemy 1.4: Column takes the same arguments as mapped_column here
                    from sqlalchemy import Column as mapped_column
                    from sqlalchemy.orm import declarative_base

                    Base = declarative_base()

                """);
        return sb.toString();
    }

    private static String wrapImport(String head, List<String> items) {
        String oneLine = head + String.join(", ", items);
        if (oneLine.length() <= 99) {
            return oneLine + "\n";
        }
        StringBuilder sb = new StringBuilder(head).append("(\n");
        StringBuilder line = new StringBuilder("   ");
        for (String item : items) {
            if (line.length() + item.length() + 2 > 96) {
                sb.append(line).append('\n');
                line = new StringBuilder("   ");
            }
            line.append(' ').append(item).append(',');
        }
        return sb.append(line).append("\n)\n").toString();
    }

    // ---------------------------------------------------------------- schema

    private String tables() {
        StringBuilder sb = new StringBuilder();
        for (Table t : scenario.tables().values()) {
            String var = names.tableVariable(t.name());
            if (var == null) {
                continue;
            }
            sqlImports.add("Table");
            sqlImports.add("Column");
            sb.append('\n').append(var).append(" = Table(\n    ").append(string(t.name())).append(",\n    Base.metadata,\n");
            for (Column c : t.columns().values()) {
                List<String> args = new ArrayList<>();
                args.add(string(c.name()));
                args.addAll(columnArguments(t, c));
                sb.append("    Column(").append(String.join(", ", args)).append("),\n");
            }
            for (ForeignKey fk : t.compositeForeignKeys()) {
                sb.append("    ").append(foreignKeyConstraint(fk)).append(",\n");
            }
            sb.append(")\n\n");
        }
        return sb.toString();
    }

    private String classes() {
        StringBuilder sb = new StringBuilder();
        for (MappedClass cls : scenario.classes().values()) {
            Table t = scenario.table(cls.table());
            sb.append("\nclass ").append(names.className(cls.name())).append("(Base):\n");
            boolean declares = cls.name().equals(names.classOfTable(cls.table()));
            if (t == null) {
                sb.append("    __tablename__ = ").append(string(cls.table())).append("  # not a table of the scenario\n");
            } else if (!declares) {
                sb.append("    __table__ = ").append(names.tableExpression(cls.table())).append('\n');
            } else {
                sb.append("    __tablename__ = ").append(string(t.name())).append('\n');
                if (!t.compositeForeignKeys().isEmpty()) {
                    List<String> constraints = new ArrayList<>();
                    for (ForeignKey fk : t.compositeForeignKeys()) {
                        constraints.add(foreignKeyConstraint(fk));
                    }
                    sb.append("    __table_args__ = (").append(String.join(", ", constraints)).append(",)\n");
                }
                sb.append('\n');
                for (Column c : t.columns().values()) {
                    sb.append("    ").append(column(t, c)).append('\n');
                }
            }
            if (!cls.relationships().isEmpty()) {
                sb.append('\n');
            }
            for (Relationship r : cls.relationships().values()) {
                sb.append("    ").append(relationship(cls, r)).append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private String column(Table t, Column c) {
        String attr = names.columnAttribute(t.name(), c.name());
        List<String> args = new ArrayList<>();
        if (!attr.equals(c.name())) {
            args.add(string(c.name()));
        }
        args.addAll(columnArguments(t, c));
        String type = pythonType(c.type());
        String annotation = c.nullable() ? "Optional[" + type + "]" : type;
        return attr + ": Mapped[" + annotation + "] = mapped_column(" + String.join(", ", args) + ")";
    }

    /** The arguments after the name: SQL type, ForeignKey, then the flags that differ from SQLAlchemy's defaults. */
    private List<String> columnArguments(Table t, Column c) {
        List<String> args = new ArrayList<>();
        args.add(sqlType(c));
        if (c.foreignKey() != null) {
            sqlImports.add("ForeignKey");
            List<String> fk = new ArrayList<>();
            fk.add(string(c.foreignKey()));
            if (c.ondelete() != null) {
                fk.add("ondelete=" + string(c.ondelete().sql()));
            }
            if (c.onupdate() != null) {
                fk.add("onupdate=" + string(c.onupdate().sql()));
            }
            args.add("ForeignKey(" + String.join(", ", fk) + ")");
        }
        if (c.primaryKey()) {
            args.add("primary_key=True");
        }
        if (c.nullable() != Column.defaultNullable(c.primaryKey())) {
            args.add("nullable=" + bool(c.nullable()));
        }
        if (c.unique()) {
            args.add("unique=True");
        }
        if (c.index()) {
            args.add("index=True");
        }
        switch (c.autoincrement()) {
            case "true" -> args.add("autoincrement=True");
            case "false" -> args.add("autoincrement=False");
            case Column.AUTOINCREMENT_DEFAULT -> { }
            default -> args.add("autoincrement=" + string(c.autoincrement()));
        }
        return args;
    }

    private String foreignKeyConstraint(ForeignKey fk) {
        sqlImports.add("ForeignKeyConstraint");
        List<String> refs = new ArrayList<>();
        for (String c : fk.referencedColumns()) {
            refs.add(fk.referencedTable() + "." + c);
        }
        StringBuilder sb = new StringBuilder("ForeignKeyConstraint(").append(PythonLiterals.stringList(fk.columns()))
                .append(", ").append(PythonLiterals.stringList(refs));
        if (fk.ondelete() != null) {
            sb.append(", ondelete=").append(string(fk.ondelete().sql()));
        }
        if (fk.onupdate() != null) {
            sb.append(", onupdate=").append(string(fk.onupdate().sql()));
        }
        return sb.append(')').toString();
    }

    private String sqlType(Column c) {
        String len = c.length() == null ? "" : c.length().toString();
        String name = switch (c.type()) {
            case INTEGER -> "Integer";
            case STRING -> "String";
            case TEXT -> "Text";
            case BOOLEAN -> "Boolean";
            case FLOAT -> "Float";
            case NUMERIC -> "Numeric";
            case DATE -> "Date";
            case DATETIME -> "DateTime";
        };
        sqlImports.add(name);
        boolean takesLength = c.type() == ColumnType.STRING || c.type() == ColumnType.TEXT;
        return takesLength && !len.isEmpty() ? name + "(" + len + ")" : name;
    }

    private String pythonType(ColumnType type) {
        return switch (type) {
            case INTEGER -> "int";
            case STRING, TEXT -> "str";
            case BOOLEAN -> "bool";
            case FLOAT -> "float";
            case NUMERIC -> {
                usesDecimal = true;
                yield "Decimal";
            }
            case DATE -> {
                usesDatetime = true;
                yield "datetime.date";
            }
            case DATETIME -> {
                usesDatetime = true;
                yield "datetime.datetime";
            }
        };
    }

    private String relationship(MappedClass owner, Relationship r) {
        String target = names.className(r.target());
        List<String> args = new ArrayList<>();
        args.add(string(target));
        if (r.secondary() != null) {
            String var = names.tableVariable(r.secondary());
            args.add("secondary=" + (var != null ? var : string(r.secondary())));
        }
        if (r.cascade() != null) {
            args.add("cascade=" + string(r.cascade()));
        }
        if (r.passiveDeletes() != null) {
            args.add("passive_deletes=" + r.passiveDeletes().pythonLiteral());
        }
        if (r.backPopulates() != null) {
            args.add("back_populates=" + string(r.backPopulates()));
        }
        flag(args, "uselist", r.uselist());
        flag(args, "single_parent", r.singleParent());
        flag(args, "post_update", r.postUpdate());
        flag(args, "viewonly", r.viewonly());
        if (r.lazy() != null) {
            args.add("lazy=" + string(r.lazy()));
        }
        flag(args, "passive_updates", r.passiveUpdates());
        columns(args, "order_by", r.orderBy());
        columns(args, "foreign_keys", r.foreignKeys());
        columns(args, "remote_side", r.remoteSide());
        String annotation = isCollection(owner, r) ? "List[" + target + "]" : "Optional[" + target + "]";
        String call = "relationship(" + String.join(", ", args) + ")";
        String line = r.name() + ": Mapped[" + annotation + "] = " + call;
        if (line.length() > 95) {
            line = r.name() + ": Mapped[" + annotation + "] = relationship(\n        "
                    + String.join(",\n        ", args) + ",\n    )";
        }
        return line;
    }

    private static void flag(List<String> args, String name, Boolean value) {
        if (value != null) {
            args.add(name + "=" + bool(value));
        }
    }

    /** Column options as a string SQLAlchemy resolves once every class exists: {@code "Song.title"} or {@code "[A.x, A.y]"}. */
    private void columns(List<String> args, String name, List<String> qualified) {
        if (qualified.isEmpty()) {
            return;
        }
        List<String> refs = new ArrayList<>();
        for (String q : qualified) {
            QualifiedColumn qc = QualifiedColumn.parse(q);
            refs.add(names.columnReference(qc.table(), qc.column()));
        }
        String text = refs.size() == 1 ? refs.get(0) : "[" + String.join(", ", refs) + "]";
        args.add(name + "=" + string(text));
    }

    /** Whether SQLAlchemy makes the attribute a list (2.0 takes that from the annotation, so they must agree). */
    private boolean isCollection(MappedClass owner, Relationship r) {
        if (r.uselist() != null) {
            return r.uselist();
        }
        if (mapping != null) {
            RelationshipMapping rm = mapping.relationship(owner.name(), r.name());
            if (rm != null) {
                return rm.uselist();
            }
        }
        if (r.secondary() != null) {
            return true;
        }
        MappedClass target = scenario.mappedClass(r.target());
        Table own = scenario.table(owner.table());
        if (target == null || own == null) {
            return true;
        }
        for (ForeignKey fk : own.allForeignKeys()) {
            if (fk.referencedTable().equals(target.table()) && !target.table().equals(owner.table())) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- engine, rows, steps, main

    private String engine() {
        String pragma = scenario.database().foreignKeys() ? "ON" : "OFF";
        return "\ndef make_engine(echo=True):\n"
                + "    \"\"\"An in-memory SQLite database with PRAGMA foreign_keys=" + pragma + " on every connection.\"\"\"\n"
                + "    engine = create_engine(\"sqlite://\", echo=echo, future=True)\n\n"
                + "    @event.listens_for(engine, \"connect\")\n"
                + "    def set_sqlite_pragma(dbapi_connection, connection_record):\n"
                + "        cursor = dbapi_connection.cursor()\n"
                + "        cursor.execute(\"PRAGMA foreign_keys=" + pragma + "\")\n"
                + "        cursor.close()\n\n"
                + "    return engine\n\n";
    }

    private String rows() {
        StringBuilder sb = new StringBuilder("\ndef insert_rows(engine):\n")
                .append("    \"\"\"The rows that exist before the steps, parents first.\"\"\"\n");
        SeedPlan plan = SeedPlan.of(scenario);
        if (plan.inserts().isEmpty()) {
            return sb.append("    pass\n\n").toString();
        }
        sb.append("    with engine.begin() as connection:\n");
        List<SeedPlan.Insert> batch = new ArrayList<>();
        for (SeedPlan.Insert insert : plan.inserts()) {
            if (!batch.isEmpty() && !(batch.get(0).table().equals(insert.table())
                    && batch.get(0).values().keySet().equals(insert.values().keySet()))) {
                sb.append(insertBatch(batch));
                batch.clear();
            }
            batch.add(insert);
        }
        sb.append(insertBatch(batch));
        for (SeedPlan.Fixup fix : plan.fixups()) {
            sqlImports.add("update");
            String table = names.tableExpression(fix.table());
            List<String> where = new ArrayList<>();
            fix.where().forEach((c, v) -> where.add(table + ".c[" + string(c) + "] == " + rowValue(fix.table(), c, v)));
            sb.append("        connection.execute(update(").append(table).append(").where(")
                    .append(String.join(", ", where)).append(").values(").append(dict(fix.table(), fix.set())).append("))\n");
        }
        return sb.append('\n').toString();
    }

    private String insertBatch(List<SeedPlan.Insert> batch) {
        String table = batch.get(0).table();
        StringBuilder sb = new StringBuilder("        connection.execute(insert(").append(names.tableExpression(table))
                .append("), [\n");
        for (SeedPlan.Insert insert : batch) {
            sb.append("            ").append(dict(table, insert.values())).append(",\n");
        }
        return sb.append("        ])\n").toString();
    }

    private String dict(String table, Map<String, Object> values) {
        List<String> items = new ArrayList<>();
        values.forEach((c, v) -> items.add(string(c) + ": " + rowValue(table, c, v)));
        return "{" + String.join(", ", items) + "}";
    }

    /** A row value as the Python value its column's type binds (dates and decimals as objects). */
    private String rowValue(String table, String column, Object v) {
        Table t = scenario.table(table);
        Column c = t == null ? null : t.column(column);
        if (c != null && v instanceof String s && (c.type() == ColumnType.DATE || c.type() == ColumnType.DATETIME)) {
            usesDatetime = true;
            return (c.type() == ColumnType.DATE ? "datetime.date" : "datetime.datetime") + ".fromisoformat(" + string(s) + ")";
        }
        if (c != null && v instanceof Number n && c.type() == ColumnType.NUMERIC) {
            usesDecimal = true;
            return "Decimal(" + string(n.toString()) + ")";
        }
        return PythonLiterals.value(v);
    }

    private String steps() {
        StepCode code = new StepCode(scenario, names);
        return "\ndef run_steps(session):\n"
                + "    \"\"\"The scenario's steps, each a session call as scenario-format.md says.\n\n"
                + "    Every object a step obtains stays in a variable until the end, as the capture\n"
                + "    script keeps it: an object nothing references would leave the identity map.\n"
                + "    \"\"\"\n"
                + code.body(this::rowKey)
                + "\n";
    }

    /** The key of {@code session.get}: one value, or a tuple for a composite primary key. */
    private String rowKey(ObjectRef ref) {
        MappedClass cls = scenario.mappedClass(ref.className());
        Table t = cls == null ? null : scenario.table(cls.table());
        List<Column> pk = t == null ? List.of() : t.primaryKey();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < ref.key().size(); i++) {
            Object v = ref.key().get(i);
            parts.add(i < pk.size() ? rowValue(t.name(), pk.get(i).name(), v) : PythonLiterals.value(v));
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(", ", parts) + ")";
    }

    private String main() {
        return """

                def main(engine=None):
                    engine = engine if engine is not None else make_engine()
                    Base.metadata.create_all(engine)
                    insert_rows(engine)
                    session = Session(engine, future=True)
                    try:
                        run_steps(session)
                    except Exception:
                        session.rollback()  # the first step that raises stops the run
                        raise
                    finally:
                        session.close()  # without a commit, the changes are rolled back


                if __name__ == "__main__":
                    main()
                """;
    }
}
