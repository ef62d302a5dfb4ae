package dev.cascadeviz.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Plain scalars typed by YAML 1.1's implicit types, as PyYAML (the goldens' reader) and the old reader typed them. */
class YamlScalarsTest {

    private static Node.Scalar plain(String text) {
        return YamlScalars.plain(new Node.Pos(1, 1), text);
    }

    private static void is(Node.Kind kind, Object value, String text) {
        Node.Scalar s = plain(text);
        assertEquals(kind, s.kind(), text);
        assertEquals(value, s.value(), text);
        assertEquals(text, s.text());
    }

    @Test
    void booleansAndNulls() {
        for (String t : new String[] {"true", "True", "TRUE", "yes", "Yes", "on", "ON"}) {
            is(Node.Kind.BOOLEAN, true, t);
        }
        for (String t : new String[] {"false", "no", "NO", "off", "Off"}) {
            is(Node.Kind.BOOLEAN, false, t);
        }
        for (String t : new String[] {"null", "Null", "NULL", "~", ""}) {
            is(Node.Kind.NULL, null, t);
        }
        is(Node.Kind.STRING, "y", "y");
        is(Node.Kind.STRING, "nil", "nil");
    }

    @Test
    void integersInEveryYaml11Base() {
        is(Node.Kind.INTEGER, 42L, "42");
        is(Node.Kind.INTEGER, -7L, "-7");
        is(Node.Kind.INTEGER, 1L, "+1");
        is(Node.Kind.INTEGER, 15L, "017");
        is(Node.Kind.INTEGER, 31L, "0x1F");
        is(Node.Kind.INTEGER, 5L, "0b101");
        is(Node.Kind.INTEGER, 1000L, "1_000");
        is(Node.Kind.INTEGER, new BigInteger("123456789012345678901"), "123456789012345678901");
        is(Node.Kind.STRING, "1:20", "1:20");
        is(Node.Kind.STRING, "0o17", "0o17");
    }

    @Test
    void floatsAndStrings() {
        is(Node.Kind.FLOAT, 1.5, "1.5");
        is(Node.Kind.FLOAT, 1000.0, "1e3");
        is(Node.Kind.FLOAT, 0.5, ".5");
        is(Node.Kind.FLOAT, 1.0, "1.");
        is(Node.Kind.STRING, "2024-01-01", "2024-01-01");
        is(Node.Kind.STRING, "Artist(1)", "Artist(1)");
        is(Node.Kind.STRING, "NaN", "NaN");
    }

    @Test
    void infiniteAndNotANumberAreRefusedWithAReason() {
        assertNotNull(YamlScalars.unsupported(".inf"));
        assertNotNull(YamlScalars.unsupported("-.Inf"));
        assertNotNull(YamlScalars.unsupported(".nan"));
        assertNull(YamlScalars.unsupported("1.5"));
        assertNull(YamlScalars.unsupported("python"));
    }
}
