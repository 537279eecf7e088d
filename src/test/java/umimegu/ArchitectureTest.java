package umimegu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape of the code, checked on the compiled classes: no package depends on itself through
 * others, front ends sit on the wiring and the core, and each outside library stays in the one
 * package that adapts it (Javacord is no longer developed; DL4J, JDBC, OpenCV and picocli could
 * each be swapped).
 */
@AnalyzeClasses(packages = "umimegu", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] CORE = {
        "umimegu.model..",
        "umimegu.dataset..",
        "umimegu.recognition..",
        "umimegu.vision..",
        "umimegu.history",
        "umimegu.common..",
        "umimegu.chart..",
        "umimegu.demo..",
        "umimegu.teaching.."
    };

    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("umimegu.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule frontEndsOnWiringOnCore = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("front ends")
            .definedBy("umimegu.cli..", "umimegu.chat.discord..", "umimegu.chat.console..", "umimegu.web..")
            .layer("benchmarks")
            .definedBy("umimegu.bench..")
            .layer("wiring")
            .definedBy("umimegu.app..")
            .layer("chat core")
            .definedBy("umimegu.chat")
            .layer("texts")
            .definedBy("umimegu.report..")
            .layer("use cases")
            .definedBy("umimegu.usecase..")
            .layer("config")
            .definedBy("umimegu.config..")
            .layer("adapters")
            .definedBy("umimegu.history.jdbc..")
            .layer("core")
            .definedBy(CORE)
            .whereLayer("front ends")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("benchmarks")
            .mayOnlyBeAccessedByLayers("front ends")
            .whereLayer("wiring")
            .mayOnlyBeAccessedByLayers("front ends", "benchmarks")
            .whereLayer("adapters")
            .mayOnlyBeAccessedByLayers("wiring", "benchmarks")
            .whereLayer("chat core")
            .mayOnlyBeAccessedByLayers("front ends", "benchmarks", "wiring", "config")
            .whereLayer("config")
            .mayOnlyBeAccessedByLayers("front ends", "benchmarks", "wiring")
            .whereLayer("texts")
            .mayOnlyBeAccessedByLayers("front ends", "wiring", "chat core")
            .whereLayer("use cases")
            .mayOnlyBeAccessedByLayers("front ends", "benchmarks", "wiring", "chat core", "texts");

    @ArchTest
    static final ArchRule javacordOnlyInTheDiscordAdapter = noClasses()
            .that()
            .resideOutsideOfPackage("umimegu.chat.discord..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.javacord..");

    @ArchTest
    static final ArchRule deeplearning4jOnlyInModel = noClasses()
            .that()
            .resideOutsideOfPackage("umimegu.model..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.deeplearning4j..", "org.nd4j..", "org.datavec..");

    @ArchTest
    static final ArchRule enginePatchesOnlyUnderModel = noClasses()
            .that()
            .resideOutsideOfPackage("umimegu.model..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("umimegu.model.engine..");

    @ArchTest
    static final ArchRule enginePatchesKnowNoModel = noClasses()
            .that()
            .resideInAPackage("umimegu.model.engine..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("umimegu.model");

    @ArchTest
    static final ArchRule jdbcOnlyInTheJdbcAdapter = noClasses()
            .that()
            .resideOutsideOfPackage("umimegu.history.jdbc..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "javax.sql..", "org.h2..", "org.flywaydb..");

    @ArchTest
    static final ArchRule javalinOnlyInTheWebPage = noClasses()
            .that()
            .resideOutsideOfPackage("umimegu.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule picocliOnlyInTheCli = noClasses()
            .that()
            .resideOutsideOfPackage("umimegu.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("picocli..");

    @ArchTest
    static final ArchRule openCvOnlyInVision = noClasses()
            .that()
            .resideOutsideOfPackage("umimegu.vision..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.bytedeco..");

    @ArchTest
    static final ArchRule nativeCallsOnlyInVisionAndTheHeap = noClasses()
            .that()
            .resideOutsideOfPackage("umimegu.vision..")
            .and()
            .haveNameNotMatching("umimegu\\.common\\.NativeHeap(\\$.*)?")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.sun.jna..");

    @ArchTest
    static final ArchRule theCoreKnowsNoFrontEnd = noClasses()
            .that()
            .resideInAnyPackage(CORE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "umimegu.cli..",
                    "umimegu.app..",
                    "umimegu.chat..",
                    "umimegu.config..",
                    "umimegu.history.jdbc..",
                    "umimegu.bench..",
                    "umimegu.usecase..",
                    "umimegu.web..",
                    "umimegu.report..");

    @ArchTest
    static final ArchRule answersGoThroughTheClassifierPort = noClasses()
            .that()
            .resideInAnyPackage("umimegu.chat", "umimegu.recognition..", "umimegu.usecase..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("umimegu.model.Classifier")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("umimegu.model.StoredModel");
}
