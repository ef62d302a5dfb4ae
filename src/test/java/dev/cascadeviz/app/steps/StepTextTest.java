package dev.cascadeviz.app.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StepTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"get Artist(1)", "load Artist(1).songs", "delete Tag('python')", "remove Song(2) from Artist(1).songs",
            "set Song(2).artist = Artist(3)", "set Song(2).artist = None", "expunge Link(1, 2)", "flush", "commit", "rollback"})
    void readsBackWhatItWrites(String text) {
        assertEquals(text, StepText.format(StepText.parse(text)));
    }

    @Test
    void readsCompositeAndStringKeys() {
        assertEquals(new Step.Delete(new ObjectRef("Link", java.util.List.of(1L, "a"))), StepText.parse("delete Link(1, 'a')"));
    }

    @Test
    void refusesAnUnknownVerbNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StepText.parse("destroy Artist(1)"));
        assertTrue(e.getMessage().contains("delete"), e.getMessage());
    }

    @Test
    void refusesAnObjectWithoutItsKey() {
        assertThrows(IllegalArgumentException.class, () -> StepText.parse("delete Artist()"));
    }

    @Test
    void spellsTheSessionCallInPython() {
        assertEquals("session.delete(session.get(Artist, 1))", StepText.python(StepText.parse("delete Artist(1)")));
    }
}
