package dev.cascadeviz.interop.python;

import java.util.List;

/** The statements of a models module that the importer reads; the rest are {@link Skipped}. */
public sealed interface PyStmt {

    int line();

    /** {@code target[: annotation] [= value]}; annotation or value may be null (not both). */
    record Assign(PyExpr target, PyExpr annotation, PyExpr value, int line) implements PyStmt {
    }

    record ClassDef(String name, List<PyExpr> bases, List<PyStmt> body, int line) implements PyStmt {
    }

    /** {@code import ...} or {@code from ... import ...}. */
    record Import(String text, int line) implements PyStmt {
    }

    /** A bare expression (a docstring, a call). */
    record Expression(PyExpr value, int line) implements PyStmt {
    }

    record Pass(int line) implements PyStmt {
    }

    /** A statement the parser did not read (a def, an if block, a syntax error), described. */
    record Skipped(String description, int line) implements PyStmt {
    }
}
