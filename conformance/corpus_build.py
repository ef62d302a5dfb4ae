"""Small builders for generated scenarios (used by corpus_families.py).

Everything returns plain dicts in docs/scenario-format.md's shape; options equal to SQLAlchemy's
default are left out, so each file says only what its title says.
"""
import itertools


def pk(kind="integer", **more):
    col = {"type": kind, "primary_key": True}
    col.update(more)
    return col


def col(kind="string", length=None, **more):
    c = {"type": kind}
    if length is not None:
        c["length"] = length
    c.update(more)
    return c


def fk(target, ondelete=None, nullable=True, primary_key=False, **more):
    c = {"type": "integer"}
    if primary_key:
        c["primary_key"] = True
    c["foreign_key"] = target
    if ondelete:
        c["ondelete"] = ondelete
    if not nullable and not primary_key:
        c["nullable"] = False
    c.update(more)
    return c


def rel(target, cascade=None, passive=False, back=None, **more):
    r = {"target": target}
    if cascade is not None:
        r["cascade"] = cascade
    if passive:
        r["passive_deletes"] = passive
    if back:
        r["back_populates"] = back
    r.update({k: v for k, v in more.items() if v is not None})
    return r


def scenario(title, notes, tables, classes, rows, steps, foreign_keys=True):
    doc = {"format": 1, "title": title, "notes": notes}
    if not foreign_keys:
        doc["database"] = {"engine": "sqlite", "foreign_keys": False}
    doc.update({"tables": tables, "classes": classes, "rows": rows, "steps": steps})
    return doc


# ---------------------------------------------------------------- naming

CASCADE_SLUG = {None: "default", "": "empty"}
PASSIVE_SLUG = {False: "pdfalse", True: "pdtrue", "all": "pdall"}


def cascade_slug(value):
    if value in CASCADE_SLUG:
        return CASCADE_SLUG[value]
    return value.replace(", ", "-").replace(",", "-").replace(" ", "")


def cascade_words(value):
    return "default cascade" if value is None else 'cascade "%s"' % value


def passive_words(value):
    return "passive_deletes=%s" % {False: "False", True: "True", "all": '"all"'}[value]


def ondelete_slug(value):
    return "od" + (value or "none").lower().replace(" ", "")


def ondelete_words(value):
    return "ON DELETE %s" % value if value else "no ON DELETE"


# ---------------------------------------------------------------- choosing combinations

def covering(dims, core=(), allowed=lambda combo: True):
    """Combinations (dicts) that cross the `core` dimensions fully and cover every pair of
    values between the other dimensions and the core (and among the others), choosing
    greedily in product order so the result is deterministic. `allowed` drops combinations
    that are not worth a file; pairs only forbidden combinations could cover are not needed."""
    names = [n for n, _ in dims]
    candidates = [dict(zip(names, values)) for values in itertools.product(*[v for _, v in dims])]
    candidates = [c for c in candidates if allowed(c)]
    units = [tuple(core)] if core else []
    units += [(n,) for n in names if n not in core]

    def unit_value(combo, unit):
        return tuple(repr(combo[n]) for n in unit)

    def pairs(combo):
        if len(units) == 1:
            return {((0, unit_value(combo, units[0])),)}
        return {((i, unit_value(combo, units[i])), (j, unit_value(combo, units[j])))
                for i in range(len(units)) for j in range(i + 1, len(units))}

    uncovered = set().union(*[pairs(c) for c in candidates]) if candidates else set()
    chosen = []
    while uncovered:
        best = max(candidates, key=lambda c: len(pairs(c) & uncovered))
        chosen.append(best)
        uncovered -= pairs(best)
    return chosen
