package dev.cascadeviz.app;

import dev.cascadeviz.workbench.ScenarioRunner;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.trace.Trace;
import java.util.function.Function;

/** The real runner until a test hands the window its own trace. */
public final class SwitchRunner implements ScenarioRunner {

    private volatile ScenarioRunner delegate = AppServices.runner();

    public void use(Function<Scenario, Trace> traces) {
        delegate = (s, e) -> traces.apply(s);
    }

    public void use(ScenarioRunner runner) {
        delegate = runner;
    }

    @Override
    public Trace run(Scenario scenario, Engine engine) throws Exception {
        return delegate.run(scenario, engine);
    }
}
