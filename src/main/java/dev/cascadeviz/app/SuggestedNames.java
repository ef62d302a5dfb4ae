package dev.cascadeviz.app;

import dev.cascadeviz.model.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The names and folders the Save As and Export dialogs suggest, and the extension Save As adds
 * to a bare name so that Open's filter and drag-and-drop find the file again.
 */
final class SuggestedNames {

    static final String SCENARIO_EXTENSION = ".yaml";

    private SuggestedNames() {
    }

    /** A name typed without an extension gets {@code .yaml}; any other name is kept. */
    static Path withScenarioExtension(Path chosen) {
        String name = chosen.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot > 0 && dot < name.length() - 1) {
            return chosen;
        }
        String base = dot == name.length() - 1 ? name.substring(0, dot) : name;
        return chosen.resolveSibling(base + SCENARIO_EXTENSION);
    }

    /** The scenario's own file name, else the built-in file's name, else its title made a file name. */
    static String scenarioFileName(Scenario scenario, Path file, String sourceName) {
        if (file != null) {
            return file.getFileName().toString();
        }
        if (sourceName != null && sourceName.matches("(?i).+\\.(ya?ml|json)")) {
            return Path.of(sourceName).getFileName().toString();
        }
        return slug(scenario, "scenario") + SCENARIO_EXTENSION;
    }

    /** An export's name: what the scenario is called, then what the file holds ({@code _models.py}, {@code _sqlite.sql}). */
    static String exportFileName(Scenario scenario, Path file, String sourceName, String what, String extension) {
        String base = file != null ? stripExtension(file.getFileName().toString())
                : sourceName != null && !sourceName.isBlank() ? stripExtension(Path.of(sourceName).getFileName().toString())
                : slug(scenario, "scenario");
        return base.replace('-', '_') + "_" + what + extension;
    }

    /**
     * Where an export or a first save goes: beside the scenario's file, else the user's
     * Documents folder, else the home folder; never the working directory the program started in.
     */
    static Path folder(Path file, Path home) {
        if (file != null && file.toAbsolutePath().getParent() != null && Files.isDirectory(file.toAbsolutePath().getParent())) {
            return file.toAbsolutePath().getParent();
        }
        Path documents = home.resolve("Documents");
        return Files.isDirectory(documents) ? documents : home;
    }

    static Path home() {
        return Path.of(System.getProperty("user.home"));
    }

    private static String stripExtension(String name) {
        return name.replaceFirst("(?i)\\.(ya?ml|json)$", "");
    }

    /** The title in lower case, letters and digits joined by dashes: "Artists and songs 1/4" gives "artists-and-songs-1-4". */
    static String slug(Scenario scenario, String fallback) {
        String title = scenario == null || scenario.title() == null ? "" : scenario.title();
        String plain = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String s = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 60) {
            s = s.substring(0, 60).replaceAll("-+$", "");
        }
        return s.isEmpty() ? fallback : s;
    }
}
