#!/usr/bin/python3
"""Random valid scenarios of two to seven classes, for the differential test (see README.md).

    conformance/random_models.py --seed S --count N --out DIR

Each scenario is drawn from its own `random.Random("<seed>:<index>")`, so a (seed, index) pair
always gives the same file. A model crosses the shapes real code has: chains, trees, diamonds,
cycles, self-reference, association objects and secondary (many-to-many) tables; every
relationship gets random options (cascade, passive_deletes, lazy strategy, uselist, order_by,
single_parent, post_update, back_populates) and every foreign key random ondelete and
nullability. Rows follow the keys; steps are drawn from every step kind of the format, the
save side (new, add, append, column and key changes, merge, refresh, expire, expire_all,
close) in about half of the scenarios.
"""
import argparse
import os
import random

LAZY = ["select", "select", "select", "joined", "selectin", "subquery", "immediate", "raise",
        "noload", "dynamic"]
CASCADES = [None, None, "all", "all, delete-orphan", "save-update, merge, delete", "save-update",
            "all, delete", "delete, delete-orphan", ""]
ONDELETE = [None, None, "CASCADE", "SET NULL", "RESTRICT"]
SHAPES = ["chain", "tree", "diamond", "cycle", "star"]
NAMES = ["Ant", "Bee", "Cat", "Dog", "Elk", "Fox", "Gnu", "Hen", "Ibis"]


class Model:
    """A scenario under construction: tables, classes, foreign keys (edges)."""

    def __init__(self, rnd):
        self.rnd = rnd
        self.tables = {}
        self.classes = {}
        self.edges = []          # (child table, [fk cols], parent table, [pk cols], kind)
        self.composite = set()   # tables with a two-column primary key

    def add_table(self, name, composite=False):
        cols = {"id": {"type": "integer", "primary_key": True}}
        if composite:
            cols["k"] = {"type": "integer", "primary_key": True}
            self.composite.add(name)
        cols["name"] = {"type": "string", "length": 20}
        self.tables[name] = {"columns": cols}

    def pk_cols(self, table):
        return ["id", "k"] if table in self.composite else ["id"]

    def add_fk(self, child, parent, label, nullable=True, ondelete=None, primary_key=False):
        """Foreign key columns in `child` to `parent`'s primary key; returns their names."""
        pks = self.pk_cols(parent)
        names = [("%s_%s" % (label, c)) for c in pks]
        for n in names:
            col = {"type": "integer"}
            if primary_key:
                col["primary_key"] = True
            elif not nullable:
                col["nullable"] = False
            if len(pks) == 1:
                col["foreign_key"] = "%s.%s" % (parent, pks[0])
                if ondelete:
                    col["ondelete"] = ondelete
            self.tables[child]["columns"][n] = col
        if len(pks) > 1:
            fkd = {"columns": names, "references": ["%s.%s" % (parent, c) for c in pks]}
            if ondelete:
                fkd["ondelete"] = ondelete
            self.tables[child].setdefault("foreign_keys", []).append(fkd)
        self.edges.append((child, names, parent, pks, primary_key))
        return names


def _class(table):
    return table[0].upper() + table[1:]


def _relation_options(rnd, collection, target_table, model, many_to_one=False):
    r = {}
    cascade = rnd.choice(CASCADES)
    if many_to_one and cascade and "delete-orphan" in cascade:
        if rnd.random() < 0.5:
            r["single_parent"] = True
        else:
            cascade = "all"
    if cascade is not None:
        r["cascade"] = cascade
    pd = rnd.choice([False, False, True, "all"])
    if pd == "all" and cascade and ("delete" in cascade or cascade == "all"):
        pd = True if rnd.random() < 0.8 else "all"   # sometimes an ArgumentError on purpose
    if pd:
        r["passive_deletes"] = pd
    lazy = rnd.choice(LAZY)
    if lazy == "dynamic" and not collection:
        lazy = "select"
    if lazy != "select" or rnd.random() < 0.1:
        r["lazy"] = lazy
    if collection and rnd.random() < 0.3:
        cols = list(model.tables[target_table]["columns"])
        r["order_by"] = "%s.%s" % (target_table, rnd.choice(cols))
    return r


def _add_relationships(rnd, model, child, fk_cols, parent, nullable, self_ref=False, force_back=False):
    """The one-to-many on the parent and/or the many-to-one on the child, maybe back_populating."""
    pc, cc = _class(parent), _class(child)
    crels = model.classes[cc].setdefault("relationships", {})
    prels = model.classes[pc].setdefault("relationships", {})
    label = fk_cols[0].rsplit("_", 1)[0]
    many_name = "%s_%ss" % (label, child) if not self_ref else "children_%s" % label
    one_name = label if not self_ref else "parent_%s" % label
    both = force_back or rnd.random() < 0.6
    has_many = both or rnd.random() < 0.6
    has_one = both or not has_many
    uselist = not (rnd.random() < 0.12)
    fkeys = ["%s.%s" % (child, c) for c in fk_cols]
    if has_many:
        r = {"target": cc}
        r.update(_relation_options(rnd, uselist, child, model))
        if not uselist:
            r["uselist"] = False
            if r.get("lazy") == "dynamic":
                r["lazy"] = "select"
            r.pop("order_by", None)
        r["_fk"] = (child, parent, fkeys)
        if both:
            r["back_populates"] = one_name
        if rnd.random() < 0.08:
            r["post_update"] = True
        prels[many_name] = r
    if has_one:
        r = {"target": pc}
        r.update(_relation_options(rnd, False, parent, model, many_to_one=True))
        r["_fk"] = (child, parent, fkeys)
        if self_ref:
            pks = model.pk_cols(parent)
            rs = ["%s.%s" % (parent, c) for c in pks]
            r["remote_side"] = list(rs) if len(rs) > 1 else rs[0]
        if both:
            r["back_populates"] = many_name
        if rnd.random() < 0.05:
            r["post_update"] = True
        crels[one_name] = r


def _shape_edges(rnd, n, shape):
    """Pairs (child index, parent index) for the shape over tables 0..n-1."""
    if shape == "chain":
        return [(i, i - 1) for i in range(1, n)]
    if shape == "tree":
        return [(i, rnd.randrange(i)) for i in range(1, n)]
    if shape == "star":
        return [(i, 0) for i in range(1, n)]
    if shape == "diamond":
        edges = [(i, i - 1) for i in range(1, n)]
        if n >= 3:
            edges.append((n - 1, rnd.randrange(n - 2)))
        return edges
    edges = [(i, i - 1) for i in range(1, n)]   # cycle
    edges.append((0, n - 1))
    return edges


def generate(seed, index):
    rnd = random.Random("%s:%s" % (seed, index))
    n = rnd.randint(2, 7)
    model = Model(rnd)
    names = [t.lower() for t in rnd.sample(NAMES, n)]
    for t in names:
        model.add_table(t, composite=rnd.random() < 0.12)
        model.classes[_class(t)] = {"table": t}
    shape = rnd.choice(SHAPES)
    edges = _shape_edges(rnd, n, shape)
    cycle_edges = {edges[-1]} if shape == "cycle" else set()
    nullable_of = {}
    for child_i, parent_i in edges:
        child, parent = names[child_i], names[parent_i]
        label = parent if not any(e[0] == child and e[2] == parent for e in model.edges) else parent + "2"
        nullable = (child_i, parent_i) in cycle_edges or rnd.random() < 0.7
        cols = model.add_fk(child, parent, label, nullable, rnd.choice(ONDELETE))
        nullable_of[(child, tuple(cols))] = nullable
        _add_relationships(rnd, model, child, cols, parent, nullable)
    # extras: a second key to the same parent, self-reference, association object, secondary
    if rnd.random() < 0.15 and edges:
        child_i, parent_i = rnd.choice(edges)
        child, parent = names[child_i], names[parent_i]
        nullable = rnd.random() < 0.8
        cols = model.add_fk(child, parent, parent + "2", nullable, rnd.choice(ONDELETE))
        nullable_of[(child, tuple(cols))] = nullable
        _add_relationships(rnd, model, child, cols, parent, nullable)
    if rnd.random() < 0.25:
        t = rnd.choice(names)
        cols = model.add_fk(t, t, "up", True, rnd.choice(ONDELETE))
        nullable_of[(t, tuple(cols))] = True
        _add_relationships(rnd, model, t, cols, t, True, self_ref=True)
    if rnd.random() < 0.25 and n >= 2:
        a, b = rnd.sample(names, 2)
        assoc = "%s_%s_link" % (a, b)
        model.tables[assoc] = {"columns": {}}
        model.add_fk(assoc, a, a, primary_key=True, ondelete=rnd.choice([None, "CASCADE"]))
        model.add_fk(assoc, b, b, primary_key=True, ondelete=rnd.choice([None, "CASCADE"]))
        rel_name = "%ss" % b
        r = {"target": _class(b), "secondary": assoc}
        r.update(_relation_options(rnd, True, b, model))
        r.pop("passive_deletes", None) if rnd.random() < 0.5 else None
        back = rnd.random() < 0.5
        if back:
            r["back_populates"] = "%ss_of" % a
        model.classes[_class(a)].setdefault("relationships", {})[rel_name] = r
        if back:
            r2 = {"target": _class(a), "secondary": assoc, "back_populates": rel_name}
            lazy = rnd.choice(LAZY)
            if lazy != "select":
                r2["lazy"] = lazy
            model.classes[_class(b)].setdefault("relationships", {})["%ss_of" % a] = r2
    if rnd.random() < 0.25 and n >= 2:
        a, b = rnd.sample(names, 2)
        assoc = "%s_%s_entry" % (a, b)
        model.add_table(assoc)
        model.classes[_class(assoc)] = {"table": assoc}
        for side in (a, b):
            nullable = rnd.random() < 0.5
            cols = model.add_fk(assoc, side, side, nullable, rnd.choice(ONDELETE))
            nullable_of[(assoc, tuple(cols))] = nullable
            _add_relationships(rnd, model, assoc, cols, side, nullable)
    _disambiguate(model)
    rows = _rows(rnd, model, nullable_of)
    steps = _steps(rnd, model, rows)
    doc = {"format": 1, "title": "random model %s:%s (%s, %d classes)" % (seed, index, shape, n)}
    if rnd.random() < 0.1:
        doc["database"] = {"engine": "sqlite", "foreign_keys": False}
    doc.update({"tables": model.tables, "classes": model.classes, "rows": rows, "steps": steps})
    return doc


def _disambiguate(model):
    """foreign_keys on every relationship whose two tables are linked by more than one key, as
    SQLAlchemy requires (a self-reference always names them)."""
    for spec in model.classes.values():
        for r in (spec.get("relationships") or {}).values():
            child, parent, fkeys = r.pop("_fk", (None, None, None))
            if child is None:
                continue
            paths = sum(1 for e in model.edges if {e[0], e[2]} == {child, parent})
            if paths > 1 or child == parent:
                r["foreign_keys"] = list(fkeys) if len(fkeys) > 1 else fkeys[0]


def _rows(rnd, model, nullable_of):
    """Rows for every table: keys 1..m, foreign keys to existing rows (or NULL where allowed)."""
    rows = {}
    keys = {}
    for t in model.tables:
        if t.endswith("_link"):
            continue
        count = rnd.randint(0, 4) if rnd.random() < 0.2 else rnd.randint(1, 4)
        keys[t] = [(i, 1) if t in model.composite else (i,) for i in range(1, count + 1)]
    for t, spec in model.tables.items():
        if t.endswith("_link"):
            continue
        out = []
        for key in keys[t]:
            row = {"id": key[0]}
            if t in model.composite:
                row["k"] = key[1]
            row["name"] = "%s%d" % (t[:2], key[0])
            out.append(row)
        rows[t] = out
    for child, cols, parent, pks, primary in model.edges:
        if primary:
            continue
        nullable = nullable_of.get((child, tuple(cols)), True)
        for row in rows[child]:
            choices = keys[parent]
            if child == parent:
                choices = [k for k in choices if k[0] < row["id"]]
            if choices and (not nullable or rnd.random() < 0.85):
                key = rnd.choice(choices)
                for c, v in zip(cols, key):
                    row[c] = v
            elif not choices and not nullable:
                row["__drop__"] = True
            else:
                for c in cols:
                    row[c] = None
    for t in list(rows):
        rows[t] = [r for r in rows[t] if not r.pop("__drop__", False)]
    # rows of tables whose rows were dropped may still be referenced: drop the references' rows
    changed = True
    while changed:
        changed = False
        for child, cols, parent, pks, primary in model.edges:
            if primary or child not in rows:
                continue
            present = {tuple(r[c] for c in pks) for r in rows[parent]}
            keep = []
            for r in rows[child]:
                v = tuple(r.get(c) for c in cols)
                if all(x is None for x in v) or v in present:
                    keep.append(r)
                else:
                    changed = True
            rows[child] = keep
    for t in model.tables:
        if t.endswith("_link"):
            a_edge, b_edge = [e for e in model.edges if e[0] == t]
            links = set()
            for _ in range(rnd.randint(0, 5)):
                if rows[a_edge[2]] and rows[b_edge[2]]:
                    ra, rb = rnd.choice(rows[a_edge[2]]), rnd.choice(rows[b_edge[2]])
                    links.add(tuple(ra[c] for c in a_edge[3]) + tuple(rb[c] for c in b_edge[3]))
            rows[t] = [dict(zip(a_edge[1] + b_edge[1], v)) for v in sorted(links)]
    return {t: r for t, r in rows.items() if r}


def _ref(model, table, row):
    key = [row[c] for c in model.pk_cols(table)]
    return "%s(%s)" % (_class(table), ", ".join(str(k) for k in key))


DELETE_SIDE = ["get", "load", "load", "delete", "delete", "delete", "remove", "set", "set",
               "expunge", "flush", "commit", "commit", "rollback"]
SAVE_SIDE = ["new", "new", "append", "set_column", "set_column", "merge", "refresh", "expire",
             "expire_all", "close", "get_as"]


def _steps(rnd, model, rows):
    """Two to seven steps of every kind the format has: the delete side and, in about half the
    scenarios, the save side too (new objects added, appended or set, columns and primary keys
    changed, merge, refresh, expire, expire_all, close), with `as:` names used by later steps."""
    mapped = [(c, spec["table"]) for c, spec in model.classes.items() if rows.get(spec["table"])]
    save = rnd.random() < 0.5
    if not mapped and not save:
        return ["flush"]
    kinds = DELETE_SIDE + (SAVE_SIDE if save else [])
    names = []        # (name, class) bound by earlier steps
    fresh = iter(range(100, 10000))
    steps = []
    for _ in range(rnd.randint(2, 7)):
        kind = rnd.choice(kinds)
        if kind in SAVE_SIDE or not mapped:
            steps.extend(_save_step(rnd, model, rows, mapped, names, fresh, kind if kind in SAVE_SIDE else "new"))
            continue
        cls, table = rnd.choice(mapped)
        row = rnd.choice(rows[table])
        ref = _ref(model, table, row)
        if names and rnd.random() < 0.25:
            ref, cls = rnd.choice(names)
            table = model.classes[cls]["table"]
        rels = model.classes[cls].get("relationships", {})
        if kind in ("load", "remove", "set") and not rels:
            kind = "delete"
        if kind == "get":
            steps.append({"get": ref})
        elif kind == "load":
            steps.append({"load": "%s.%s" % (ref, rnd.choice(sorted(rels)))})
        elif kind == "delete":
            steps.append({"delete": ref})
        elif kind == "expunge":
            steps.append({"expunge": ref})
        elif kind in ("flush", "commit", "rollback"):
            steps.append(kind)
        else:
            name = rnd.choice(sorted(rels))
            spec = rels[name]
            target_table = model.classes[spec["target"]]["table"]
            collection = _is_collection(model, cls, spec)
            if kind == "remove" and collection is None:
                kind = "set"
            if kind == "remove" or (kind == "set" and collection is True):
                if collection is not True or not rows.get(target_table):
                    steps.append({"load": "%s.%s" % (ref, name)})
                    continue
                item = rnd.choice(rows[target_table])
                steps.append({"remove": {"item": _ref(model, target_table, item), "from": "%s.%s" % (ref, name)}})
            else:
                if collection is True:
                    steps.append({"load": "%s.%s" % (ref, name)})
                    continue
                value = None
                targets = [n for n, c in names if c == spec["target"]]
                if targets and rnd.random() < 0.4:
                    value = rnd.choice(targets)
                elif rows.get(target_table) and rnd.random() < 0.7:
                    value = _ref(model, target_table, rnd.choice(rows[target_table]))
                steps.append({"set": {"attr": "%s.%s" % (ref, name), "value": value}})
    if rnd.random() < 0.7:
        steps.append("commit")
    return steps


def _new_values(rnd, model, table, rows, fresh, existing=None):
    """Column values of a new object: a fresh key (or the database's), a name, maybe foreign keys."""
    cols = model.tables[table]["columns"]
    values = {}
    if existing is not None:
        for c in model.pk_cols(table):
            values[c] = existing[c]
    elif table in model.composite or rnd.random() < 0.4:
        values["id"] = next(fresh)
        if table in model.composite:
            values["k"] = 1
    values["name"] = "new%d" % rnd.randrange(100)
    for child, fk_cols, parent, pks, primary in model.edges:
        if child == table and not primary and rows.get(parent) and rnd.random() < 0.5:
            parent_row = rnd.choice(rows[parent])
            for c, pk in zip(fk_cols, pks):
                if c in cols:
                    values[c] = parent_row[pk]
    return values


def _save_step(rnd, model, rows, mapped, names, fresh, kind):
    """The steps of one save-side kind (a `new` may bring its add, append or set)."""
    classes = [c for c in model.classes]
    if kind in ("refresh", "expire", "get_as", "set_column") and not mapped and not names:
        kind = "new"
    if kind == "append":
        owners = [(c, r) for c, t in mapped for r, spec in (model.classes[c].get("relationships") or {}).items()
                  if _is_collection(model, c, spec) is True]
        if not owners:
            kind = "new"
        else:
            cls, rel = rnd.choice(owners)
            table = model.classes[cls]["table"]
            owner = _ref(model, table, rnd.choice(rows[table]))
            target = model.classes[cls]["relationships"][rel]["target"]
            target_table = model.classes[target]["table"]
            items = [n for n, c in names if c == target]
            if items and rnd.random() < 0.5:
                item = rnd.choice(items)
            elif rows.get(target_table):
                item = _ref(model, target_table, rnd.choice(rows[target_table]))
            else:
                name = "n%d" % len(names)
                names.append((name, target))
                return [{"new": {"as": name, "class": target,
                                 "values": _new_values(rnd, model, target_table, rows, fresh)}},
                        {"append": {"item": name, "to": "%s.%s" % (owner, rel)}}]
            return [{"append": {"item": item, "to": "%s.%s" % (owner, rel)}}]
    if kind == "new":
        cls = rnd.choice(classes)
        table = model.classes[cls]["table"]
        name = "n%d" % len(names)
        names.append((name, cls))
        out = [{"new": {"as": name, "class": cls, "values": _new_values(rnd, model, table, rows, fresh)}}]
        how = rnd.random()
        owners = [(c, r) for c, t in mapped for r, spec in (model.classes[c].get("relationships") or {}).items()
                  if spec["target"] == cls and _is_collection(model, c, spec) is True]
        if how < 0.5 or not owners:
            out.append({"add": name})
        elif how < 0.85:
            c, r = rnd.choice(owners)
            t = model.classes[c]["table"]
            out.append({"append": {"item": name, "to": "%s.%s" % (_ref(model, t, rnd.choice(rows[t])), r)}})
        return out
    if kind == "merge":
        cls, table = rnd.choice(mapped) if mapped and rnd.random() < 0.7 else (rnd.choice(classes), None)
        table = table or model.classes[cls]["table"]
        existing = rnd.choice(rows[table]) if rows.get(table) and rnd.random() < 0.7 else None
        name = "n%d" % len(names)
        merged = "m%d" % len(names)
        names.append((name, cls))
        names.append((merged, cls))
        return [{"new": {"as": name, "class": cls, "values": _new_values(rnd, model, table, rows, fresh, existing)}},
                {"merge": {"object": name, "as": merged}}]
    if kind == "expire_all":
        return ["expire_all"]
    if kind == "close":
        return ["close"]
    if names and (not mapped or rnd.random() < 0.3):
        ref, cls = rnd.choice(names)
        table = model.classes[cls]["table"]
    else:
        cls, table = rnd.choice(mapped)
        ref = _ref(model, table, rnd.choice(rows[table]))
    if kind == "get_as":
        if ref.startswith(cls + "("):
            name = "g%d" % len(names)
            names.append((name, cls))
            return [{"get": {"ref": ref, "as": name}}]
        return [{"refresh": ref}]
    if kind == "set_column":
        if rnd.random() < 0.2:
            return [{"set": {"attr": "%s.id" % ref, "value": next(fresh)}}]
        return [{"set": {"attr": "%s.name" % ref, "value": "changed%d" % rnd.randrange(100)}}]
    return [{kind: ref}]


def _is_collection(model, cls, spec):
    """True for a list collection, False for a scalar, None for uselist=False one-to-many."""
    if "secondary" in spec:
        return spec.get("uselist", True)
    table = model.classes[cls]["table"]
    target = model.classes[spec["target"]]["table"]
    fks = spec.get("foreign_keys")
    fks = [fks] if isinstance(fks, str) else (fks or [])
    if table == target:
        if "remote_side" in spec:
            return False
        return True if spec.get("uselist", True) else None
    for child, cols, parent, _, _ in model.edges:
        if child == target and parent == table and (not fks or fks[0] == "%s.%s" % (child, cols[0])):
            return True if spec.get("uselist", True) else None
    return False


class _Dumper(__import__("yaml").SafeDumper):
    """Writes every value out: no `&id001` anchors, which the scenario loader refuses."""

    def ignore_aliases(self, data):
        return True


def dump_yaml(doc, path):
    import yaml
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        yaml.dump(doc, f, Dumper=_Dumper, sort_keys=False, default_flow_style=False, width=110)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", default="0")
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for i in range(args.start, args.start + args.count):
        doc = generate(args.seed, i)
        path = os.path.join(args.out, "r%s_%04d.yaml" % (args.seed, i))
        dump_yaml(doc, path)


if __name__ == "__main__":
    main()
