package dev.cascadeviz;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.cascadeviz.orm.Simulator;

/** The layers as the tree shows them, kept so by test (issue 14). */
@AnalyzeClasses(packages = "dev.cascadeviz", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] JAVAFX = {"javafx..", "org.fxmisc..", "atlantafx.."};

    @ArchTest
    static final ArchRule javafxOnlyInTheWindowAndTheLauncher = noClasses()
            .that().resideOutsideOfPackage("dev.cascadeviz.app..")
            .and(not(belongToAnyOf(Launcher.class)))
            .should().dependOnClassesThat().resideInAnyPackage(JAVAFX)
            .because("only the window (app) and the launcher use JavaFX; the workbench computes without it");

    @ArchTest
    static final ArchRule theModelDependsOnNothingElseOfTheProject = noClasses()
            .that().resideInAPackage("dev.cascadeviz.model..")
            .should().dependOnClassesThat(resideInAPackage("dev.cascadeviz..")
                    .and(resideOutsideOfPackage("dev.cascadeviz.model..")));

    @ArchTest
    static final ArchRule theWindowReachesTheOrmAndTheDatabaseOnlyThroughTheSimulator = noClasses()
            .that().resideInAnyPackage("dev.cascadeviz.app..", "dev.cascadeviz.workbench..")
            .should().dependOnClassesThat(resideInAnyPackage("dev.cascadeviz.orm..", "dev.cascadeviz.db..")
                    .and(not(belongToAnyOf(Simulator.class))))
            .because("the window runs scenarios through Simulator, the simulator's public entry");

    @ArchTest
    static final ArchRule theOrmsInsidesAreTheOrmsOwn = classes()
            .that().resideInAPackage("dev.cascadeviz.orm..")
            .and(not(belongToAnyOf(Simulator.class)))
            .should().onlyBeAccessed().byAnyPackage("dev.cascadeviz.orm..");

    @ArchTest
    static final ArchRule nothingButTheLauncherReachesUpIntoTheWindow = noClasses()
            .that().resideOutsideOfPackage("dev.cascadeviz.app..")
            .and(not(belongToAnyOf(Launcher.class)))
            .should().dependOnClassesThat().resideInAPackage("dev.cascadeviz.app..");

    @ArchTest
    static final ArchRule theTopLevelPackagesHaveNoCycles = slices().matching("dev.cascadeviz.(*)..")
            .should().beFreeOfCycles();
}
