"""Runs one scenario through real SQLAlchemy and returns its trace (docs/trace-format.md).

Part of the conformance harness (see README.md): schema and rows from sqla_schema, then the
classes mapped with exactly the file's relationship() options, then the steps on one Session,
capturing every statement the ORM sends, the warnings, the error and the tables after the run.
"""
import ast
import re
import time
import warnings

from sqlalchemy import event
from sqlalchemy.orm import Session, clear_mappers, registry, relationship

import sqla_schema
from sqla_schema import ScenarioError

RELATIONSHIP_KEYS = {"target", "cascade", "passive_deletes", "back_populates", "secondary",
                     "uselist", "single_parent", "post_update", "viewonly", "lazy",
                     "passive_updates", "order_by", "foreign_keys", "remote_side"}
PLAIN_OPTIONS = ("cascade", "passive_deletes", "back_populates", "uselist", "single_parent",
                 "post_update", "viewonly", "lazy", "passive_updates")
COLUMN_OPTIONS = ("order_by", "foreign_keys", "remote_side")
ADDRESS = re.compile(r"0x[0-9a-fA-F]+")
REF = re.compile(r"^\s*([^\W\d]\w*)\s*\((.*)\)\s*$", re.S)  # a class: a Python identifier of any alphabet


def first_line(text):
    """The first line of a message, with object addresses (which vary per run) blanked."""
    line = str(text).split("\n", 1)[0]
    return ADDRESS.sub("0x…", line)


def _columns(metadata, value):
    names = value if isinstance(value, list) else [value]
    out = []
    for name in names:
        table, _, column = str(name).rpartition(".")
        if table not in metadata.tables or column not in metadata.tables[table].c:
            raise ScenarioError("no column %s" % name)
        out.append(metadata.tables[table].c[column])
    return out


def _relationship(metadata, spec):
    unknown = set(spec) - RELATIONSHIP_KEYS
    if unknown:
        raise ScenarioError("relationship: unknown keys %s" % sorted(unknown))
    kwargs = {k: spec[k] for k in PLAIN_OPTIONS if k in spec}
    if "secondary" in spec:
        if spec["secondary"] not in metadata.tables:
            raise ScenarioError("no secondary table %s" % spec["secondary"])
        kwargs["secondary"] = metadata.tables[spec["secondary"]]
    for key in COLUMN_OPTIONS:
        if key in spec:
            kwargs[key] = _columns(metadata, spec[key])
    return relationship(spec["target"], **kwargs)


def map_classes(metadata, scenario):
    """One declarative class per `classes` entry, on its Table; mappers configured."""
    reg = registry(metadata=metadata)
    base = reg.generate_base()
    classes = {}
    for name, spec in (scenario.get("classes") or {}).items():
        if spec.get("table") not in metadata.tables:
            raise ScenarioError("class %s: no table %s" % (name, spec.get("table")))
        attrs = {"__table__": metadata.tables[spec["table"]]}
        for attr, rel in (spec.get("relationships") or {}).items():
            attrs[attr] = _relationship(metadata, rel or {})
        classes[name] = type(name, (base,), attrs)
    reg.configure()
    return classes


def parse_ref(text, classes):
    """`Artist(1)` or `Link(1, 'a')` as (class, primary key for session.get)."""
    match = REF.match(str(text))
    if not match or match.group(1) not in classes:
        raise ScenarioError("not an object of a mapped class: %r" % (text,))
    key = ast.literal_eval("(" + match.group(2) + ",)") if match.group(2).strip() else ()
    return classes[match.group(1)], key[0] if len(key) == 1 else tuple(key)


NAME = re.compile(r"^\s*([a-z_][a-z0-9_]*)\s*$")


QUOTED_ATTRIBUTE = re.compile(r"""^(.*?)\.\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\s*$""", re.S)


def _split_attribute(text):
    """`Artist(1).songs`, `o1.songs`, or a column named so that it is quoted: `Person(1).'first name'`
    (a backslash keeps the character after it), as (object text, attribute)."""
    quoted = QUOTED_ATTRIBUTE.match(str(text))
    if quoted:
        return quoted.group(1), re.sub(r"\\(.)", r"\1", quoted.group(2)[1:-1], flags=re.S)
    head, _, attr = str(text).rpartition(".")
    if not head:
        raise ScenarioError("not an attribute path: %r" % (text,))
    return head, attr


def _is_column(cls, attr):
    return attr in cls.__table__.c and attr not in cls.__mapper__.relationships


class Steps:
    """The steps on one session, with the names `as:` binds.

    Every object and attribute value a step obtains is appended to `held`, as a variable in
    user code would hold it: otherwise CPython frees an object nothing references at once,
    the identity map (weak) forgets it, and a loaded collection would be lost before the next
    step.
    """

    def __init__(self, session, classes):
        self.session = session
        self.classes = classes
        self.names = {}
        self.held = []

    def obj(self, ref):
        """A name's object, or `Class(pk)` as session.get at this moment."""
        name = NAME.match(str(ref))
        if name:
            if name.group(1) not in self.names:
                raise ScenarioError("name %r used before it is bound" % (ref,))
            return self.names[name.group(1)]
        obj = self.session.get(*parse_ref(ref, self.classes))
        self.held.append(obj)
        return obj

    def attribute(self, path):
        head, attr = _split_attribute(path)
        value = getattr(self.obj(head), attr)
        self.held.append(value)
        return value

    def bind(self, name, obj):
        if name is not None:
            if not NAME.match(str(name)):
                raise ScenarioError("not a name: %r" % (name,))
            self.names[name] = obj
        self.held.append(obj)

    def new(self, arg):
        cls = self.classes.get(arg.get("class"))
        if cls is None:
            raise ScenarioError("new: no class %r" % (arg.get("class"),))
        values = {}
        for column, value in (arg.get("values") or {}).items():
            if column not in cls.__table__.c:
                raise ScenarioError("new: %s maps no column %r" % (cls.__name__, column))
            values[column] = sqla_schema._python_value(cls.__table__.c[column], value)
        self.bind(arg.get("as"), cls(**values))

    def set(self, arg):
        head, attr = _split_attribute(arg["attr"])
        obj = self.obj(head)
        value = arg.get("value")
        # the class from the notation when the object is gone: `song.artist = session.get(Artist, 3)`
        # looks the value up before the assignment to None fails (scenario-format.md)
        cls = type(obj) if obj is not None or NAME.match(str(head)) else parse_ref(head, self.classes)[0]
        if _is_column(cls, attr):
            setattr(obj, attr, sqla_schema._python_value(cls.__table__.c[attr], value))
        else:
            setattr(obj, attr, None if value is None else self.obj(value))

    def run(self, step):
        """One step exactly as docs/scenario-format.md's tables say."""
        session = self.session
        if isinstance(step, str):
            step = {step: None}
        if not isinstance(step, dict) or len(step) != 1:
            raise ScenarioError("not a step: %r" % (step,))
        (kind, arg), = step.items()
        if kind == "get":
            if isinstance(arg, dict):
                self.bind(arg.get("as"), self.obj(arg["ref"]))
            else:
                self.obj(arg)
        elif kind == "load":
            self.attribute(arg)
        elif kind == "delete":
            session.delete(self.obj(arg))
        elif kind == "remove":
            self.attribute(arg["from"]).remove(self.obj(arg["item"]))
        elif kind == "append":
            self.attribute(arg["to"]).append(self.obj(arg["item"]))
        elif kind == "set":
            self.set(arg)
        elif kind == "expunge":
            session.expunge(self.obj(arg))
        elif kind == "new":
            self.new(arg)
        elif kind == "add":
            session.add(self.obj(arg))
        elif kind == "merge":
            if isinstance(arg, dict):
                self.bind(arg.get("as"), session.merge(self.obj(arg["object"])))
            else:
                self.bind(None, session.merge(self.obj(arg)))
        elif kind == "refresh":
            session.refresh(self.obj(arg))
        elif kind == "expire":
            session.expire(self.obj(arg))
        elif kind == "expire_all":
            session.expire_all()
        elif kind == "close":
            session.close()
        elif kind == "flush":
            session.flush()
        elif kind == "commit":
            session.commit()
        elif kind == "rollback":
            session.rollback()
        else:
            raise ScenarioError("unknown step %r" % (kind,))


def _one_row_batch(context):
    """True for an "insertmanyvalues" batch: INSERT ... RETURNING run once per row (2.x)."""
    style = getattr(context, "execute_style", None)
    return style is not None and getattr(style, "name", "") == "INSERTMANYVALUES"


class StatementLog:
    """Every statement sent through the engine while `on`, as trace statements."""

    def __init__(self, engine):
        self.on = False
        self.statements = []
        event.listen(engine, "before_cursor_execute", self._record)

    def _record(self, _conn, _cursor, statement, parameters, context, executemany):
        if not self.on:
            return
        if executemany and _one_row_batch(context):
            executemany = False  # insertmanyvalues sends each batch as one execute()
        if executemany:
            params = [[sqla_schema.json_value(v) for v in p] for p in parameters]
            self.statements.append({"sql": statement, "params": params, "many": True})
        else:
            params = [sqla_schema.json_value(v) for v in (parameters or ())]
            self.statements.append({"sql": statement, "params": params})


def _error(exc, step):
    return {"type": type(exc).__name__, "message": first_line(exc), "step": step}


def run(scenario, timings=None):
    """The trace of one scenario: statements, error, tables, warnings.

    `timings`, when given, is a list that gets (phase, time.perf_counter()) marks appended.
    """
    mark = (lambda name: timings.append((name, time.perf_counter()))) if timings is not None \
        else (lambda name: None)
    database = scenario.get("database") or {}
    engine = sqla_schema.make_engine(database.get("foreign_keys", True))
    try:
        metadata = sqla_schema.build_metadata(scenario)
        sqla_schema.seed(engine, metadata, scenario)
        mark("schema and rows")
        log = StatementLog(engine)
        error = None
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                classes = map_classes(metadata, scenario)
            except ScenarioError:
                raise
            except Exception as exc:  # the mapping itself is invalid: that is the outcome
                classes, error = None, _error(exc, None)
            mark("mapping")
            if classes is not None:
                error = _run_steps(engine, log, classes, scenario.get("steps") or [])
            mark("steps")
        tables = sqla_schema.dump_tables(engine, metadata)
        mark("tables after")
        return {
            "statements": log.statements,
            "error": error,
            "tables": tables,
            "warnings": [first_line(w.message) for w in caught],
        }
    finally:
        clear_mappers()
        engine.dispose()


def _run_steps(engine, log, classes, steps):
    session = Session(engine, future=True)
    log.on = True
    error = None
    runner = Steps(session, classes)
    try:
        for index, step in enumerate(steps):
            try:
                runner.run(step)
            except ScenarioError:
                raise
            except Exception as exc:
                error = _error(exc, index)
                try:
                    session.rollback()
                except Exception:  # the error above is the outcome; a failed rollback adds nothing
                    pass
                break
    finally:
        session.close()
        log.on = False
    return error
