package dev.cascadeviz.bench;

import dev.cascadeviz.app.AppServices;
import dev.cascadeviz.app.graph.ClassNodeView;
import dev.cascadeviz.app.graph.GraphView;
import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.scenario.ScenarioFiles;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Benchmark of issue 4's "a 150-class model renders and stays smooth when dragged and zoomed":
 * builds the graph of a scenario, then times frames of dragging a node and of zooming, each
 * frame forced through layout, CSS and rendering with a snapshot. Not a test (it measures, it
 * does not assert); run it with conformance/bench-window.sh.
 */
public final class GraphBenchmark {

    private GraphBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "target/bench/150-classes.yaml");
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Scenario scenario = ScenarioFiles.load(file);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        AtomicReference<String> report = new AtomicReference<>();
        AtomicReference<GraphView> view = new AtomicReference<>();
        AtomicReference<Scene> shownIn = new AtomicReference<>();
        long t0 = System.nanoTime();
        OnFx.run(() -> {
            WorkspaceModel model = new WorkspaceModel(AppServices.files(), AppServices.runner());
            GraphView graph = new GraphView(model);
            Stage stage = new Stage();
            Scene scene = new Scene(graph, 1280, 800);
            stage.setScene(scene);
            stage.show();
            view.set(graph);
            shownIn.set(scene);
            model.show(scenario, null, "benchmark");
        });
        // the graph is built on an event after the scenario's, its layout worked out on a worker: wait for both
        AtomicReference<Boolean> laidOut = new AtomicReference<>(false);
        while (!laidOut.get()) {
            Thread.sleep(5);
            OnFx.run(() -> laidOut.set(!view.get().isLayingOut() && view.get().shownLayout() != null));
        }
        OnFx.run(() -> {
            try {
                shownIn.get().snapshot(null);
                report.set(run(view.get(), shownIn.get(), scenario, frames, System.nanoTime() - t0));
            } catch (RuntimeException e) {
                report.set("failed: " + e);
            }
        });
        System.out.println(report.get());
        Platform.exit();
        System.exit(0);
    }

    /** @param built from the window's start to the graph's first render, laid out */
    private static String run(GraphView graph, Scene scene, Scenario scenario, int frames, long built) {
        graph.fit();
        scene.snapshot(null);
        ClassNodeView node = graph.classNode(scenario.classes().keySet().iterator().next());
        double x = node.getLayoutX();
        double y = node.getLayoutY();
        long[] drag = new long[frames];
        for (int i = 0; i < frames; i++) {
            long f = System.nanoTime();
            node.relocate(x + (i % 20) * 10, y + (i % 20) * 5);
            graph.requestLayout();
            scene.snapshot(null);
            drag[i] = System.nanoTime() - f;
        }
        long[] zoom = new long[frames];
        for (int i = 0; i < frames; i++) {
            long f = System.nanoTime();
            if (i % 2 == 0) {
                graph.zoomIn();
            } else {
                graph.zoomOut();
            }
            scene.snapshot(null);
            zoom[i] = System.nanoTime() - f;
        }
        return String.format("%d classes, %d relationships: first render %.0f ms; drag frame median %.1f ms, "
                        + "95th %.1f ms; zoom frame median %.1f ms, 95th %.1f ms (software rendering, 1280x800)",
                scenario.classes().size(),
                scenario.classes().values().stream().mapToInt(c -> c.relationships().size()).sum(),
                built / 1e6, percentile(drag, 50), percentile(drag, 95), percentile(zoom, 50), percentile(zoom, 95));
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
    }
}
