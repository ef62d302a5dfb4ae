package dev.cascadeviz.bench;

import dev.cascadeviz.app.AppServices;
import dev.cascadeviz.app.MainWindow;
import dev.cascadeviz.app.library.RecentFiles;
import dev.cascadeviz.app.library.ScenarioLibrary;
import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.scenario.ScenarioFiles;
import dev.cascadeviz.workbench.ScenarioRunner;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;

/**
 * Benchmark of issue 13's "big runs": the main window on a large scenario (the 37,449-row chain),
 * measuring how long the JavaFX thread stops answering while the window opens the file, runs it,
 * steps through statements and scrolls the tables. A probe thread posts a task to the JavaFX
 * thread every 5 ms and records how late each one runs: the longest delay in a phase is the
 * longest the window could not repaint. On a loaded machine much of a stall is the JavaFX thread
 * waiting for a core, so the CPU time that thread and the render thread spent within the stall is
 * printed beside it. Also: the run's time in the window against the same
 * run without a window (what {@code trace} does), Previous/Next latency, the peak heap and the heap
 * kept once the results are shown.
 * "Shown" means the run finished, the tables pane shows its result (not "working it out…") and
 * the SQL log is whole (not "writing…").
 * Not a test (it measures, it does not assert); run it with conformance/bench-window-run.sh.
 */
public final class WindowRunBenchmark {

    private static final AtomicLong worstNanos = new AtomicLong();
    /**
     * The most CPU time the JavaFX thread and the render thread spent between a probe's post and
     * its run: the stall without the time those threads waited for a core.
     */
    private static final AtomicLong worstCpuNanos = new AtomicLong();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final List<Long> stalls = Collections.synchronizedList(new ArrayList<>());
    /** Each stall over 100 ms of the phase (or with over 50 ms of CPU in it): when it began (ms after the phase began, wall clock), how long, the CPU within it. */
    private static final List<String> longStalls = Collections.synchronizedList(new ArrayList<>());
    private static volatile long phaseStart = System.nanoTime();
    private static volatile boolean probing = true;

    private WindowRunBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "/tmp/chain.yaml");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        OnFx.run(() -> fxThread = Thread.currentThread());
        FxRunQueue.find();
        renderThread = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                .findFirst().orElse(null);
        Thread probe = new Thread(WindowRunBenchmark::probe, "fx-stall-probe");
        probe.setDaemon(true);
        probe.start();
        if (Boolean.getBoolean("bench.cpuPlaces")) { // BENCH_JVM_OPTS=-Dbench.cpuPlaces=true: where the JavaFX thread's CPU went
            Thread sampler = new Thread(WindowRunBenchmark::sampleCpu, "fx-cpu-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        Scenario scenario = ScenarioFiles.load(file);
        long t0 = System.nanoTime();
        var trace = AppServices.runner().run(scenario, scenario.database().engine());
        long traceNanos = System.nanoTime() - t0;
        System.out.printf(Locale.ROOT, "file %s: %d statements; run without a window (as trace): %.0f ms%n", file,
                trace.statements().size(), traceNanos / 1e6);
        // -Dbench.replayRun=true: the window's runs hand back this trace after as long as this run took,
        // with no work in this JVM: what moving the run out of the window's JVM could gain at most
        var replayed = Boolean.getBoolean("bench.replayRun") ? trace : null; // not kept live otherwise
        var runner = replayed != null ? (ScenarioRunner) (sc, engine) -> {
            if (sc.rows().equals(scenario.rows()) && sc.steps().equals(scenario.steps())) {
                Thread.sleep(traceNanos / 1_000_000L);
                return replayed;
            }
            return AppServices.runner().run(sc, engine);
        } : AppServices.runner();
        trace = null;

        AtomicReference<MainWindow> window = new AtomicReference<>();
        AtomicReference<WorkspaceModel> model = new AtomicReference<>();
        OnFx.run(() -> {
            Stage stage = new Stage();
            MainWindow.applyTheme(false);
            WorkspaceModel m = new WorkspaceModel(AppServices.files(), runner);
            model.set(m);
            window.set(new MainWindow(stage, m, ScenarioLibrary.load(),
                    new RecentFiles(Preferences.userRoot().node("dev/cascadeviz/bench"))));
            stage.show();
        });
        WorkspaceModel m = model.get();
        if (Boolean.getBoolean("bench.cold")) {
            // the empty window's own time: its first frame drawn, then what it does while it waits
            // (it readies the views' code off screen, EmptyWindowWarmUp), reported as a phase of its own
            OnFx.run(() -> { });
            OnFx.run(() -> { });
            phase("empty window (after its first frame)");
            quiet();
            settle(1500);
            report("");
        } else {
            quiet();
        }
        if (!Boolean.getBoolean("bench.cold")) {
            // As the application does when started without a file: the library's default scenario is
            // shown, then the user opens the big file (BENCH_JVM_OPTS=-Dbench.cold=true: straight from an empty window)
            OnFx.run(() -> {
                window.get().setLibrary(ScenarioLibrary.load());
                window.get().openDefault();
            });
            await(() -> m.getTrace() != null && !m.isRunning(), 60);
            settle(IDLE_MS);
            quiet();
        }

        phase("open (read, first run, show)");
        long open0 = System.nanoTime();
        OnFx.run(() -> window.get().open(file));
        await(() -> m.getTrace() != null && !m.isRunning() && tablesShown(window.get()), 300);
        long openNanos = System.nanoTime() - open0;
        settle(1500);
        report(String.format(Locale.ROOT, "results shown %.0f ms after open", openNanos / 1e6));

        phase("re-run (F5)");
        long run0 = System.nanoTime();
        OnFx.run(m::run);
        await(() -> m.getTrace() != null && !m.isRunning() && tablesShown(window.get()), 300);
        long runNanos = System.nanoTime() - run0;
        settle(1500);
        report(String.format(Locale.ROOT, "results shown %.0f ms after F5 (%.2f× the run without a window)",
                runNanos / 1e6, (double) runNanos / traceNanos));

        phase("step: Next ×10, Previous ×10");
        List<Long> steps = new ArrayList<>();
        StringBuilder workerCpu = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            boolean next = i < 10;
            long w0 = workersCpu();
            long f0 = THREADS.getThreadCpuTime(fxThread.getId());
            long s0 = System.nanoTime();
            OnFx.run(() -> {
                if (next) {
                    m.stepNext();
                } else {
                    m.stepPrevious();
                }
            });
            await(() -> tablesShown(window.get()), 60); // the tables show the step
            OnFx.run(() -> { }); // the pulse that shows it
            steps.add(System.nanoTime() - s0);
            workerCpu.append(String.format(Locale.ROOT, " %.0f/%.0f", (workersCpu() - w0) / 1e6,
                    (THREADS.getThreadCpuTime(fxThread.getId()) - f0) / 1e6));
            settle(150);
        }
        settle(1000);
        StringBuilder inOrder = new StringBuilder();
        for (long s : steps) {
            inOrder.append(inOrder.length() == 0 ? "" : " ").append(Math.round(s / 1e6));
        }
        System.out.println("    per step, CPU ms of the window's workers / of the JavaFX thread:" + workerCpu);
        steps.sort(null);
        report(String.format(Locale.ROOT, "step latency median %.0f ms, max %.0f ms (in order, ms: %s)", steps.get(steps.size() / 2) / 1e6,
                steps.get(steps.size() - 1) / 1e6, inOrder));

        phase("scroll the tables top to bottom and back");
        for (int i = 0; i <= 40; i++) {
            double v = i <= 20 ? i / 20.0 : (40 - i) / 20.0;
            OnFx.run(() -> {
                var root = window.get().scene().getRoot();
                ScrollPane sp = (ScrollPane) root.lookup("#tables-scroll");
                if (sp != null) {
                    sp.setVvalue(v);
                }
            });
            settle(30);
        }
        settle(500);
        report("");

        probing = false;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "peak heap (sum of the pools' peaks): %.0f MB; max heap %.0f MB%n", peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
        System.gc(); // last: what the window keeps for the file shown, the live data each collection during a run copies
        System.out.printf(Locale.ROOT, "heap kept with the results shown (after a full collection): %.0f MB%n",
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0);
        OnFx.run(m::shutdown);
        Platform.exit();
        System.exit(0);
    }

    private static String phase;
    /** How long the user looks at the default scenario before opening the big file (-Dbench.idleMs). */
    private static final long IDLE_MS = Long.getLong("bench.idleMs", 3000);

    /** The tables pane shows what was asked for (not "working it out…") and the SQL log is whole (not "writing…"). */
    private static boolean tablesShown(MainWindow w) {
        var state = (Label) w.scene().getRoot().lookup("#tables-state");
        var counts = (Label) w.scene().getRoot().lookup("#sql-counts");
        return state != null && !state.getText().contains("working") && counts != null && !counts.getText().contains("writing");
    }

    private static void phase(String name) {
        phase = name;
        worstNanos.set(0);
        worstCpuNanos.set(0);
        stalls.clear();
        longStalls.clear();
        stallPlaces.clear();
        cpuPlaces.clear();
        cpuSamples.clear();
        heavyWaits.clear();
        phaseThreads = ThreadCpu.now();
        phaseStart = System.nanoTime();
        phaseUptime = ManagementFactory.getRuntimeMXBean().getUptime();
    }

    private static volatile long phaseUptime;
    /** Each thread group's CPU when the phase began. */
    private static volatile Map<String, Long> phaseThreads = Map.of();

    private static void report(String extra) {
        long over = stalls.stream().filter(s -> s > 100_000_000L).count();
        System.out.printf(Locale.ROOT, "(phase began at JVM uptime %.3f s, as -Xlog:gc:...:uptime prints it)%n", phaseUptime / 1e3);
        System.out.printf(Locale.ROOT, "%-40s longest FX-thread stall %5.0f ms (at most %4.0f ms of it the FX and render threads' CPU),"
                + " stalls over 100 ms: %d%s%n", phase, worstNanos.get() / 1e6, worstCpuNanos.get() / 1e6, over,
                extra.isEmpty() ? "" : "; " + extra);
        System.out.printf(Locale.ROOT, "    CPU ms by thread in the phase (all of the JVM's, the collector's and compilers' too):%s%n",
                ThreadCpu.since(phaseThreads));
        synchronized (longStalls) {
            if (!longStalls.isEmpty()) {
                System.out.printf(Locale.ROOT, "    stalls over 100 ms or 50 ms CPU: %s%n", String.join(", ", longStalls));
            }
        }
        long total = cpuPlaces.values().stream().mapToLong(Long::longValue).sum();
        if (total > 0) {
            System.out.printf(Locale.ROOT, "    JavaFX thread CPU in the phase %.0f ms; most of it in:%s%n", total / 1e6,
                cpuPlaces.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(10)
                        .map(e -> String.format(Locale.ROOT, " %s %.0f ms", e.getKey(), e.getValue() / 1e6))
                        .reduce("", (a, b) -> a + ";" + b));
        }
        synchronized (heavyWaits) {
            for (long[] w : heavyWaits) {
                Map<String, Long> in = new HashMap<>();
                synchronized (cpuSamples) {
                    for (CpuSample c : cpuSamples) {
                        if (c.at() >= w[0] && c.at() <= w[1] + 3_000_000L) {
                            in.merge(c.place(), c.cpu(), Long::sum);
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "    a wait at %.2f s of %.0f ms, the JavaFX thread's CPU in it:%s%n", (w[0] - phaseStart) / 1e9,
                        (w[1] - w[0]) / 1e6, in.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(6)
                                .map(e -> String.format(Locale.ROOT, " %s %.0f ms", e.getKey(), e.getValue() / 1e6)).reduce("", (a, b) -> a + ";" + b));
            }
        }
        stallPlaces.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(6)
                .forEach(e -> System.out.printf(Locale.ROOT, "    during stalls, %3d × 50 ms in %s%n", e.getValue(), e.getKey()));
    }

    /** Posts a task every 5 ms and records how late it ran. */
    private static void probe() {
        while (probing) {
            long cpuAtPost = fxThread == null ? -1 : paintCpu();
            long queuedAtPost = FxRunQueue.waitedNanos();
            long gcAtPost = gcPauseMillis();
            CountDownLatch ran = new CountDownLatch(1);
            // the clock starts after the readings above, right before the task is posted: they read
            // /proc and the management beans, and a probe that waited for a core there once counted
            // 167 ms as a stall while the JavaFX thread sat idle (a JFR recording showed it waiting
            // for work all that time)
            long posted = System.nanoTime();
            Platform.runLater(() -> {
                long late = System.nanoTime() - posted;
                long cpu = cpuAtPost >= 0 ? paintCpu() - cpuAtPost : -1;
                if (cpu >= 0) {
                    worstCpuNanos.accumulateAndGet(cpu, Math::max);
                }
                if (cpu > 40_000_000L) {
                    heavyWaits.add(new long[] {posted, System.nanoTime()});
                }
                if (late > 100_000_000L || cpu > 50_000_000L) {
                    long queued = FxRunQueue.waitedNanos() - queuedAtPost;
                    longStalls.add(String.format(Locale.ROOT, "at %.2f s (%s) %.0f ms (CPU %.0f ms, collector's pauses %d ms, "
                            + "the JavaFX thread waiting for a core %s)", (posted - phaseStart) / 1e9,
                            LocalTime.now().minusNanos(late), late / 1e6, cpu / 1e6, gcPauseMillis() - gcAtPost,
                            queuedAtPost < 0 ? "?" : Math.round(queued / 1e6) + " ms"));
                }
                worstNanos.accumulateAndGet(late, Math::max);
                if (late > 50_000_000L) {
                    stalls.add(late);
                }
                ran.countDown();
            });
            try {
                while (!ran.await(50, TimeUnit.MILLISECONDS)) {
                    if (System.nanoTime() - posted > 100_000_000L) {
                        sampleFxThread();
                    }
                }
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The JavaFX thread's CPU time by where it was spent (sampled every 2 ms: the CPU since the last sample goes to the place seen now). */
    private static final Map<String, Long> cpuPlaces = new ConcurrentHashMap<>();

    private record CpuSample(long at, long cpu, String place) {
    }

    private static final List<CpuSample> cpuSamples = Collections.synchronizedList(new ArrayList<>());
    /** The probes whose wait held over 40 ms of the JavaFX thread's CPU: {posted, ran}. */
    private static final List<long[]> heavyWaits = Collections.synchronizedList(new ArrayList<>());

    private static void sampleCpu() {
        long last = -1;
        while (probing) {
            Thread fx = fxThread;
            if (fx != null) {
                long cpu = THREADS.getThreadCpuTime(fx.getId());
                if (last >= 0 && cpu > last) {
                    String place = cpuPlace(fx.getStackTrace());
                    cpuPlaces.merge(place, cpu - last, Long::sum);
                    cpuSamples.add(new CpuSample(System.nanoTime(), cpu - last, place));
                }
                last = cpu;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Our innermost frame (with the pulse phase it runs in), else the pulse phase, else the innermost JavaFX frame. */
    private static String cpuPlace(StackTraceElement[] stack) {
        String ours = null;
        String phase = null;
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            String m = e.getMethodName();
            if (ours == null && c.startsWith("dev.cascadeviz") && !c.contains("bench")) {
                ours = c.replace("dev.cascadeviz.app.", "") + "." + m;
            }
            if (phase == null && (m.equals("doCSSPass") || m.equals("doLayoutPass") || m.equals("synchronizeSceneNodes")
                    || m.equals("timerPulse") || m.equals("layoutChildren") && c.endsWith("VirtualFlow"))) {
                phase = (c.startsWith("org.fxmisc") ? "flowless." : "") + c.substring(c.lastIndexOf('.') + 1) + "." + m;
            }
        }
        if (ours != null) {
            return ours + (phase == null ? "" : " [" + phase + "]");
        }
        if (phase != null) {
            return "[" + phase + "]";
        }
        return stack.length == 0 ? "?" : "(" + stack[0].getClassName().substring(stack[0].getClassName().lastIndexOf('.') + 1) + "." + stack[0].getMethodName() + ")";
    }

    /** The CPU time so far of the window's worker threads (tables, log, run, graph layout). */
    private static long workersCpu() {
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("cascadeviz-")) {
                sum += Math.max(0, THREADS.getThreadCpuTime(t.getId()));
            }
        }
        return sum;
    }

    /** Where the JavaFX thread was while a probe waited more than 100 ms: counted by the innermost frame of ours or of JavaFX's. */
    private static final Map<String, Integer> stallPlaces = new ConcurrentHashMap<>();
    private static volatile Thread fxThread;
    private static volatile Thread renderThread;

    /** The collector's stop-the-world pause time so far, as its management beans count it (young and mixed collections, full ones). */
    private static long gcPauseMillis() {
        long sum = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    /** CPU time so far of the JavaFX thread and of the thread that renders its frames (a frame waits for both). */
    private static long paintCpu() {
        Thread render = renderThread;
        return THREADS.getThreadCpuTime(fxThread.getId()) + (render == null ? 0 : Math.max(0, THREADS.getThreadCpuTime(render.getId())));
    }

    private static void sampleFxThread() {
        Thread fx = fxThread;
        if (fx == null) {
            return;
        }
        StackTraceElement[] stack = fx.getStackTrace();
        String place = "(running no code of ours: " + (stack.length == 0 ? "?" : stack[0].getClassName() + "."
                + stack[0].getMethodName()) + ")";
        for (StackTraceElement e : stack) {
            if (e.getClassName().startsWith("dev.cascadeviz") && !e.getClassName().contains("bench")) {
                place = e.getClassName().replace("dev.cascadeviz.", "") + "." + e.getMethodName();
                break;
            }
        }
        if (place.startsWith("(")) {
            for (StackTraceElement e : stack) {
                if (e.getClassName().startsWith("javafx.scene.") || e.getClassName().startsWith("org.fxmisc")) {
                    place = "(JavaFX: " + e.getClassName() + "." + e.getMethodName() + ")";
                    break;
                }
            }
        }
        stallPlaces.merge(place, 1, Integer::sum);
    }

    private static void await(BooleanSupplier condition, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            AtomicReference<Boolean> ok = new AtomicReference<>(false);
            OnFx.run(() -> ok.set(condition.getAsBoolean()));
            if (ok.get()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("timed out in " + phase);
    }

    /** Waits until the window has finished showing itself (three quick answers in a row), so its own start is not counted as the open's. */
    private static void quiet() throws InterruptedException {
        long end = System.nanoTime() + 60_000_000_000L;
        int quick = 0;
        while (quick < 3 && System.nanoTime() < end) {
            long t0 = System.nanoTime();
            OnFx.run(() -> { });
            quick = System.nanoTime() - t0 < 30_000_000L ? quick + 1 : 0;
            Thread.sleep(100);
        }
    }

    private static void settle(long ms) throws InterruptedException {
        Thread.sleep(ms);
    }
}
