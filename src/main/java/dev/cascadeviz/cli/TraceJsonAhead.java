package dev.cascadeviz.cli;

import com.google.common.util.concurrent.Uninterruptibles;
import dev.cascadeviz.model.Release;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceJson;
import dev.cascadeviz.trace.TraceJsonWriter;
import dev.cascadeviz.trace.TraceStatement;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * A trace's JSON written on a thread of its own while the simulator runs: told of each statement
 * as the simulator records it ({@link #accept}, in batches), it writes the start of the trace and
 * the statements into memory, on the core the simulator leaves free; once the run has ended,
 * {@link #finish} adds the rest and writes the whole to the output. The benchmark's 4,688
 * statements are some 6 MB of JSON, about 60 ms of writing that the trace command otherwise did
 * after the run.
 *
 * <p>The text is the same as {@link TraceJson#write}'s: one writer makes both, and what was written
 * ahead is used only when the trace's statements are exactly those told, in order, and its release
 * that of the start; else (a run that ended in a failure outside its steps, whose trace has no
 * statements) the trace is written anew.
 */
final class TraceJsonAhead implements Consumer<TraceStatement>, AutoCloseable {

    /**
     * The parameter sets handed to the writing thread at once, at least: one wake-up of it per batch,
     * not per statement. An executemany of many rows goes at once (the benchmark's flush sends its
     * 37,449 rows' DELETEs in six statements at the end of the run, half of the JSON).
     */
    static final int BATCH = 64;
    private static final List<TraceStatement> END = List.of();

    private final Release release;
    private final LinkedBlockingQueue<List<TraceStatement>> queue = new LinkedBlockingQueue<>();
    private final StringWriter text = new StringWriter(1 << 16);
    /** The statements written, in order; read by {@link #finish} once the thread has ended. */
    private final List<TraceStatement> written = new ArrayList<>();
    private final Thread thread;
    /** The statements told and not yet handed over (the simulator's thread only, then {@link #finish}). */
    private List<TraceStatement> batch = new ArrayList<>();
    /** The parameter sets in {@link #batch}. */
    private int batchSets;
    private TraceJsonWriter json;
    private Throwable failure;
    /** Set once the writing thread has been told to end (by {@link #finish} or {@link #close}). */
    private boolean ended;

    /** Starts the writing thread for a trace of {@code release}. */
    TraceJsonAhead(Release release) {
        this.release = release;
        thread = new Thread(this::write, "cascadeviz-trace-json");
        thread.setDaemon(true);
        thread.start();
    }

    /** Called by the simulator for each statement it records, in order. */
    @Override
    public void accept(TraceStatement statement) {
        batch.add(statement);
        batchSets += Math.max(1, statement.paramSets().size());
        if (batchSets >= BATCH) {
            queue.add(batch);
            batch = new ArrayList<>();
            batchSets = 0;
        }
    }

    private void write() {
        try {
            json = TraceJsonWriter.start(text, release);
            while (true) {
                List<TraceStatement> next = queue.take();
                if (next == END) {
                    return;
                }
                for (TraceStatement s : next) {
                    json.statement(s);
                    written.add(s);
                }
            }
        } catch (Throwable t) { // nothing written ahead is used: finish writes the trace anew
            failure = t;
        }
    }

    /**
     * Writes the trace's JSON to out (neither flushed nor closed), as {@link TraceJson#write} does:
     * what was written ahead and the rest the first time, the whole anew if called again.
     */
    void finish(Trace trace, Writer out) throws IOException {
        boolean first = !ended;
        end();
        if (first && failure == null && Objects.equals(release, trace.release()) && same(written, trace.statements())) {
            json.finish(trace);
            if (out instanceof Utf8Output stdout) {
                stdout.writeBlock(text.toString());
            } else {
                out.write(text.toString());
            }
        } else {
            TraceJson.write(trace, out);
        }
    }

    /** Ends the writing thread when {@link #finish} did not (the trace was not written). */
    @Override
    public void close() {
        end();
    }

    /** Hands over the last batch and waits for the writing thread to end. */
    private void end() {
        if (ended) {
            return;
        }
        ended = true;
        if (!batch.isEmpty()) {
            queue.add(batch);
        }
        queue.add(END);
        Uninterruptibles.joinUninterruptibly(thread);
    }

    /** The same statements, each the very object, in the same order. */
    private static boolean same(List<TraceStatement> a, List<TraceStatement> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }
}
