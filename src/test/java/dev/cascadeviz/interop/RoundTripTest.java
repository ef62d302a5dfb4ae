package dev.cascadeviz.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.model.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Scenario to exported Python to imported scenario gives back the same schema and mapping, for every library scenario. */
class RoundTripTest {

    @TestFactory
    Stream<DynamicTest> exportedModelsImportBackToTheSameMapping() throws IOException {
        return files().stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Scenario original = Library.load(f);
            ImportResult back = ModelsImport.read(PythonExport.module(original), f.getFileName().toString());
            assertTrue(back.ok(), () -> back.report("exported " + f.getFileName()));
            assertEquals(original.tables(), back.scenario().tables());
            assertEquals(original.classes(), back.scenario().classes());
        }));
    }

    /** The library and the scenarios whose table and column names need quotes ("first name" as first_name). */
    private static List<Path> files() throws IOException {
        List<Path> out = new ArrayList<>(Library.files());
        try (Stream<Path> list = Files.list(ExportedPythonTest.HOSTILE_NAMES)) {
            list.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(out::add);
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> anExportedModuleIsReadWithoutNotesAboutItsModels() throws IOException {
        return files().stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            ImportResult back = ModelsImport.read(PythonExport.module(Library.load(f)), "m.py");
            // only the engine, rows, steps and the 2.0/1.4 import block are left out
            assertTrue(back.notes().stream().allMatch(n -> n.message().matches("skipped (def \\w+|a '(try|except|if)' block)")),
                    () -> back.report("exported " + f.getFileName()));
        }));
    }
}
