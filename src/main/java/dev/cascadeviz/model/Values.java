package dev.cascadeviz.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Row and key values compared the way the database compares them: 1 (Integer) equals 1 (Long); the one normalization of values. */
public final class Values {

    private Values() {
    }

    public static Object normalize(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof BigDecimal b) {
            return b.doubleValue();
        }
        return v;
    }

    public static boolean same(Object a, Object b) {
        return Objects.equals(normalize(a), normalize(b));
    }

    public static List<Object> normalizeAll(List<?> values) {
        List<Object> out = new ArrayList<>(values.size());
        for (Object v : values) {
            out.add(normalize(v));
        }
        return out;
    }

    /** The row with its values normalized, read-only: a CompactRow whose values need nothing is returned as it is. */
    public static Map<String, Object> normalizeRow(Map<String, Object> row) {
        return CompactRow.copyOf(row).withValues(Values::normalize);
    }

    /** A value as the tables show it: NULL for null. */
    public static String display(Object v) {
        return v == null ? "NULL" : String.valueOf(v);
    }
}
