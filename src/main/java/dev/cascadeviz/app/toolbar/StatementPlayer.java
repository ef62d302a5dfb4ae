package dev.cascadeviz.app.toolbar;

import dev.cascadeviz.app.viewmodel.WorkspaceModel;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * Plays the statements one after another (F8): from the statement shown, or from the first
 * when the whole outcome or the last statement is shown; the button then reads Pause. The speed
 * button (0.5×, 1×, 2×, 4×) sets how long each statement stays.
 */
public final class StatementPlayer {

    /** Seconds per statement at 1×. */
    static final double BASE_SECONDS = 1.2;
    public static final double[] SPEEDS = {0.5, 1, 2, 4};

    private final WorkspaceModel model;
    private final Timeline timeline = new Timeline();
    private final ToggleButton button = new ToggleButton("Play");
    private final Button speed = new Button();

    public StatementPlayer(WorkspaceModel model) {
        this.model = model;
        timeline.getKeyFrames().add(new KeyFrame(Duration.seconds(BASE_SECONDS), e -> tick()));
        timeline.setCycleCount(Animation.INDEFINITE);
        button.setId("step-play");
        button.setTooltip(new Tooltip("Play the statements one by one from the one shown; again to pause (F8)"));
        button.setFocusTraversable(false);
        button.setOnAction(e -> toggle());
        timeline.statusProperty().addListener((o, a, b) -> {
            boolean playing = b == Animation.Status.RUNNING;
            button.setSelected(playing);
            button.setText(playing ? "Pause" : "Play");
        });
        speed.setId("play-speed");
        speed.setTooltip(new Tooltip("Playing speed: click for the next one (0.5×, 1×, 2×, 4×)"));
        speed.setFocusTraversable(false);
        speed.setMinWidth(Region.USE_PREF_SIZE);
        speed.setOnAction(e -> setSpeed(SPEEDS[(speedIndex() + 1) % SPEEDS.length]));
        setSpeed(1);
        button.disableProperty().bind(model.traceProperty().isNull());
        model.traceProperty().addListener((o, a, b) -> stop());
    }

    public ToggleButton button() {
        return button;
    }

    /** Shows the speed; a click moves to the next one. */
    public Button speedButton() {
        return speed;
    }

    public double speed() {
        return timeline.getRate();
    }

    public void setSpeed(double rate) {
        timeline.setRate(rate);
        speed.setText((rate == Math.rint(rate) ? String.valueOf((int) rate) : String.valueOf(rate)) + "×");
    }

    private int speedIndex() {
        for (int i = 0; i < SPEEDS.length; i++) {
            if (SPEEDS[i] == timeline.getRate()) {
                return i;
            }
        }
        return 1;
    }

    public boolean isPlaying() {
        return timeline.getStatus() == Animation.Status.RUNNING;
    }

    public void stop() {
        timeline.stop();
    }

    /** Pauses when playing; otherwise plays on from the statement shown. */
    public void toggle() {
        if (isPlaying()) {
            timeline.stop();
            return;
        }
        var trace = model.getTrace();
        if (trace == null || trace.statements().isEmpty()) {
            button.setSelected(false);
            return;
        }
        int n = trace.statements().size();
        int at = model.getStep();
        if (at < 0 || at >= n) {
            model.stepTo(0);
        }
        tick();
        timeline.playFromStart();
    }

    private void tick() {
        var trace = model.getTrace();
        if (trace == null) {
            timeline.stop();
            return;
        }
        int n = trace.statements().size();
        model.stepNext();
        if (model.getStep() < 0 || model.getStep() >= n) {
            timeline.stop();
        }
    }
}
