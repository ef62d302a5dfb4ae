#!/usr/bin/python3
"""Runs a module written by `cascadeviz export --python` and prints its trace as JSON.

    /usr/bin/python3 conformance/run_exported.py EXPORTED.py

The module is imported (not changed) and its own main(engine) runs on an engine from its own
make_engine(echo=False), so what is traced is the exported code itself. Capture works as
capture.py's does (see README.md): statements from `before_cursor_execute`, switched on once
the module's insert_rows() has seeded the tables; warnings by their first line; an exception
from the mapping (configure_mappers) is the error with "step": null, one raised inside
run_steps() is the error of the step whose `# step N:` comment comes last before the raising
line; tables dumped in primary-key order after the run.
"""
import importlib.util
import json
import os
import re
import sys
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from sqlalchemy.orm import configure_mappers  # noqa: E402

import sqla_run  # noqa: E402
import sqla_schema  # noqa: E402

STEP = re.compile(r"^\s*# step (\d+):")


def load_module(path):
    spec = importlib.util.spec_from_file_location("exported_scenario", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def step_of(exc, path):
    """The 0-based step whose code raised, from the innermost frame in the module's run_steps."""
    line = None
    tb = exc.__traceback__
    target = os.path.abspath(path)
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_name == "run_steps" and os.path.abspath(code.co_filename) == target:
            line = tb.tb_lineno
        tb = tb.tb_next
    if line is None:
        return None
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for number in range(line, 0, -1):
        match = STEP.match(lines[number - 1])
        if match:
            return int(match.group(1)) - 1
    return None


def run(path):
    module = load_module(path)
    engine = module.make_engine(echo=False)
    log = sqla_run.StatementLog(engine)
    seed = module.insert_rows

    def insert_then_trace(e):
        seed(e)
        log.on = True

    module.insert_rows = insert_then_trace
    error = None
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                configure_mappers()
            except Exception as exc:  # the mapping itself is invalid: that is the outcome
                error = sqla_run._error(exc, None)
                module.Base.metadata.create_all(engine)
                seed(engine)
            if error is None:
                try:
                    module.main(engine)
                except Exception as exc:
                    error = sqla_run._error(exc, step_of(exc, path))
        log.on = False
        return {
            "statements": log.statements,
            "error": error,
            "tables": sqla_schema.dump_tables(engine, module.Base.metadata),
            "warnings": [sqla_run.first_line(w.message) for w in caught],
        }
    finally:
        engine.dispose()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: run_exported.py EXPORTED.py")
    sys.stdout.write(json.dumps(run(sys.argv[1]), ensure_ascii=False, indent=1) + "\n")
