package dev.cascadeviz.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** The benchmarks' way to run a piece on the JavaFX thread and wait for it. */
final class OnFx {

    private OnFx() {
    }

    /** Runs {@code r} on the JavaFX thread; returns when it has run, or after five minutes. */
    static void run(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        done.await(300, TimeUnit.SECONDS);
    }
}
