package dev.cascadeviz.interop.python;

/** One token of Python source; {@code text} of a string token is its value (escapes resolved). */
public record PyToken(Kind kind, String text, int line, int column) {

    /** Token kinds, as Python's tokenize module names them (ERROR for text it cannot read). */
    public enum Kind {
        NAME, NUMBER, STRING, FSTRING, OP, NEWLINE, INDENT, DEDENT, END, ERROR
    }

    public boolean is(String op) {
        return (kind == Kind.OP || kind == Kind.NAME) && text.equals(op);
    }
}
