package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.library.ScenarioLibrary;
import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import dev.cascadeviz.model.Scenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * While the window is empty, each view is handed a sample scenario once and readies itself with
 * it a piece a pulse; a scenario shown meanwhile stops it, and a window that shows one first
 * readies nothing.
 */
class EmptyWindowWarmUpTest extends FxRobot {

    private WorkspaceModel model;
    private Stage stage;
    private Scenario lesson;
    /** What the views' pieces did, in order, each with the pulse it ran in. */
    private final List<String> done = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger pulses = new AtomicInteger();
    private final AnimationTimer pulseCounter = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulses.incrementAndGet();
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        String name = ScenarioLibrary.load().defaultScenario();
        lesson = AppServices.files().parse(ScenarioLibrary.text(name), name);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            stage = s;
            s.setScene(new Scene(new Pane(), 200, 100));
        });
        interact(() -> model = new WorkspaceModel(AppServices.files(), AppServices.runner()));
        interact(pulseCounter::start);
    }

    @AfterEach
    void tearDown() throws Exception {
        interact(pulseCounter::stop);
        interact(model::shutdown);
        FxToolkit.cleanupStages();
    }

    /** A view whose warm-up is two pieces that note their name and the sample's title. */
    private Function<Scenario, List<Runnable>> view(String name) {
        return s -> List.of(() -> done.add(name + " 1 " + s.title() + " @" + pulses.get()),
                () -> done.add(name + " 2 " + s.title() + " @" + pulses.get()));
    }

    private EmptyWindowWarmUp install(java.util.concurrent.Callable<Scenario> sample, List<Function<Scenario, List<Runnable>>> views) {
        AtomicReference<EmptyWindowWarmUp> w = new AtomicReference<>();
        interact(() -> w.set(EmptyWindowWarmUp.install(stage, model, sample, views)));
        return w.get();
    }

    @Test
    void anEmptyWindowShownHandsEachViewTheSampleOnceAndRunsItsPiecesInOrderAPieceAPulse() throws Exception {
        EmptyWindowWarmUp w = install(() -> lesson, List.of(view("graph"), view("tables")));
        assertFalse(w.started(), "started before the window showed");
        interact(stage::show);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, w::done);
        List<String> names = done.stream().map(d -> d.substring(0, d.indexOf(" @"))).toList();
        String t = lesson.title();
        assertEquals(List.of("graph 1 " + t, "graph 2 " + t, "tables 1 " + t, "tables 2 " + t), names);
        List<String> pulsesSeen = done.stream().map(d -> d.substring(d.indexOf(" @"))).distinct().toList();
        assertEquals(4, pulsesSeen.size(), "a piece a pulse: " + done);
        interact(stage::hide);
        interact(stage::show);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, done.size(), "readied again: " + done);
    }

    @Test
    void aScenarioShownBeforeTheSampleIsReadReadiesNothing() throws Exception {
        CountDownLatch read = new CountDownLatch(1);
        EmptyWindowWarmUp w = install(() -> {
            read.await(10, TimeUnit.SECONDS);
            return lesson;
        }, List.of(view("graph")));
        interact(stage::show);
        assertTrue(w.started());
        interact(() -> model.show(lesson, null, "lesson.yaml"));
        read.countDown();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), done);
        assertFalse(w.done());
    }

    @Test
    void aScenarioShownMidwayStopsThePiecesLeft() throws Exception {
        Function<Scenario, List<Runnable>> opener = s -> List.of(() -> {
            done.add("opener");
            model.show(lesson, null, "lesson.yaml"); // as a file read in the background comes in
        });
        EmptyWindowWarmUp w = install(() -> lesson, List.of(opener, view("tables")));
        interact(stage::show);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !done.isEmpty());
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("opener"), done);
        assertFalse(w.done());
    }

    @Test
    void aWindowThatShowsAScenarioFirstReadiesNothing() throws Exception {
        interact(() -> model.show(lesson, null, "lesson.yaml"));
        EmptyWindowWarmUp w = install(() -> lesson, List.of(view("graph")));
        interact(stage::show);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(w.started());
        assertEquals(List.of(), done);
    }

    @Test
    void aPieceThatFailsDropsTheRestAndNothingReachesTheUser() throws Exception {
        Function<Scenario, List<Runnable>> failing = s -> List.of(() -> {
            throw new IllegalStateException("a view that cannot ready itself");
        });
        EmptyWindowWarmUp w = install(() -> lesson, List.of(failing, view("tables")));
        interact(stage::show);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, w::gaveUp);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), done);
        assertFalse(w.done());
        assertNotNull(stage.getScene());
    }
}
