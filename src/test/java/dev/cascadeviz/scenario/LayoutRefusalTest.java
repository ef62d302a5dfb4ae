package dev.cascadeviz.scenario;

import static dev.cascadeviz.scenario.Refusals.BASE;
import static dev.cascadeviz.scenario.Refusals.NEXT_LINE;
import static dev.cascadeviz.scenario.Refusals.refusedOnce;

import org.junit.jupiter.api.Test;

class LayoutRefusalTest {

    @Test
    void refusesALayoutForAnUnknownClass() {
        refusedOnce(BASE + "layout:\n  Singer: [1, 2]\n", NEXT_LINE + 1, 3, "layout for unknown class 'Singer'",
                "classes: 'Artist', 'Song'");
    }

    @Test
    void refusesALayoutPointWithThreeNumbers() {
        refusedOnce(BASE + "layout:\n  Artist: [1, 2, 3]\n", NEXT_LINE + 1, 11, "expected a point [x, y]",
                "a list of 3");
    }

    @Test
    void refusesALayoutPointThatIsAMapping() {
        refusedOnce(BASE + "layout:\n  Artist: {x: 1, y: 2}\n", NEXT_LINE + 1, 11, "expected a point [x, y]",
                "a mapping");
    }

    @Test
    void refusesALayoutCoordinateThatIsNotANumber() {
        refusedOnce(BASE + "layout:\n  Artist: [1, left]\n", NEXT_LINE + 1, 15, "expected a number for y of the layout");
    }
}
