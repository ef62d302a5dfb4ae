package dev.cascadeviz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherTest {

    @Test
    void theRelaunchedJvmKeepsTheUsersSystemPropertiesAndMemorySizes() {
        List<String> given = List.of("-Dcascadeviz.debug=true", "-Dorg.sqlite.lib.path=/x", "-Xmx1g", "-Xss8m",
                "-XX:+UseG1GC", "-javaagent:agent.jar", "-Dcascadeviz.relaunched=true");
        List<String> command = Launcher.childCommand("/jdk", new File("app.jar"), new String[] {"trace", "a.yaml"}, given);
        List<String> expected = new ArrayList<>();
        expected.add("/jdk" + File.separator + "bin" + File.separator + "java");
        expected.addAll(Launcher.CLI_JVM_OPTIONS);
        expected.addAll(List.of("-Dcascadeviz.debug=true", "-Dorg.sqlite.lib.path=/x", "-Xmx1g", "-Xss8m",
                "-Dcascadeviz.relaunched=true", "-cp", "app.jar", "dev.cascadeviz.Launcher", "trace", "a.yaml"));
        assertEquals(expected, command);
    }

    @Test
    void theWindowsJvmHasTheWindowsPauseGoalNotTheCommandLinesCompilerAndCollector() {
        List<String> given = List.of("-Dcascadeviz.debug=true", "-Xmx2g", "-XX:+UseG1GC", "-jar", "app.jar");
        List<String> command = Launcher.windowCommand("/jdk", new File("app.jar"), new String[] {"a.yaml"}, given);
        List<String> expected = new ArrayList<>();
        expected.add("/jdk" + File.separator + "bin" + File.separator + "java");
        expected.addAll(Launcher.WINDOW_JVM_OPTIONS);
        expected.addAll(List.of("-Dcascadeviz.debug=true", "-Xmx2g", "-Dcascadeviz.relaunched=true", "-cp", "app.jar",
                "dev.cascadeviz.Launcher", "a.yaml"));
        assertEquals(expected, command);
        assertTrue(command.contains("-XX:MaxGCPauseMillis=50"), command.toString());
        assertFalse(command.contains("-XX:+UseSerialGC") || command.contains("-XX:TieredStopAtLevel=1"), command.toString());
    }

    @Test
    void mvnJavafxRunGivesTheWindowTheSameJvmOptions() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        int plugin = pom.indexOf("<artifactId>javafx-maven-plugin</artifactId>");
        String configuration = pom.substring(plugin, pom.indexOf("</plugin>", plugin));
        for (String option : Launcher.WINDOW_JVM_OPTIONS) {
            assertTrue(configuration.contains("<option>" + option + "</option>"), option);
        }
        assertEquals(Launcher.WINDOW_JVM_OPTIONS.size(), configuration.split("<option>", -1).length - 1);
    }

    @Test
    void theOptionsGivenAreWhatComesBeforeTheProgramsArguments() {
        String[] program = {"trace", "--engine", "sqlite", "a.yaml"};
        assertEquals(List.of("-Dcascadeviz.debug=true", "-Xmx2g", "-jar", "cascadeviz.jar"), Launcher.optionsBefore(
                new String[] {"-Dcascadeviz.debug=true", "-Xmx2g", "-jar", "cascadeviz.jar", "trace", "--engine", "sqlite",
                        "a.yaml"}, program));
        assertEquals(List.of("-cp", "cascadeviz.jar", "dev.cascadeviz.Launcher"), Launcher.optionsBefore(
                new String[] {"-cp", "cascadeviz.jar", "dev.cascadeviz.Launcher", "trace", "--engine", "sqlite", "a.yaml"},
                program));
        // an option of the program that looks like the JVM's stays the program's
        assertEquals(List.of("-jar", "c.jar"), Launcher.optionsBefore(new String[] {"-jar", "c.jar", "trace", "-Dx=1"},
                new String[] {"trace", "-Dx=1"}));
        // what the command line cannot tell: an argument file, or arguments that are not its end
        assertNull(Launcher.optionsBefore(new String[] {"@opts", "-jar", "c.jar", "trace", "a.yaml"},
                new String[] {"trace", "a.yaml"}));
        assertNull(Launcher.optionsBefore(new String[] {"-jar", "c.jar", "trace", "b.yaml"}, new String[] {"trace", "a.yaml"}));
        assertNull(Launcher.optionsBefore(new String[] {"a.yaml"}, new String[] {"trace", "a.yaml"}));
    }

    @Test
    void theChildGetsTheSystemPropertiesGivenOnTheCommandLine() {
        List<String> given = Launcher.optionsBefore(new String[] {"-Dcascadeviz.cds=false", "-Xss4m", "-XX:+UseG1GC",
                "-jar", "c.jar", "trace", "a.yaml"}, new String[] {"trace", "a.yaml"});
        List<String> command = Launcher.childCommand("/jdk", new File("c.jar"), new String[] {"trace", "a.yaml"}, given);
        assertTrue(command.containsAll(List.of("-Dcascadeviz.cds=false", "-Xss4m")), command.toString());
        assertFalse(command.contains("-XX:+UseG1GC"), command.toString());
        assertEquals(List.of("-cp", "c.jar", "dev.cascadeviz.Launcher", "trace", "a.yaml"),
                command.subList(command.size() - 5, command.size()));
    }
}
