package dev.cascadeviz.scenario;

import dev.cascadeviz.model.Scenario;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Loads and saves scenario files (docs/scenario-format.md). */
public final class ScenarioFiles {

    /** Writes the text of a scenario to a writer; the seam that tests use to fail a save midway. */
    @FunctionalInterface
    interface TextWriter {
        void write(String text, Writer out) throws IOException;
    }

    private ScenarioFiles() {
    }

    /** Reads a YAML or JSON scenario file; problems name the file as given. */
    public static Scenario load(Path file) throws ScenarioException {
        return parse(text(file), file.toString());
    }

    /**
     * The file's text, strictly UTF-8. {@code Files.readString} refuses malformed input as a
     * decoder set to REPORT does, and makes ASCII text (most scenario files) into a string in
     * one copy of the bytes; a decoder went through a char buffer and a second copy (some 20 ms
     * of the 1.7 MB benchmark file's reading in the command line's cold JVM).
     */
    private static String text(Path file) throws ScenarioException {
        String name = file.toString();
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new ScenarioException(List.of(new Problem(name, 1, 1, "the file is not UTF-8 text")));
        } catch (IOException e) {
            throw new ScenarioException(List.of(new Problem(name, 1, 1, "cannot read the file: " + describe(e))));
        }
    }

    /** Reads scenario text; JSON when fileName ends in .json or the text starts with '{'. */
    public static Scenario parse(String text, String fileName) throws ScenarioException {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return ScenarioReader.read(text, fileName);
    }

    /** The scenario as YAML in the file format's readable style. */
    public static String toYaml(Scenario scenario) {
        StringWriter out = new StringWriter();
        try {
            ScenarioWriter.write(scenario, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /**
     * Saves atomically ({@link AtomicFiles}): the old file stays untouched if anything fails; a
     * symbolic link is followed; mode, owner and group are kept. A read-only file is refused with
     * {@link AtomicFiles.ReadOnlyFileException}; ask the user, then call
     * {@link #save(Scenario, Path, boolean)} with {@code true}.
     */
    public static void save(Scenario scenario, Path file) throws IOException {
        save(scenario, file, false);
    }

    /** Like {@link #save(Scenario, Path)}; {@code overwriteReadOnly} replaces a read-only file too. */
    public static void save(Scenario scenario, Path file, boolean overwriteReadOnly) throws IOException {
        save(scenario, file, (text, out) -> out.write(text), overwriteReadOnly);
    }

    static void save(Scenario scenario, Path file, TextWriter writer) throws IOException {
        save(scenario, file, writer, false);
    }

    private static void save(Scenario scenario, Path file, TextWriter writer, boolean overwriteReadOnly) throws IOException {
        String text = toYaml(scenario);
        AtomicFiles.write(file, out -> writer.write(text, out), overwriteReadOnly);
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
