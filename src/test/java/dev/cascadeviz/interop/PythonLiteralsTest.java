package dev.cascadeviz.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected texts are what CPython 3.11's repr() prints for the same values. */
class PythonLiteralsTest {

    @Test
    void floatsAsPythonsRepr() {
        assertEquals("1e+16", PythonLiterals.repr(1e16));
        assertEquals("1000000000000000.0", PythonLiterals.repr(1e15));
        assertEquals("0.0001", PythonLiterals.repr(0.0001));
        assertEquals("1e-05", PythonLiterals.repr(1e-05));
        assertEquals("1.5", PythonLiterals.repr(1.5));
        assertEquals("-0.0", PythonLiterals.repr(-0.0));
        assertEquals("1.0", PythonLiterals.repr(1.0));
        assertEquals("2.5e-10", PythonLiterals.repr(2.5e-10));
        assertEquals("1.7976931348623157e+308", PythonLiterals.repr(Double.MAX_VALUE));
        assertEquals("inf", PythonLiterals.repr(Double.POSITIVE_INFINITY));
    }

    @Test
    void stringsAsPythonsRepr() {
        assertEquals("\"it's\"", PythonLiterals.repr("it's"));
        assertEquals("'a\"b'", PythonLiterals.repr("a\"b"));
        assertEquals("'both\\'\"'", PythonLiterals.repr("both'\""));
        assertEquals("'tab\\there'", PythonLiterals.repr("tab\there"));
        assertEquals("'\\x7f\\xa0\\xad\\u2028é'", PythonLiterals.repr("\u007f\u00a0\u00ad\u2028é"));
        assertEquals("'back\\\\slash'", PythonLiterals.repr("back\\slash"));
    }

    @Test
    void sourceLiteralsAreDoubleQuotedAndEscapeTheSameCharacters() {
        assertEquals("\"it's \\\"q\\\" \\u2028\"", PythonLiterals.value("it's \"q\" \u2028"));
        assertEquals("None", PythonLiterals.value(null));
        assertEquals("True", PythonLiterals.value(true));
        assertEquals("float(\"nan\")", PythonLiterals.value(Double.NaN));
    }
}
