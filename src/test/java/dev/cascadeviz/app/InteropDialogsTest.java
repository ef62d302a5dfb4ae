package dev.cascadeviz.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.interop.DdlExport;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.scenario.ScenarioFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What each choice of File > Export shows. */
class InteropDialogsTest {

    private static Scenario artists() throws Exception {
        return ScenarioFiles.load(Path.of("assets", "scenarios", "10-artists-orm-cascade.yaml"));
    }

    @Test
    void thePythonChoiceShowsTheSqlAlchemyModule() throws Exception {
        String text = InteropDialogs.exportText(artists(), InteropDialogs.PYTHON);
        assertTrue(text.contains("class Artist(Base):"), text);
    }

    @Test
    void eachDdlChoiceShowsItsDialect() throws Exception {
        assertTrue(InteropDialogs.exportText(artists(), InteropDialogs.ddlLabel(DdlExport.Dialect.POSTGRESQL)).contains("SERIAL"));
        assertTrue(InteropDialogs.exportText(artists(), InteropDialogs.ddlLabel(DdlExport.Dialect.H2)).contains("\"artist\""));
    }
}
