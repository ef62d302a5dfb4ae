package dev.cascadeviz.layout;

import dev.cascadeviz.threads.BackgroundThreads;
import java.util.List;

/**
 * Lays out a two-box diagram on a background thread, so that ELK's classes are loaded (its
 * signed jars verified, its metadata service started) and its code warmed before the window
 * lays out its first scenario: cold, the first layout took seconds (the window works layouts
 * out on a worker thread of its own, so this shortens how long the first graph waits unseen).
 * A class of its own, so that calling it does not initialise {@link LayeredLayout} on the
 * calling thread.
 */
public final class LayoutWarmUp {

    private LayoutWarmUp() {
    }

    public static void inBackground() {
        BackgroundThreads.named("cascadeviz-layout-warmup").newThread(() -> {
            try {
                LayeredLayout.compute(new Diagram(List.of(new Diagram.Box("a", 120, 80), new Diagram.Box("b", 120, 80)),
                        List.of(new Diagram.Link("a-b", "a", "b", true, 40, 14))));
            } catch (RuntimeException | LinkageError e) {
                // only a warm-up: the real layout reports its own problems
            }
        }).start();
    }
}
