package dev.cascadeviz.app.library;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The built-in scenarios on the classpath under {@code /assets/scenarios/}, grouped by theme as
 * {@code library.yaml} lists them ({@code default: file}, {@code themes: [{name, scenarios}]}).
 */
public final class ScenarioLibrary {

    public static final String ROOT = "/assets/scenarios/";

    public record Theme(String name, List<String> scenarios) {
    }

    private final String defaultScenario;
    private final List<Theme> themes;

    private ScenarioLibrary(String defaultScenario, List<Theme> themes) {
        this.defaultScenario = defaultScenario;
        this.themes = List.copyOf(themes);
    }

    /** No built-in scenarios (while the real library loads after the window is shown). */
    public static ScenarioLibrary empty() {
        return new ScenarioLibrary(null, List.of());
    }

    /** The library on the classpath; empty when there is no library.yaml (or it cannot be read). */
    public static ScenarioLibrary load() {
        try (InputStream in = ScenarioLibrary.class.getResourceAsStream(ROOT + "library.yaml")) {
            if (in == null) {
                return new ScenarioLibrary(null, List.of());
            }
            Object loaded = new Load(LoadSettings.builder().build()).loadFromInputStream(in);
            Map<?, ?> root = loaded instanceof Map<?, ?> m ? m : Map.of();
            List<Theme> themes = new ArrayList<>();
            for (Object t : root.get("themes") instanceof List<?> l ? l : List.of()) {
                Map<?, ?> theme = t instanceof Map<?, ?> m ? m : Map.of();
                List<String> files = new ArrayList<>();
                for (Object f : theme.get("scenarios") instanceof List<?> l ? l : List.of()) {
                    files.add(String.valueOf(f));
                }
                themes.add(new Theme(theme.get("name") == null ? "Scenarios" : String.valueOf(theme.get("name")), files));
            }
            String def = root.get("default") == null ? null : String.valueOf(root.get("default"));
            return new ScenarioLibrary(def, themes);
        } catch (IOException | RuntimeException e) {
            return new ScenarioLibrary(null, List.of());
        }
    }

    /** The file to open at start, or null. */
    public String defaultScenario() {
        return defaultScenario;
    }

    public List<Theme> themes() {
        return themes;
    }

    /** The text of a built-in scenario, or null when it is missing. */
    public static String text(String fileName) {
        try (InputStream in = ScenarioLibrary.class.getResourceAsStream(ROOT + fileName)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
