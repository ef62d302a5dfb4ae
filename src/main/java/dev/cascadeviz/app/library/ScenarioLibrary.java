package dev.cascadeviz.app.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<Theme> themes = new ArrayList<>();
            for (JsonNode t : root.path("themes")) {
                List<String> files = new ArrayList<>();
                for (JsonNode f : t.path("scenarios")) {
                    files.add(f.asText());
                }
                themes.add(new Theme(t.path("name").asText("Scenarios"), files));
            }
            String def = root.hasNonNull("default") ? root.get("default").asText() : null;
            return new ScenarioLibrary(def, themes);
        } catch (IOException e) {
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
