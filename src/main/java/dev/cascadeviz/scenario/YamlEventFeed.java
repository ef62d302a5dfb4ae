package dev.cascadeviz.scenario;

import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * The events of SnakeYAML Engine's parser, read by {@link TreeReader} one at a time. A large
 * file's events are parsed on a thread of their own and handed over in batches, so that the
 * parser (most of the time it takes to read the 1.7 MB benchmark file) and the building of the
 * tree run on two cores at once; a small file's are taken straight from the parser.
 *
 * <p>Either way the reader sees the same events in the same order, and an exception the parser
 * throws reaches the reader at the event where it was thrown, as the parser's own {@code next()}
 * would throw it there. The parser thread reads ahead (at most {@link #QUEUED} batches) and stops
 * at the end of the stream, at its first exception, or when the reader {@link #close}s the feed.
 */
abstract class YamlEventFeed implements AutoCloseable {

    /** Files of at least this many characters are parsed on a thread of their own. */
    static final int THREAD_FROM_CHARS = 256 * 1024;
    static final int BATCH = 1024;
    static final int QUEUED = 16;

    /** The next event; the parser's exception when it threw one at this point. */
    abstract Event next();

    /** The next event without taking it. */
    abstract Event peek();

    @Override
    public void close() {
    }

    /** The parser's events: on a thread of their own when {@code threaded}. */
    static YamlEventFeed of(Parser parser, boolean threaded) {
        return threaded ? new Threaded(parser) : new Direct(parser);
    }

    /** Straight from the parser. */
    private static final class Direct extends YamlEventFeed {
        private final Parser parser;

        Direct(Parser parser) {
            this.parser = parser;
        }

        @Override
        Event next() {
            return parser.next();
        }

        @Override
        Event peek() {
            return parser.peekEvent();
        }
    }

    /**
     * A batch of events; {@code failure}, when set, is thrown once its events are taken; after the
     * {@code last} batch the parser thread has stopped.
     */
    private record Batch(Event[] events, int size, Throwable failure, boolean last) {
    }

    /** From a parser thread, in batches. */
    private static final class Threaded extends YamlEventFeed {
        private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED);
        private final Thread thread;
        private volatile boolean closed;
        private Batch current = new Batch(new Event[0], 0, null, false);
        private int index;

        Threaded(Parser parser) {
            thread = new Thread(() -> produce(parser), "cascadeviz-yaml-parser");
            thread.setDaemon(true);
            thread.start();
        }

        private void produce(Parser parser) {
            Event[] events = new Event[BATCH];
            int n = 0;
            try {
                while (!closed) {
                    Event e = parser.next();
                    events[n++] = e;
                    boolean end = e.getEventId() == Event.ID.StreamEnd;
                    if (n == BATCH || end) {
                        hand(new Batch(events, n, null, end));
                        events = new Event[BATCH];
                        n = 0;
                    }
                    if (end) {
                        return;
                    }
                }
            } catch (Throwable t) { // the reader gets whatever the parser threw, where it threw it
                hand(new Batch(events, n, t, true));
            }
        }

        /** Queues a batch, waiting for room; gives up once the reader has closed the feed. */
        private void hand(Batch batch) {
            try {
                while (!closed) {
                    if (queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void fill() {
            while (index == current.size()) {
                Throwable t = current.failure();
                if (t instanceof RuntimeException r) {
                    throw r;
                } else if (t instanceof Error e) {
                    throw e;
                } else if (t != null) {
                    throw new IllegalStateException(t);
                } else if (current.last()) {
                    throw new NoSuchElementException("no more events: the stream has ended");
                }
                try {
                    current = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while reading the file", e);
                }
                index = 0;
            }
        }

        @Override
        Event next() {
            fill();
            return current.events()[index++];
        }

        @Override
        Event peek() {
            fill();
            return current.events()[index];
        }

        @Override
        public void close() {
            closed = true;
            queue.clear();
        }
    }
}
