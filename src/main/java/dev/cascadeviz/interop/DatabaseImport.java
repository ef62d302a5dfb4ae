package dev.cascadeviz.interop;

import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.ForeignKey;
import dev.cascadeviz.model.ReferentialAction;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * Reads a database's schema through JDBC {@link DatabaseMetaData} (tables, columns, primary
 * keys, unique and plain single-column indexes, foreign keys with their rules), proposes the
 * mapping ({@link ProposedMapping}) and optionally takes the first rows of each table.
 * A SQLite file, an H2 file ({@code .mv.db}) or any JDBC URL whose driver is on the class path.
 */
public final class DatabaseImport {

    private final List<ImportNote> notes = new ArrayList<>();
    /** The database's own table names by the scenario's. */
    private final Map<String, String> dbNames = new LinkedHashMap<>();

    private DatabaseImport() {
    }

    /**
     * Imports a database; {@code rows} is how many rows of each table to take (0 for none).
     * Never throws: a database that cannot be opened gives a result with a problem.
     */
    public static ImportResult read(String urlOrFile, int rows) {
        String url;
        try {
            url = jdbcUrl(urlOrFile);
        } catch (IllegalArgumentException e) {
            return new ImportResult(null, List.of(), List.of(e.getMessage()));
        }
        DatabaseImport d = new DatabaseImport();
        Properties props = new Properties();
        if (url.startsWith("jdbc:sqlite:")) {
            // Opened read-only and never created: importing must not change or make the source.
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            props = config.toProperties();
        }
        try (Connection c = DriverManager.getConnection(url, props)) {
            try {
                c.setReadOnly(true); // only reads happen anyway; some drivers refuse this after connecting
            } catch (SQLException e) {
                // SQLite's driver wants it before connecting; nothing is written either way
            }
            Map<String, Table> tables = d.tables(c);
            Map<String, List<Map<String, Object>>> data = rows > 0 ? new RowSample(c, d.dbNames, d.notes).take(tables, rows) : Map.of();
            String title = "Imported from " + (urlOrFile.startsWith("jdbc:") ? c.getMetaData().getDatabaseProductName()
                    : Path.of(urlOrFile).getFileName());
            Scenario scenario = new Scenario(1, null, title, null, null, tables, Map.of(), data, List.of(), Map.of());
            scenario = ProposedMapping.propose(scenario, d.notes);
            return ImportChecks.checked(scenario, d.notes);
        } catch (SQLException e) {
            return new ImportResult(null, d.notes, List.of("cannot read the database " + urlOrFile + ": " + firstLine(e.getMessage())));
        }
    }

    /**
     * An H2 URL that opens only an existing database, for reading: H2 would otherwise create an
     * empty database file for a mistyped name (and may write to the one it opens). Settings of the
     * same name the user gave are replaced.
     */
    static String h2ReadOnly(String url) {
        StringBuilder out = new StringBuilder();
        String[] parts = url.split(";");
        out.append(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            String key = parts[i].split("=", 2)[0].trim().toUpperCase(Locale.ROOT);
            if (!key.isEmpty() && !key.equals("IFEXISTS") && !key.equals("ACCESS_MODE_DATA")) {
                out.append(';').append(parts[i]);
            }
        }
        return out.append(";IFEXISTS=TRUE;ACCESS_MODE_DATA=r").toString();
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.split("\n", 2)[0];
    }

    /** A JDBC URL as given, or one for a SQLite or H2 database file. */
    static String jdbcUrl(String urlOrFile) {
        if (urlOrFile.startsWith("jdbc:h2:") && !urlOrFile.startsWith("jdbc:h2:mem:")) {
            return h2ReadOnly(urlOrFile);
        }
        if (urlOrFile.startsWith("jdbc:")) {
            return urlOrFile;
        }
        Path p = Path.of(urlOrFile);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("no such database file: " + urlOrFile);
        }
        String name = p.getFileName().toString();
        if (name.endsWith(".mv.db")) {
            String base = p.toAbsolutePath().toString();
            return h2ReadOnly("jdbc:h2:file:" + base.substring(0, base.length() - ".mv.db".length()));
        }
        byte[] head = new byte[16];
        try (InputStream in = Files.newInputStream(p)) {
            int n = in.readNBytes(head, 0, 16);
            if (n == 16 && new String(head, 0, 15, StandardCharsets.US_ASCII).equals("SQLite format 3")) {
                return "jdbc:sqlite:" + p.toAbsolutePath();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + urlOrFile + ": " + e.getMessage());
        }
        throw new IllegalArgumentException(urlOrFile + " is neither a SQLite database nor an H2 database (.mv.db) file");
    }

    private Map<String, Table> tables(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        boolean h2 = md.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
        String schema = h2 ? "PUBLIC" : c.getSchema();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String t = rs.getString("TABLE_NAME");
                if (!t.startsWith("sqlite_")) {
                    names.add(t);
                }
            }
        }
        for (String t : names) {
            dbNames.put(name(t), t);
        }
        Map<String, Table> read = new LinkedHashMap<>();
        for (String t : names) {
            read.put(name(t), table(md, schema, t));
        }
        Map<String, Table> tables = parentsFirst(read);
        if (tables.isEmpty()) {
            notes.add(new ImportNote(0, "the database has no tables"));
        }
        return tables;
    }

    /** Tables with the ones they reference first (the database lists them by name); cycles in that order. */
    private static Map<String, Table> parentsFirst(Map<String, Table> tables) {
        Map<String, Table> out = new LinkedHashMap<>();
        while (out.size() < tables.size()) {
            Table next = null;
            for (Table t : tables.values()) {
                if (!out.containsKey(t.name()) && t.allForeignKeys().stream().allMatch(fk -> fk.referencedTable().equals(t.name())
                        || out.containsKey(fk.referencedTable()) || !tables.containsKey(fk.referencedTable()))) {
                    next = t;
                    break;
                }
            }
            if (next == null) {
                next = tables.values().stream().filter(t -> !out.containsKey(t.name())).findFirst().orElseThrow();
            }
            out.put(next.name(), next);
        }
        return out;
    }

    /** Upper-case names (H2's unquoted ones) in lower case, as SQLAlchemy code names them. */
    static String name(String dbName) {
        return dbName.equals(dbName.toUpperCase(Locale.ROOT)) ? dbName.toLowerCase(Locale.ROOT) : dbName;
    }

    private Table table(DatabaseMetaData md, String schema, String t) throws SQLException {
        Map<String, Integer> pk = new LinkedHashMap<>();
        try (ResultSet rs = md.getPrimaryKeys(null, schema, t)) {
            while (rs.next()) {
                pk.put(rs.getString("COLUMN_NAME"), rs.getInt("KEY_SEQ"));
            }
        }
        Map<String, Boolean> indexes = indexes(md, schema, t, pk.keySet());
        Map<String, Column> columns = new LinkedHashMap<>();
        try (ResultSet rs = md.getColumns(null, schema, t, "%")) {
            while (rs.next()) {
                String col = rs.getString("COLUMN_NAME");
                String typeName = String.valueOf(rs.getString("TYPE_NAME"));
                ColumnType type = type(rs.getInt("DATA_TYPE"), typeName);
                if (type == null) {
                    notes.add(new ImportNote(0, "column " + name(t) + "." + name(col) + ": type " + typeName
                            + " is not one a scenario has; imported as string"));
                    type = ColumnType.STRING;
                }
                int size = rs.getInt("COLUMN_SIZE");
                Integer length = type == ColumnType.STRING && size > 0 && size < 65536 ? size : null;
                boolean isPk = pk.containsKey(col);
                boolean nullable = rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls && !isPk;
                Boolean unique = indexes.get(col); // null: no index; false: a plain index (index=True)
                columns.put(name(col), new Column(name(col), type, length, isPk, nullable, Boolean.TRUE.equals(unique) && !isPk,
                        Boolean.FALSE.equals(unique), null, null, null, null));
            }
        }
        Table table = new Table(name(t), columns, List.of());
        return foreignKeys(md, schema, t, table);
    }

    /** Single-column indexes (not on the primary key): column to unique. */
    private Map<String, Boolean> indexes(DatabaseMetaData md, String schema, String t, Set<String> pk) {
        Map<String, List<String>> byIndex = new LinkedHashMap<>();
        Map<String, Boolean> unique = new LinkedHashMap<>();
        try (ResultSet rs = md.getIndexInfo(null, schema, t, false, false)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                String col = rs.getString("COLUMN_NAME");
                if (index == null || col == null) {
                    continue;
                }
                byIndex.computeIfAbsent(index, k -> new ArrayList<>()).add(col);
                unique.put(index, !rs.getBoolean("NON_UNIQUE"));
            }
        } catch (SQLException e) {
            notes.add(new ImportNote(0, "table " + name(t) + ": indexes not read (" + firstLine(e.getMessage()) + ")"));
        }
        Map<String, Boolean> out = new LinkedHashMap<>();
        byIndex.forEach((index, cols) -> {
            if (cols.size() == 1 && !(pk.size() == 1 && pk.contains(cols.get(0)))) {
                out.merge(cols.get(0), unique.get(index), Boolean::logicalOr);
            }
        });
        return out;
    }

    private Table foreignKeys(DatabaseMetaData md, String schema, String t, Table table) throws SQLException {
        record Part(String key, String column, String refTable, String refColumn, int seq, ReferentialAction del,
                    ReferentialAction upd) {
        }
        List<Part> parts = new ArrayList<>();
        try (ResultSet rs = md.getImportedKeys(null, schema, t)) {
            while (rs.next()) {
                String fkName = rs.getString("FK_NAME");
                String refTable = rs.getString("PKTABLE_NAME");
                parts.add(new Part(fkName == null || fkName.isEmpty() ? null : fkName, rs.getString("FKCOLUMN_NAME"),
                        refTable, rs.getString("PKCOLUMN_NAME"), rs.getInt("KEY_SEQ"),
                        rule(rs.getShort("DELETE_RULE")), rule(rs.getShort("UPDATE_RULE"))));
            }
        }
        Map<String, List<Part>> groups = new LinkedHashMap<>();
        int anonymous = 0;
        Part previous = null;
        for (Part p : parts) {
            String key;
            if (p.key() != null) {
                key = p.refTable() + "/" + p.key();
            } else {
                if (previous == null || p.seq() <= previous.seq() || !p.refTable().equals(previous.refTable())) {
                    anonymous++;
                }
                key = p.refTable() + "/#" + anonymous;
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
            previous = p;
        }
        List<ForeignKey> composite = new ArrayList<>();
        for (List<Part> g : groups.values()) {
            g.sort((a, b) -> Integer.compare(a.seq(), b.seq()));
            Part first = g.get(0);
            String refTable = name(first.refTable());
            if (g.size() == 1) {
                Column c = table.column(name(first.column()));
                if (c == null) {
                    continue;
                }
                if (c.foreignKey() != null) {
                    notes.add(new ImportNote(0, "column " + table.name() + "." + c.name()
                            + ": a second foreign key on the column was left out"));
                    continue;
                }
                table = table.withColumn(c.withForeignKey(refTable + "." + name(first.refColumn()))
                        .withOndelete(first.del()).withOnupdate(first.upd()));
            } else {
                composite.add(new ForeignKey(g.stream().map(p -> name(p.column())).toList(), refTable,
                        g.stream().map(p -> name(p.refColumn())).toList(), first.del(), first.upd()));
            }
        }
        return table.withCompositeForeignKeys(composite);
    }

    /** A JDBC rule as the scenario's; NO ACTION (the default every database reports) as none. */
    private static ReferentialAction rule(short r) {
        return switch (r) {
            case DatabaseMetaData.importedKeyCascade -> ReferentialAction.CASCADE;
            case DatabaseMetaData.importedKeySetNull -> ReferentialAction.SET_NULL;
            case DatabaseMetaData.importedKeySetDefault -> ReferentialAction.SET_DEFAULT;
            case DatabaseMetaData.importedKeyRestrict -> ReferentialAction.RESTRICT;
            default -> null;
        };
    }

    /** The scenario type of a column: from the declared name first (SQLite keeps it), then the JDBC type. */
    static ColumnType type(int jdbc, String typeName) {
        String n = typeName.toUpperCase(Locale.ROOT);
        if (n.contains("INT")) {
            return ColumnType.INTEGER;
        }
        if (n.contains("CHAR")) {
            return ColumnType.STRING;
        }
        if (n.contains("TEXT") || n.contains("CLOB")) {
            return ColumnType.TEXT;
        }
        if (n.contains("BOOL")) {
            return ColumnType.BOOLEAN;
        }
        if (n.contains("DATETIME") || n.contains("TIMESTAMP")) {
            return ColumnType.DATETIME;
        }
        if (n.equals("DATE")) {
            return ColumnType.DATE;
        }
        if (n.contains("REAL") || n.contains("FLOA") || n.contains("DOUB")) {
            return ColumnType.FLOAT;
        }
        if (n.contains("NUMERIC") || n.contains("DECIMAL") || n.contains("DECFLOAT")) {
            return ColumnType.NUMERIC;
        }
        return switch (jdbc) {
            case Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.TINYINT -> ColumnType.INTEGER;
            case Types.VARCHAR, Types.CHAR, Types.NVARCHAR, Types.NCHAR -> ColumnType.STRING;
            case Types.CLOB, Types.LONGVARCHAR, Types.LONGNVARCHAR -> ColumnType.TEXT;
            case Types.BOOLEAN, Types.BIT -> ColumnType.BOOLEAN;
            case Types.FLOAT, Types.DOUBLE, Types.REAL -> ColumnType.FLOAT;
            case Types.NUMERIC, Types.DECIMAL -> ColumnType.NUMERIC;
            case Types.DATE -> ColumnType.DATE;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> ColumnType.DATETIME;
            default -> null;
        };
    }
}
