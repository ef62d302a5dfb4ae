package dev.cascadeviz.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The command line's standard output: a {@link PrintWriter} in UTF-8 that flushes on each line,
 * and that writes a large text ({@link #writeBlock}) to its stream as one block of bytes, after
 * what was printed before it.
 */
final class Utf8Output extends PrintWriter {

    private final OutputStream stream;

    Utf8Output(OutputStream stream) {
        super(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
        this.stream = stream;
    }

    /**
     * Writes the text as {@link #write(String)} would, in one piece: the benchmark's 6.4 MB
     * trace went through the writer's encoder in 8 KB pieces, each a write of its own, about
     * 30 ms at the end of the run; encoded at once and written at once it takes a few.
     */
    void writeBlock(String text) {
        flush();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            stream.write(bytes, 0, bytes.length);
            stream.flush();
        } catch (IOException e) {
            setError(); // as the writer does: a failed write is an error state, not an exception
        }
    }
}
