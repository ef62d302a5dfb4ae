package dev.cascadeviz.interop.python;

import java.util.List;
import java.util.Map;

/** The expressions of a models module that the importer reads; anything else is {@link Other}. */
public sealed interface PyExpr {

    int line();

    /** {@code Base}, {@code sa.Column}, {@code Song.artist_id}: a dotted name. */
    record Name(String dotted, int line) implements PyExpr {
        /** The last part: {@code Column} of {@code sa.Column}. */
        public String simple() {
            int dot = dotted.lastIndexOf('.');
            return dot < 0 ? dotted : dotted.substring(dot + 1);
        }
    }

    record Str(String value, int line) implements PyExpr {
    }

    record Num(String text, int line) implements PyExpr {
    }

    /** True, False or None. */
    record Const(String word, int line) implements PyExpr {
    }

    /** {@code f(a, b, key=value)}; keyword arguments in source order. */
    record Call(PyExpr func, List<PyExpr> args, Map<String, PyExpr> kwargs, int line) implements PyExpr {
    }

    /** A list or tuple display. */
    record Seq(List<PyExpr> items, boolean tuple, int line) implements PyExpr {
    }

    /** {@code Mapped[int]}, {@code Optional["Song"]}. */
    record Subscript(PyExpr value, List<PyExpr> index, int line) implements PyExpr {
    }

    /** {@code int | None}. */
    record Union(List<PyExpr> items, int line) implements PyExpr {
    }

    /** Anything else (operators, lambdas, dicts, f-strings), described for the report. */
    record Other(String description, int line) implements PyExpr {
    }
}
