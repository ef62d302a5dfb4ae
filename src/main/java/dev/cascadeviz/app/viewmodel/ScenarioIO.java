package dev.cascadeviz.app.viewmodel;

import dev.cascadeviz.model.Scenario;
import java.nio.file.Path;

/** Reading and writing scenario files (the loader's ScenarioFiles in the application). */
public interface ScenarioIO {

    Scenario load(Path file) throws Exception;

    Scenario parse(String text, String fileName) throws Exception;

    void save(Scenario scenario, Path file) throws Exception;

    /** Saves over a read-only file too, once the user has agreed; by default the same as {@link #save}. */
    default void overwrite(Scenario scenario, Path file) throws Exception {
        save(scenario, file);
    }

    /** Whether a save failed only because the file is read-only (the user may agree to overwrite it). */
    default boolean refusedAsReadOnly(Exception e) {
        return false;
    }
}
