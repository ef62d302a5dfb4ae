package dev.cascadeviz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
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
}
