package dev.cascadeviz.app.viewmodel;

import dev.cascadeviz.model.Scenario;
import java.nio.file.Path;

/** Reading and writing scenario files (the loader's ScenarioFiles in the application). */
public interface ScenarioIO {

    Scenario load(Path file) throws Exception;

    Scenario parse(String text, String fileName) throws Exception;

    void save(Scenario scenario, Path file) throws Exception;
}
