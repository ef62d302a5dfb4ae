package dev.cascadeviz.interop.python;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the declarative subset of Python a models module is written in: imports, assignments
 * (with or without annotation), class definitions with such assignments in their body, and
 * expressions made of names, literals, calls, subscripts, lists and tuples. Every other
 * statement (a {@code def}, an {@code if} block, a decorator) is kept as {@link PyStmt.Skipped}
 * with its line, and so is a statement the parser cannot read: parsing never throws.
 */
public final class PyParser {

    private static final Set<String> COMPOUND = Set.of("def", "if", "for", "while", "with", "try", "async", "@",
            "elif", "else", "except", "finally", "match");
    private static final Set<String> BINARY = Set.of("==", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "%",
            "//", "**", "&", "^", "<<", ">>", "and", "or", "in", "is", "not", "if", "@");

    /** CPython's own limit on nested brackets (its tokenizer's MAXLEVEL): "too many nested parentheses". */
    static final int MAX_NESTING = 200;
    /** CPython's limit on indentation levels (its tokenizer's MAXINDENT): "too many levels of indentation". */
    static final int MAX_INDENT = 100;

    private final List<PyToken> tokens;
    private int i;
    /** Expressions being read, one inside the other; parsing recurses once per level. */
    private int nesting;
    /** Class bodies being read, one inside the other. */
    private int classes;

    private PyParser(List<PyToken> tokens) {
        this.tokens = tokens;
    }

    /** The module's top-level statements. */
    public static List<PyStmt> parse(String source) {
        PyParser p = new PyParser(PyTokenizer.tokenize(source));
        return p.block(true);
    }

    /** Signals a statement the parser cannot read; caught per statement. */
    private static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private PyToken peek() {
        return tokens.get(Math.min(i, tokens.size() - 1));
    }

    private PyToken next() {
        PyToken t = peek();
        if (i < tokens.size() - 1) {
            i++;
        }
        return t;
    }

    private boolean at(String op) {
        return peek().is(op);
    }

    private void expect(String op) {
        if (!at(op)) {
            throw new Unreadable("expected '" + op + "' but found " + describe(peek()));
        }
        next();
    }

    private static String describe(PyToken t) {
        return switch (t.kind()) {
            case NEWLINE -> "the end of the line";
            case END -> "the end of the file";
            case INDENT -> "an indented line";
            case DEDENT -> "the end of the block";
            case ERROR -> t.text();
            default -> "'" + t.text() + "'";
        };
    }

    /** Statements until the end of the file (top level) or the end of the indented block. */
    private List<PyStmt> block(boolean top) {
        List<PyStmt> out = new ArrayList<>();
        while (true) {
            PyToken t = peek();
            if (t.kind() == PyToken.Kind.END || (!top && t.kind() == PyToken.Kind.DEDENT)) {
                if (!top) {
                    next();
                }
                return out;
            }
            if (t.kind() == PyToken.Kind.NEWLINE || (top && t.kind() == PyToken.Kind.DEDENT)) {
                next();
                continue;
            }
            int start = i;
            try {
                out.add(statement());
            } catch (Unreadable e) {
                i = start;
                skipStatement();
                out.add(new PyStmt.Skipped("a statement that could not be read (" + e.getMessage() + ")", t.line()));
            }
        }
    }

    private PyStmt statement() {
        PyToken t = peek();
        if (t.kind() == PyToken.Kind.ERROR) {
            throw new Unreadable(t.text());
        }
        if (t.kind() == PyToken.Kind.INDENT) {
            skipStatement();
            return new PyStmt.Skipped("an unexpected indented block", t.line());
        }
        if (t.is("class")) {
            return classDef();
        }
        if (t.is("import") || t.is("from")) {
            StringBuilder text = new StringBuilder();
            while (peek().kind() != PyToken.Kind.NEWLINE && peek().kind() != PyToken.Kind.END) {
                text.append(next().text()).append(' ');
            }
            return new PyStmt.Import(text.toString().trim(), t.line());
        }
        if (t.is("pass")) {
            next();
            endOfStatement();
            return new PyStmt.Pass(t.line());
        }
        if (t.kind() == PyToken.Kind.NAME && COMPOUND.contains(t.text()) || t.is("@")) {
            String what = t.is("def") ? "def " + tokens.get(i + 1).text() : t.is("@") ? "a decorated definition" : "a '" + t.text() + "' block";
            skipStatement();
            return new PyStmt.Skipped(what, t.line());
        }
        if (t.kind() == PyToken.Kind.NAME && Set.of("return", "global", "nonlocal", "del", "assert", "raise",
                "print", "yield", "break", "continue").contains(t.text())) {
            skipStatement();
            return new PyStmt.Skipped("a '" + t.text() + "' statement", t.line());
        }
        PyExpr first = expression();
        if (at(":")) {
            next();
            PyExpr annotation = expression();
            PyExpr value = null;
            if (at("=")) {
                next();
                value = expression();
            }
            endOfStatement();
            return new PyStmt.Assign(first, annotation, value, t.line());
        }
        if (at("=")) {
            next();
            PyExpr value = expression();
            if (at("=")) {
                throw new Unreadable("chained assignment");
            }
            endOfStatement();
            return new PyStmt.Assign(first, null, value, t.line());
        }
        if (peek().kind() == PyToken.Kind.OP && peek().text().endsWith("=") && peek().text().length() == 2
                && !at("==") && !at("!=") && !at("<=") && !at(">=")) {
            skipStatement();
            return new PyStmt.Skipped("an augmented assignment", t.line());
        }
        endOfStatement();
        return new PyStmt.Expression(first, t.line());
    }

    private void endOfStatement() {
        if (at(";")) {
            throw new Unreadable("several statements on one line");
        }
        PyToken t = peek();
        if (t.kind() != PyToken.Kind.NEWLINE && t.kind() != PyToken.Kind.END && t.kind() != PyToken.Kind.DEDENT) {
            throw new Unreadable("unexpected " + describe(t));
        }
        if (t.kind() == PyToken.Kind.NEWLINE) {
            next();
        }
    }

    /** Skips to the end of the logical line and, if an indented block follows, over the block. */
    private void skipStatement() {
        while (peek().kind() != PyToken.Kind.NEWLINE && peek().kind() != PyToken.Kind.END) {
            if (peek().kind() == PyToken.Kind.INDENT) {
                skipBlock();
                return;
            }
            next();
        }
        next();
        if (peek().kind() == PyToken.Kind.INDENT) {
            skipBlock();
        }
    }

    private void skipBlock() {
        int level = 0;
        do {
            PyToken t = next();
            if (t.kind() == PyToken.Kind.INDENT) {
                level++;
            } else if (t.kind() == PyToken.Kind.DEDENT) {
                level--;
            } else if (t.kind() == PyToken.Kind.END) {
                return;
            }
        } while (level > 0);
    }

    private PyStmt classDef() {
        if (classes >= MAX_INDENT) {
            throw new Unreadable("too many levels of indentation");
        }
        classes++;
        try {
            return classDefAt();
        } finally {
            classes--;
        }
    }

    private PyStmt classDefAt() {
        int line = next().line();
        PyToken name = next();
        if (name.kind() != PyToken.Kind.NAME) {
            throw new Unreadable("a class needs a name");
        }
        List<PyExpr> bases = new ArrayList<>();
        if (at("(")) {
            next();
            while (!at(")")) {
                PyExpr base = expression();
                if (at("=")) { // metaclass=..., a keyword
                    next();
                    expression();
                } else {
                    bases.add(base);
                }
                if (!at(",")) {
                    break;
                }
                next();
            }
            expect(")");
        }
        expect(":");
        List<PyStmt> body = new ArrayList<>();
        if (peek().kind() != PyToken.Kind.NEWLINE) {
            body.add(statement()); // class X(Base): pass
            return new PyStmt.ClassDef(name.text(), bases, body, line);
        }
        next();
        if (peek().kind() != PyToken.Kind.INDENT) {
            throw new Unreadable("a class body must be indented");
        }
        next();
        body.addAll(block(false));
        return new PyStmt.ClassDef(name.text(), bases, body, line);
    }

    // ---------------------------------------------------------------- expressions

    /** An expression; one with operators becomes {@link PyExpr.Other} (or {@link PyExpr.Union} for {@code a | b}). */
    PyExpr expression() {
        if (nesting >= MAX_NESTING) {
            throw new Unreadable("too many nested parentheses");
        }
        nesting++;
        try {
            return expressionAt();
        } finally {
            nesting--;
        }
    }

    private PyExpr expressionAt() {
        int line = peek().line();
        if (at("lambda")) {
            skipExpression();
            return new PyExpr.Other("a lambda", line);
        }
        if (at("not") || at("-") || at("+") || at("~") || at("*") || at("**")) {
            if (at("-") && tokens.get(i + 1).kind() == PyToken.Kind.NUMBER) {
                next();
                PyToken n = next();
                return operators(new PyExpr.Num("-" + n.text(), line));
            }
            skipExpression();
            return new PyExpr.Other("an expression with operators", line);
        }
        return operators(primary());
    }

    private PyExpr operators(PyExpr first) {
        if (at("|")) {
            List<PyExpr> items = new ArrayList<>(List.of(first));
            while (at("|")) {
                next();
                items.add(primary());
            }
            if (isBinary(peek())) {
                skipExpression();
                return new PyExpr.Other("an expression with operators", first.line());
            }
            return new PyExpr.Union(items, first.line());
        }
        if (isBinary(peek())) {
            skipExpression();
            return new PyExpr.Other("an expression with operators", first.line());
        }
        return first;
    }

    private static boolean isBinary(PyToken t) {
        return (t.kind() == PyToken.Kind.OP || t.kind() == PyToken.Kind.NAME) && BINARY.contains(t.text());
    }

    /** Skips to the next ',' ')' ']' '}' ':' '=' or end of line at this bracket depth. */
    private void skipExpression() {
        int depth = 0;
        while (true) {
            PyToken t = peek();
            if (t.kind() == PyToken.Kind.NEWLINE || t.kind() == PyToken.Kind.END) {
                return;
            }
            if (t.kind() == PyToken.Kind.OP) {
                String s = t.text();
                if (depth == 0 && (s.equals(",") || s.equals(")") || s.equals("]") || s.equals("}") || s.equals("=")
                        || (s.equals(":") && !inLambdaHead()))) {
                    return;
                }
                if ("([{".contains(s)) {
                    depth++;
                } else if (")]}".contains(s)) {
                    depth--;
                }
            }
            next();
        }
    }

    private boolean inLambdaHead() {
        for (int j = i - 1; j >= 0; j--) {
            PyToken t = tokens.get(j);
            if (t.is("lambda")) {
                return true;
            }
            if (t.kind() == PyToken.Kind.OP && (t.text().equals(",") || t.text().equals("(") || t.text().equals("="))) {
                return false;
            }
        }
        return false;
    }

    private PyExpr primary() {
        PyToken t = peek();
        PyExpr e;
        switch (t.kind()) {
            case NAME -> {
                next();
                e = switch (t.text()) {
                    case "True", "False", "None" -> new PyExpr.Const(t.text(), t.line());
                    default -> new PyExpr.Name(t.text(), t.line());
                };
            }
            case NUMBER -> {
                next();
                e = new PyExpr.Num(t.text(), t.line());
            }
            case STRING, FSTRING -> {
                StringBuilder sb = new StringBuilder();
                boolean formatted = false;
                while (peek().kind() == PyToken.Kind.STRING || peek().kind() == PyToken.Kind.FSTRING) {
                    formatted |= peek().kind() == PyToken.Kind.FSTRING;
                    sb.append(next().text());
                }
                e = formatted ? new PyExpr.Other("an f-string", t.line()) : new PyExpr.Str(sb.toString(), t.line());
            }
            case OP -> {
                if (t.is("(") || t.is("[")) {
                    e = display();
                } else if (t.is("{")) {
                    next();
                    skipExpression();
                    while (!at("}") && peek().kind() != PyToken.Kind.END) {
                        next();
                        skipExpression();
                    }
                    expect("}");
                    e = new PyExpr.Other("a dict or set", t.line());
                } else if (t.is("...")) {
                    next();
                    e = new PyExpr.Other("...", t.line());
                } else {
                    throw new Unreadable("unexpected " + describe(t));
                }
            }
            default -> throw new Unreadable("unexpected " + describe(t));
        }
        return trailers(e);
    }

    private PyExpr display() {
        PyToken open = next();
        boolean paren = open.is("(");
        String close = paren ? ")" : "]";
        List<PyExpr> items = new ArrayList<>();
        boolean comma = false;
        while (!at(close)) {
            items.add(expression());
            if (at("for")) {
                throw new Unreadable("a comprehension");
            }
            if (!at(",")) {
                break;
            }
            comma = true;
            next();
        }
        expect(close);
        if (paren && items.size() == 1 && !comma) {
            return items.get(0);
        }
        return new PyExpr.Seq(items, paren, open.line());
    }

    private PyExpr trailers(PyExpr e) {
        while (true) {
            if (at(".")) {
                next();
                PyToken name = next();
                if (name.kind() != PyToken.Kind.NAME) {
                    throw new Unreadable("expected a name after '.'");
                }
                e = e instanceof PyExpr.Name n ? new PyExpr.Name(n.dotted() + "." + name.text(), n.line())
                        : new PyExpr.Other("an attribute of an expression", e.line());
            } else if (at("(")) {
                e = call(e);
            } else if (at("[")) {
                next();
                List<PyExpr> index = new ArrayList<>();
                while (!at("]")) {
                    index.add(expression());
                    if (!at(",")) {
                        break;
                    }
                    next();
                }
                expect("]");
                e = new PyExpr.Subscript(e, index, e.line());
            } else {
                return e;
            }
        }
    }

    private PyExpr call(PyExpr func) {
        int line = next().line();
        List<PyExpr> args = new ArrayList<>();
        Map<String, PyExpr> kwargs = new LinkedHashMap<>();
        while (!at(")")) {
            if (at("*") || at("**")) {
                next();
                args.add(new PyExpr.Other("*arguments", peek().line()));
                expression();
            } else if (peek().kind() == PyToken.Kind.NAME && tokens.get(i + 1).is("=")) {
                String key = next().text();
                next();
                kwargs.put(key, expression());
            } else {
                args.add(expression());
                if (at("for")) {
                    throw new Unreadable("a generator expression");
                }
            }
            if (!at(",")) {
                break;
            }
            next();
        }
        expect(")");
        return new PyExpr.Call(func, args, kwargs, line);
    }
}
