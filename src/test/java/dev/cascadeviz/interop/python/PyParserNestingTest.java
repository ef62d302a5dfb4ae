package dev.cascadeviz.interop.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Deeply nested input is refused with CPython's own words, never a StackOverflowError (issue 16). */
class PyParserNestingTest {

    private static String nested(String open, String close, int n) {
        return open.repeat(n) + "1" + close.repeat(n);
    }

    @Test
    void twoThousandNestedBracketsAreASkippedStatementAndTheNextStatementIsRead() {
        for (String[] pair : new String[][] {{"(", ")"}, {"[", "]"}, {"f(", ")"}, {"x[", "]"}}) {
            List<PyStmt> module = PyParser.parse("x = " + nested(pair[0], pair[1], 2_000) + "\ny = 2\n");
            assertEquals(2, module.size());
            PyStmt.Skipped skipped = (PyStmt.Skipped) module.get(0);
            assertTrue(skipped.description().contains("too many nested parentheses"), skipped::toString);
            assertTrue(module.get(1) instanceof PyStmt.Assign, module.get(1)::toString);
        }
    }

    @Test
    void nestingUpToCPythonsLimitIsRead() {
        List<PyStmt> module = PyParser.parse("x = " + nested("(", ")", PyParser.MAX_NESTING - 1) + "\n");
        assertTrue(module.get(0) instanceof PyStmt.Assign, module.get(0)::toString);
    }

    @Test
    void classesNestedBeyondCPythonsIndentationLimitAreSkipped() {
        StringBuilder src = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            src.append("    ".repeat(i)).append("class C").append(i).append(":\n");
        }
        src.append("    ".repeat(1_000)).append("pass\ny = 2\n");
        List<PyStmt> module = PyParser.parse(src.toString());
        PyStmt s = module.get(0);
        int depth = 0;
        while (s instanceof PyStmt.ClassDef c) {
            depth++;
            s = c.body().get(0);
        }
        assertEquals(PyParser.MAX_INDENT, depth);
        assertTrue(s instanceof PyStmt.Skipped k && k.description().contains("too many levels of indentation"));
        assertTrue(module.get(module.size() - 1) instanceof PyStmt.Assign);
    }
}
