package org.envmon.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guard on the layout (ARCHITECTURE.md, "Modules"): the pure modules do no I/O and know no framework, and
 * dependencies point one way. Fails the build when a change breaks either.
 */
class LayeringTest {
    /**
     * The standards, the pollution-source calculations, the HJ 212 codec, the domain model and the evaluation core:
     * no I/O, no framework.
     */
    private static final String[] PURE = {"org.envmon.standards..", "org.envmon.sources..", "org.envmon.hj212..",
        "org.envmon.model..", "org.envmon.evaluation"};
    private static final String[] IO_AND_FRAMEWORKS = {"java.sql..", "javax.sql..", "java.net..", "java.nio.file..",
        "java.nio.channels..", "io.netty..", "org.springframework..", "jakarta..", "org.duckdb..", "org.postgresql..",
        "org.flywaydb..", "com.zaxxer..", "io.micrometer..", "org.apache.poi..", "org.openpdf.."};
    private static final String[] DRIVERS = {"java.sql..", "javax.sql..", "org.duckdb..", "org.postgresql..",
        "org.flywaydb..", "com.zaxxer.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // Within the reactor the modules are directories or jars, so jars are imported too (only org.envmon's classes).
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.envmon");
    }

    @Test
    void pureModulesDoNoIoAndKnowNoFramework() {
        noClasses().that().resideInAnyPackage(PURE).should().dependOnClassesThat().resideInAnyPackage(IO_AND_FRAMEWORKS)
            .check(classes);
        noClasses().that().resideInAnyPackage(PURE).should().dependOnClassesThat()
            .haveFullyQualifiedName("java.io.File").orShould().dependOnClassesThat()
            .haveFullyQualifiedName("java.io.FileInputStream").orShould().dependOnClassesThat()
            .haveFullyQualifiedName("java.io.FileOutputStream").check(classes);
    }

    @Test
    void standardsSourcesCodecAndModelStandAlone() {
        noClasses().that().resideInAPackage("org.envmon.standards..").should().dependOnClassesThat()
            .resideOutsideOfPackages("java..", "org.envmon.standards..").check(classes);
        noClasses().that().resideInAPackage("org.envmon.sources..").should().dependOnClassesThat()
            .resideOutsideOfPackages("java..", "org.envmon.sources..").check(classes);
        noClasses().that().resideInAPackage("org.envmon.hj212..").should().dependOnClassesThat()
            .resideOutsideOfPackages("java..", "org.envmon.hj212..").check(classes);
        noClasses().that().resideInAPackage("org.envmon.model..").should().dependOnClassesThat()
            .resideOutsideOfPackages("java..", "org.envmon.model..").check(classes);
    }

    @Test
    void nothingDependsOnTheApplication() {
        noClasses().that().resideOutsideOfPackage("org.envmon.app..").and().resideOutsideOfPackage("org.envmon.bench..")
            .should().dependOnClassesThat().resideInAPackage("org.envmon.app..").check(classes);
    }

    @Test
    void onlyTheStoreAndTheApplicationTouchADatabaseDriver() {
        noClasses().that().resideOutsideOfPackages("org.envmon.store..", "org.envmon.app..", "org.envmon.bench..")
            .should().dependOnClassesThat().resideInAnyPackage(DRIVERS).check(classes);
    }

    @Test
    void theCoreModulesDoNotReachUpIntoTheReceiversAndTheWeb() {
        noClasses().that().resideInAnyPackage("org.envmon.standards..", "org.envmon.sources..", "org.envmon.hj212..",
            "org.envmon.store..", "org.envmon.quality..", "org.envmon.evaluation..", "org.envmon.ingest..").should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.envmon.gateway..", "org.envmon.alerts..", "org.envmon.reports..",
                "org.envmon.calc..").check(classes);
    }
}
