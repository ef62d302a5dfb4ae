package dev.cascadeviz.scenario;

import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.scanner.Scanner;
import org.snakeyaml.engine.v2.tokens.Token;

/**
 * The tokens of SnakeYAML Engine's scanner, handed to its parser ({@code ParserImpl}, which
 * takes any {@link Scanner}) from a thread of their own: a large file is scanned on one core
 * while the parser and {@link TreeReader} build the tree on the other. The scanner is most of
 * the work (about 70% of SnakeYAML's time on the 1.7 MB benchmark file); when the parser ran on
 * the thread instead, handing over events, the scanner and parser together held the reader up and
 * the reader's core stood idle about four fifths of the time.
 *
 * <p>The parser sees the same tokens in the same order as from the scanner itself, and an
 * exception the scanner throws reaches the parser at the token where it was thrown: the scanner
 * thread asks for one token at a time, as the parser does ({@code peekToken()}, then
 * {@code next()}), so it meets a fault at the same token, and hands over every token before it
 * first. The thread reads ahead (at most {@link #QUEUED} batches) and stops at the end of the
 * stream, at its first exception, or when the reader {@link #close}s the feed.
 */
final class YamlTokenFeed implements Scanner, AutoCloseable {

    /** Files of at least this many characters are scanned on a thread of their own. */
    static final int THREAD_FROM_CHARS = 256 * 1024;
    static final int BATCH = 2048;
    static final int QUEUED = 16;
    static final String THREAD_NAME = "cascadeviz-yaml-scanner";

    /**
     * A batch of tokens; {@code failure}, when set, is thrown once its tokens are taken; after the
     * {@code last} batch the scanner thread has stopped.
     */
    private record Batch(Token[] tokens, int size, Throwable failure, boolean last) {
    }

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED);
    private volatile boolean closed;
    private Batch current = new Batch(new Token[0], 0, null, false);
    private int index;

    /**
     * Scans {@code text} on a new thread. Only for settings without a code-point limit: the
     * scanner counts a document's code points against it, and the parser's
     * {@link #resetDocumentIndex} (which SnakeYAML's own parser does not call) could not reach that
     * count on the other thread in step.
     */
    YamlTokenFeed(LoadSettings settings, String text) {
        if (settings.getCodePointLimit() != Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a threaded scanner needs settings without a code-point limit");
        }
        Thread thread = new Thread(() -> produce(TreeReader.scanner(settings, text)), THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    private void produce(Scanner scanner) {
        Token[] tokens = new Token[BATCH];
        int n = 0;
        try {
            while (!closed) {
                // peekToken scans as far as checkToken() does, without the empty array that varargs call makes per token
                Token t = scanner.peekToken();
                tokens[n++] = scanner.next();
                if (t.getTokenId() == Token.ID.StreamEnd) { // the scanner's last token
                    hand(new Batch(tokens, n, null, true));
                    return;
                }
                if (n == BATCH) {
                    hand(new Batch(tokens, n, null, false));
                    tokens = new Token[BATCH];
                    n = 0;
                }
            }
        } catch (Throwable t) { // the parser gets whatever the scanner threw, where it threw it
            hand(new Batch(tokens, n, t, true));
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

    /** The next token without taking it; null past the stream's end; the scanner's exception at its token. */
    private Token head() {
        while (index == current.size()) {
            Throwable t = current.failure();
            if (t instanceof RuntimeException r) {
                throw r;
            } else if (t instanceof Error e) {
                throw e;
            } else if (t != null) {
                throw new IllegalStateException(t);
            } else if (current.last()) {
                return null;
            }
            try {
                current = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the file", e);
            }
            index = 0;
        }
        return current.tokens()[index];
    }

    /** As the scanner's own: whether a token is next (none given) or the next is one of {@code choices}. */
    @Override
    public boolean checkToken(Token.ID... choices) {
        Token t = head();
        if (t == null) {
            return false;
        }
        if (choices.length == 0) {
            return true;
        }
        Token.ID id = t.getTokenId();
        for (Token.ID choice : choices) {
            if (id == choice) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean checkToken(Token.ID choice) {
        Token t = head();
        return t != null && t.getTokenId() == choice;
    }

    @Override
    public Token peekToken() {
        Token t = head();
        if (t == null) {
            throw new IndexOutOfBoundsException("no more tokens: the stream has ended");
        }
        return t;
    }

    @Override
    public boolean hasNext() {
        return head() != null;
    }

    @Override
    public Token next() {
        Token t = head();
        if (t == null) {
            throw new NoSuchElementException("No more Tokens found.");
        }
        index++;
        return t;
    }

    /** Nothing to do: the settings have no code-point limit (see the constructor). */
    @Override
    public void resetDocumentIndex() {
    }

    /** Stops the scanner thread (at its next token or batch) and lets go of what it queued. */
    @Override
    public void close() {
        closed = true;
        queue.clear();
    }
}
