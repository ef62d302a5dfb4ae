package dev.cascadeviz.interop;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Entry points for importing from files: a models module, or a database file or JDBC URL. */
public final class Imports {

    private Imports() {
    }

    /** Reads a Python models module; an unreadable or non-UTF-8 file gives a result with a problem. */
    public static ImportResult models(Path file) {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new ImportResult(null, List.of(), List.of(file + " is not UTF-8 text"));
        } catch (IOException e) {
            return new ImportResult(null, List.of(), List.of("cannot read " + file + ": " + e.getMessage()));
        }
        return ModelsImport.read(text, file.getFileName().toString());
    }

    /** Reads a database (see {@link DatabaseImport#read}). */
    public static ImportResult database(String urlOrFile, int rows) {
        return DatabaseImport.read(urlOrFile, rows);
    }

    /** True for a file the importer reads as a database rather than as Python. */
    public static boolean looksLikeDatabase(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".mv.db") || name.endsWith(".db") || name.endsWith(".sqlite") || name.endsWith(".sqlite3");
    }
}
