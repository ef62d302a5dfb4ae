package dev.cascadeviz.db;

import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.Engine;
import java.math.BigDecimal;
import java.sql.Clob;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Values between the model (Long, Double, String, Boolean, null; dates as ISO strings) and the
 * databases. What comes back is normalized per column type as Python would print SQLAlchemy's
 * value: integer → Long, float/numeric → Double, string/text → String, boolean → Boolean,
 * date → {@code YYYY-MM-DD}, datetime → {@code str(datetime)} ({@code YYYY-MM-DD HH:MM:SS[.ffffff]}).
 */
public final class DatabaseValues {

    private static final DateTimeFormatter SQLITE_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private DatabaseValues() {
    }

    /** A database value as the model's value for a column of this type (type null: by the value's own kind). */
    public static Object read(Object v, ColumnType type) throws SQLException {
        if (v == null) {
            return null;
        }
        if (v instanceof Clob clob) {
            v = clob.getSubString(1, (int) clob.length());
        }
        if (type == null) {
            return generic(v);
        }
        return switch (type) {
            case INTEGER -> v instanceof Number n ? (Object) n.longValue() : generic(v);
            case FLOAT, NUMERIC -> v instanceof Number n ? (Object) n.doubleValue() : generic(v);
            case STRING, TEXT -> v.toString();
            case BOOLEAN -> v instanceof Number n ? (Object) (n.longValue() != 0) : generic(v);
            case DATE -> date(v);
            case DATETIME -> datetime(v);
        };
    }

    private static Object generic(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte || v instanceof Long) {
            return ((Number) v).longValue();
        } else if (v instanceof BigDecimal bd) {
            return bd.scale() <= 0 && bd.precision() - bd.scale() < 19 ? (Object) bd.longValueExact() : (Object) bd.doubleValue();
        } else if (v instanceof Number n) {
            return n.doubleValue();
        } else if (v instanceof Boolean || v instanceof String) {
            return v;
        } else if (v instanceof Date d) {
            return d.toLocalDate().toString();
        } else if (v instanceof Timestamp ts) {
            return pythonDatetime(ts.toLocalDateTime());
        } else if (v instanceof LocalDate d) {
            return d.toString();
        } else if (v instanceof LocalDateTime dt) {
            return pythonDatetime(dt);
        }
        return v.toString();
    }

    private static Object date(Object v) {
        if (v instanceof Date d) {
            return d.toLocalDate().toString();
        } else if (v instanceof LocalDate d) {
            return d.toString();
        } else if (v instanceof Timestamp ts) {
            return ts.toLocalDateTime().toLocalDate().toString();
        }
        LocalDate d = parseDate(v.toString());
        return d == null ? v.toString() : d.toString();
    }

    private static Object datetime(Object v) {
        if (v instanceof Timestamp ts) {
            return pythonDatetime(ts.toLocalDateTime());
        } else if (v instanceof LocalDateTime dt) {
            return pythonDatetime(dt);
        } else if (v instanceof OffsetDateTime odt) {
            return pythonDatetime(odt.toLocalDateTime());
        }
        LocalDateTime dt = parseDatetime(v.toString());
        return dt == null ? v.toString() : pythonDatetime(dt);
    }

    /** Python's {@code str(datetime)}: microseconds only when not zero. */
    public static String pythonDatetime(LocalDateTime dt) {
        String base = String.format("%04d-%02d-%02d %02d:%02d:%02d", dt.getYear(), dt.getMonthValue(), dt.getDayOfMonth(),
                dt.getHour(), dt.getMinute(), dt.getSecond());
        int micros = dt.getNano() / 1000;
        return micros == 0 ? base : base + String.format(".%06d", micros);
    }

    /** An ISO date, or null. */
    public static LocalDate parseDate(String s) {
        try {
            return LocalDate.parse(s.trim().length() > 10 ? s.trim().substring(0, 10) : s.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An ISO date-time with {@code T} or a space, optional fraction; a bare date is midnight; or null. */
    public static LocalDateTime parseDatetime(String s) {
        String t = s.trim().replace(' ', 'T');
        try {
            return LocalDateTime.parse(t);
        } catch (DateTimeParseException e) {
            LocalDate d = t.length() == 10 ? parseDate(t) : null;
            return d == null ? null : d.atTime(LocalTime.MIDNIGHT);
        }
    }

    /**
     * A model value as the JDBC value stored for a column of this type, as SQLAlchemy would store it:
     * on SQLite booleans as 1/0, dates as {@code YYYY-MM-DD}, date-times as {@code YYYY-MM-DD HH:MM:SS.ffffff};
     * on H2 as the column's own type.
     */
    public static Object toDatabase(Object v, ColumnType type, Engine engine) {
        if (v == null || type == null) {
            return v;
        }
        switch (type) {
            case BOOLEAN:
                if (v instanceof Boolean b && engine == Engine.SQLITE) {
                    return b ? 1L : 0L;
                }
                return v;
            case DATE: {
                LocalDate d = v instanceof String s ? parseDate(s) : null;
                if (d == null) {
                    return v;
                }
                return engine == Engine.SQLITE ? d.toString() : d;
            }
            case DATETIME: {
                LocalDateTime dt = v instanceof String s ? parseDatetime(s) : null;
                if (dt == null) {
                    return v;
                }
                return engine == Engine.SQLITE ? SQLITE_DATETIME.format(dt) : dt;
            }
            default:
                return v;
        }
    }
}
