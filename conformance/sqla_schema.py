"""Schema, seeding and table dumps for one scenario, with SQLAlchemy Core on SQLite.

Part of the conformance harness (see README.md). Only the steps are traced; everything here
happens before or after them.
"""
import datetime
import decimal

from sqlalchemy import (Boolean, Column, Date, DateTime, Float, ForeignKey,
                        ForeignKeyConstraint, Integer, MetaData, Numeric, String, Table,
                        Text, create_engine, event, select)

TYPES = {
    "integer": lambda c: Integer(),
    "string": lambda c: String(c["length"]) if c.get("length") is not None else String(),
    "text": lambda c: Text(),
    "boolean": lambda c: Boolean(),
    "float": lambda c: Float(),
    "numeric": lambda c: Numeric(),
    "date": lambda c: Date(),
    "datetime": lambda c: DateTime(),
}
COLUMN_KEYS = {"type", "length", "primary_key", "nullable", "unique", "index", "autoincrement",
               "foreign_key", "ondelete", "onupdate"}


class ScenarioError(Exception):
    """The scenario file itself is not something the harness can run."""


def make_engine(foreign_keys):
    """An in-memory SQLite engine; every connection gets PRAGMA foreign_keys as the file says."""
    engine = create_engine("sqlite://", future=True)

    @event.listens_for(engine, "connect")
    def _pragma(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=%s" % ("ON" if foreign_keys else "OFF"))
        cursor.close()

    return engine


def _column(name, spec):
    unknown = set(spec) - COLUMN_KEYS
    if unknown:
        raise ScenarioError("column %s: unknown keys %s" % (name, sorted(unknown)))
    kind = spec.get("type", "integer")
    if kind not in TYPES:
        raise ScenarioError("column %s: unknown type %r" % (name, kind))
    args = [name, TYPES[kind](spec)]
    if spec.get("foreign_key"):
        args.append(ForeignKey(spec["foreign_key"], ondelete=spec.get("ondelete"),
                               onupdate=spec.get("onupdate")))
    kwargs = {}
    for key in ("primary_key", "nullable", "unique", "index", "autoincrement"):
        if key in spec:
            kwargs[key] = spec[key]
    return Column(*args, **kwargs)


def build_metadata(scenario):
    """MetaData with one Table per `tables` entry, in file order."""
    metadata = MetaData()
    for table_name, table_spec in (scenario.get("tables") or {}).items():
        items = [_column(n, s or {}) for n, s in (table_spec.get("columns") or {}).items()]
        for fk in table_spec.get("foreign_keys") or []:
            items.append(ForeignKeyConstraint(fk["columns"], fk["references"],
                                              ondelete=fk.get("ondelete"),
                                              onupdate=fk.get("onupdate")))
        Table(table_name, metadata, *items)
    return metadata


def _python_value(column, value):
    """A file value as the Python value the column's type binds."""
    if value is None:
        return None
    if isinstance(column.type, DateTime) and isinstance(value, str):
        return datetime.datetime.fromisoformat(value)
    if isinstance(column.type, Date) and isinstance(value, str):
        return datetime.date.fromisoformat(value)
    if isinstance(column.type, Numeric) and not isinstance(column.type, Float):
        return decimal.Decimal(str(value))
    return value


def _referenced(table):
    """(local column names, referenced table name) for each foreign key of a table."""
    return [([e.parent.name for e in fk.elements], fk.elements[0].column.table.name)
            for fk in table.foreign_key_constraints]


def _table_order(metadata):
    """Tables parents first; a cycle is entered at a table whose keys into it are nullable."""
    tables = list(metadata.tables.values())
    deps = {t.name: {ref for _, ref in _referenced(t) if ref != t.name} for t in tables}
    order, placed = [], set()
    while len(order) < len(tables):
        ready = [t for t in tables if t.name not in placed and deps[t.name] <= placed]
        if not ready:
            # a cycle: the first remaining table (file order) whose keys into the tables not yet
            # placed can be NULL for now, else the first remaining table
            left = [t for t in tables if t.name not in placed]
            breakable = [t for t in left
                         if all(t.c[c].nullable for cols, ref in _referenced(t)
                                if ref != t.name and ref not in placed for c in cols)]
            ready = [(breakable or left)[0]]
        for t in ready:
            order.append(t)
            placed.add(t.name)
    return order


def _self_ordered(table, rows):
    """Rows of a self-referential table, each after the row it references (else file order)."""
    self_fks = [(cols, [e.column.name for e in fk.elements])
                for fk in table.foreign_key_constraints
                for cols in [[e.parent.name for e in fk.elements]]
                if fk.elements[0].column.table is table]
    if not self_fks:
        return rows
    pending, done, out = list(rows), [], []

    def satisfied(row):
        for cols, refs in self_fks:
            values = [row.get(c) for c in cols]
            if any(v is None for v in values):
                continue
            if values == [row.get(r) for r in refs]:
                continue
            if not any(values == [d.get(r) for r in refs] for d in done):
                return False
        return True

    while pending:
        ready = [r for r in pending if satisfied(r)] or pending[:1]
        for r in ready:
            pending.remove(r)
            done.append(r)
            out.append(r)
    return out


def seed(engine, metadata, scenario):
    """Creates the tables and inserts the rows, parents first, and commits."""
    metadata.create_all(engine)
    rows_spec = scenario.get("rows") or {}
    unknown = set(rows_spec) - set(metadata.tables)
    if unknown:
        raise ScenarioError("rows for unknown tables %s" % sorted(unknown))
    order = _table_order(metadata)
    placed, deferred = set(), []
    with engine.begin() as conn:
        for table in order:
            cyclic = set()
            for cols, ref in _referenced(table):
                if ref != table.name and ref not in placed:
                    cyclic.update(cols)
            rows = []
            for raw in _self_ordered(table, list(rows_spec.get(table.name) or [])):
                row = {k: _python_value(table.c[k], v) for k, v in raw.items()}
                later = {k: row.pop(k) for k in list(row) if k in cyclic and row[k] is not None}
                rows.append(row)
                if later:
                    deferred.append((table, row, later))
            _insert(conn, table, rows)
            placed.add(table.name)
        for table, row, later in deferred:
            pk = [c for c in table.primary_key.columns]
            conn.execute(table.update().where(*[c == row[c.name] for c in pk]).values(**later))


def _insert(conn, table, rows):
    """Inserts rows in order, batching consecutive rows that name the same columns."""
    batch, keys = [], None
    for row in rows:
        if batch and tuple(row) != keys:
            conn.execute(table.insert(), batch)
            batch = []
        keys = tuple(row)
        batch.append(row)
    if batch:
        conn.execute(table.insert(), batch)


def json_value(value):
    """A database or parameter value as JSON: int, float, str, bool or None."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, datetime.datetime):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    return str(value)


def dump_tables(engine, metadata):
    """Every table in file order, rows ordered by primary key, each row in column order."""
    out = {}
    with engine.connect() as conn:
        for table in metadata.tables.values():
            order = list(table.primary_key.columns) or list(table.columns)
            rows = conn.execute(select(table).order_by(*order)).mappings().all()
            out[table.name] = [{c.name: json_value(r[c]) for c in table.columns} for r in rows]
    return out
