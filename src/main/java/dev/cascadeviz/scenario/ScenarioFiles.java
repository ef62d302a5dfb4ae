package dev.cascadeviz.scenario;

import dev.cascadeviz.model.Scenario;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ScenarioException(List.of(new Problem(name, 1, 1, "cannot read the file: " + describe(e))));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ScenarioException(List.of(new Problem(name, 1, 1, "the file is not UTF-8 text")));
        }
        return parse(text, name);
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
     * Saves atomically: the YAML goes to a temporary file beside the target, which then replaces
     * it. If anything fails, the old file is untouched and the temporary file is gone.
     */
    public static void save(Scenario scenario, Path file) throws IOException {
        save(scenario, file, (text, out) -> out.write(text));
    }

    static void save(Scenario scenario, Path file, TextWriter writer) throws IOException {
        String text = toYaml(scenario);
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                writer.write(text, out);
            }
            try (var channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
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
