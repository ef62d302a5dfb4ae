package dev.cascadeviz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    void theWindowsJvmHasTheWindowsPauseGoalAndC1NotTheCommandLinesCollector() {
        List<String> given = List.of("-Dcascadeviz.debug=true", "-Xmx2g", "-XX:+UseG1GC", "-jar", "app.jar");
        List<String> command = Launcher.windowCommand("/jdk", new File("app.jar"), new String[] {"a.yaml"}, given);
        List<String> expected = new ArrayList<>();
        expected.add("/jdk" + File.separator + "bin" + File.separator + "java");
        expected.addAll(Launcher.WINDOW_JVM_OPTIONS);
        expected.addAll(List.of("-Dcascadeviz.debug=true", "-Xmx2g", "-Dcascadeviz.relaunched=true", "-cp", "app.jar",
                "dev.cascadeviz.Launcher", "a.yaml"));
        assertEquals(expected, command);
        assertTrue(command.contains("-XX:MaxGCPauseMillis=50") && command.contains("-XX:TieredStopAtLevel=1"), command.toString());
        assertFalse(command.contains("-XX:+UseSerialGC"), command.toString());
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

    @Test
    void theChildsYoungGenerationIsLargeButAThirdOfTheHeapAtMost() {
        long mb = 1024 * 1024;
        assertEquals(List.of("-Xmn264m", "-Xms528m"), Launcher.heapOptions(6028 * mb, List.of()));
        assertEquals(List.of("-Xmn100m", "-Xms200m"), Launcher.heapOptions(300 * mb, List.of("-Xmx300m")));
        assertEquals(List.of(), Launcher.heapOptions(64 * mb, List.of()), "a small heap keeps the JVM's sizes");
        assertEquals(List.of(), Launcher.heapOptions(6028 * mb, List.of("-Xms64m")), "the user's -Xms is kept alone");
    }

    @Test
    void theHeapOptionsComeAfterTheArchivesAndBeforeTheUsers() {
        List<String> command = Launcher.childCommand("/jdk", new File("app.jar"), new String[] {"trace", "a.yaml"},
                List.of("-Xmx2g"), List.of("-Xlog:cds*=off"), List.of("-Xmn320m", "-Xms640m"));
        int cli = Launcher.CLI_JVM_OPTIONS.size();
        assertEquals(List.of("-Xlog:cds*=off", "-Xmn320m", "-Xms640m", "-Xmx2g"), command.subList(1 + cli, 5 + cli));
    }

    @Test
    void theChildJvmTakesItsHeapOptionsWithoutAWord() throws IOException, InterruptedException {
        // the JVM prints a warning on stdout, where the trace goes, for sizes that do not fit together
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        for (long largestMb : List.of(100L, 256L, 1024L, 6028L)) {
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(Launcher.CLI_JVM_OPTIONS);
            command.addAll(Launcher.heapOptions(largestMb * 1024 * 1024, List.of()));
            command.addAll(List.of("-Xmx" + largestMb + "m", "-version"));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), said);
            assertFalse(said.toLowerCase().contains("warning"), command + ": " + said);
        }
    }

    @Test
    void thisJvmsOwnArgumentsAreWhatTheProcessApiSaysTheyAre() {
        String[] expected = ProcessHandle.current().info().arguments().orElse(null);
        assumeTrue(expected != null, "the process API cannot tell this JVM's arguments here");
        assertEquals(List.of(expected), List.of(Launcher.ownArguments()));
    }
}
