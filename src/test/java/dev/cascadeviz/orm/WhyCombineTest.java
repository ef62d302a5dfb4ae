package dev.cascadeviz.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.cascadeviz.trace.Cause;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One statement for many rows gives one cause: the rows' own, once each, in the order first met. */
class WhyCombineTest {

    private static final Cause A = new Cause("A.bs cascades the delete", "A.bs", "b.a_id", "cascade");
    private static final Cause B = new Cause("B.cs cascades the delete", "B.cs", "c.b_id", "cascade");

    @Test
    void noCauseIsNullAndOneCauseForEveryRowIsThatCause() {
        assertNull(Why.combine(List.of()));
        assertNull(Why.combine(Arrays.asList(null, null)));
        assertSame(A, Why.combine(Arrays.asList(null, A, A, null, A)));
        Cause equalToA = new Cause(A.text(), A.relationship(), A.foreignKey(), A.setting());
        assertSame(A, Why.combine(List.of(A, equalToA)), "equal causes are one cause: the first");
    }

    @Test
    void severalCausesJoinTheirSentencesOnceEachAndKeepTheFirstsRelationship() {
        Cause combined = Why.combine(Arrays.asList(B, null, A, B, A));
        assertEquals(new Cause(B.text() + "; " + A.text(), "B.cs", "c.b_id", "cascade"), combined);
        Cause sameWords = new Cause(A.text(), "Other.rel", null, null);
        assertEquals(new Cause(A.text(), "A.bs", "b.a_id", "cascade"), Why.combine(List.of(A, sameWords)),
                "different causes with the same words: the words once");
    }

    @Test
    void causesAreEqualByEveryComponent() {
        Cause a = new Cause("x", "R.r", "t.c", "cascade", List.of("R.r"));
        assertEquals(a, new Cause("x", "R.r", "t.c", "cascade", List.of("R.r")));
        assertEquals(a.hashCode(), new Cause("x", "R.r", "t.c", "cascade", List.of("R.r")).hashCode());
        assertNotEquals(a, new Cause("x", "R.r", "t.c", "cascade", List.of()));
        assertNotEquals(a, new Cause("x", "R.r", "t.c", null, List.of("R.r")));
        assertNotEquals(a, new Cause("x", null, "t.c", "cascade", List.of("R.r")));
        assertNotEquals(a, new Cause("y", "R.r", "t.c", "cascade", List.of("R.r")));
        assertNotEquals(a, new Cause("x", "R.r", null, "cascade", List.of("R.r")));
    }
}
