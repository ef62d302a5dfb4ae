package dev.cascadeviz.app.pulse;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;

/**
 * Runs pieces of work on the JavaFX thread, one a pulse, while they are wanted: the window's
 * warm-ups ready views this way, so that no piece holds a repaint or a key back for long. It
 * stops when the pieces run out, when at a pulse they are no longer wanted (asked before each
 * piece), or when a piece fails; then the rest is dropped.
 */
public final class PulsePieces {

    private final BooleanSupplier wanted;
    private final Runnable onFailure;
    private final ArrayDeque<Runnable> pieces = new ArrayDeque<>();
    private final AnimationTimer stepper = new AnimationTimer() {
        @Override
        public void handle(long now) {
            next();
        }
    };

    /**
     * @param wanted asked before each piece: false stops the run
     * @param onFailure told when a piece threw (the rest is dropped)
     */
    public PulsePieces(BooleanSupplier wanted, Runnable onFailure) {
        this.wanted = wanted;
        this.onFailure = onFailure;
    }

    /** Runs these pieces, in order, from the next pulse on, after any still waiting. */
    public void start(List<Runnable> more) {
        pieces.addAll(more);
        stepper.start();
    }

    /** Puts these pieces before the ones waiting: a piece that finds more work to do. */
    public void runNext(List<Runnable> more) {
        for (int i = more.size() - 1; i >= 0; i--) {
            pieces.addFirst(more.get(i));
        }
    }

    /** Stops, dropping the pieces not run yet. */
    public void stop() {
        stepper.stop();
        pieces.clear();
    }

    private void next() {
        if (!wanted.getAsBoolean()) {
            stop();
            return;
        }
        Runnable piece = pieces.poll();
        if (piece == null) {
            stop();
            return;
        }
        try {
            piece.run();
        } catch (RuntimeException e) {
            stop(); // only a warm-up: what it could not do, the views do in their time
            onFailure.run();
        }
    }
}
