package org.traytalk;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.Arrays;
import java.util.List;

/**
 * The import picture of the main code: no package cycles, and every arrow points down the layers below. Layers that
 * do not exist yet are allowed to be empty; a top-level package that is in no layer fails, so it gets its place here.
 */
@AnalyzeClasses(packages = "org.traytalk", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

    /** Bottom to top: a layer may use the layers below it, never one above it. */
    private static final List<Layer> LAYERS = List.of(
            new Layer("threads", "org.traytalk.concurrent.."),
            new Layer("flow control", "org.traytalk.flow.."),
            new Layer("model", "org.traytalk.model.."),
            new Layer("text", "org.traytalk.text.."),
            new Layer("wire codecs", "org.traytalk.wire.."),
            new Layer("crypto", "org.traytalk.crypto.."),
            new Layer("noise", "org.traytalk.noise.."),
            new Layer("carriers", "org.traytalk.carrier.."),
            new Layer("store", "org.traytalk.store.."),
            new Layer("trust", "org.traytalk.trust..", "org.traytalk.secure.."),
            new Layer("engine", "org.traytalk.engine.."),
            new Layer("config", "org.traytalk.config.."),
            new Layer("platform", "org.traytalk.platform.."),
            new Layer("control", "org.traytalk.control.."),
            new Layer("cli", "org.traytalk.cli.."),
            new Layer("tray model", "org.traytalk.tray.model.."),
            new Layer("tray", "org.traytalk.tray", "org.traytalk.tray.window..", "org.traytalk.tray.desktop.."),
            new Layer("app", "org.traytalk.app.."));

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.traytalk.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noUpwardArrows = layers();

    @ArchTest
    static final ArchRule everyPackageHasALayer = classes().should().resideInAnyPackage(
                    LAYERS.stream().flatMap(l -> Arrays.stream(l.packages())).toArray(String[]::new))
            .because("the package tree is the architecture: a new package gets its place in ArchitectureTest.LAYERS");

    @ArchTest
    static final ArchRule carriersKnowNothingAbove = noClasses()
            .that().resideInAPackage("org.traytalk.carrier..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.traytalk.engine..", "org.traytalk.store..", "org.traytalk.config..")
            .because("a carrier moves bytes; the assembly hands it its options");

    @ArchTest
    static final ArchRule codecsArePure = classes()
            .that().resideInAPackage("org.traytalk.wire..")
            .should().onlyDependOnClassesThat(resideInAnyPackage("org.traytalk.wire..", "org.traytalk.model..", "java.."))
            .because("codecs are pure: bytes in, records out, nothing but the model and the JDK");

    @ArchTest
    static final ArchRule trayModelHasNoSwing = noClasses()
            .that().resideInAPackage("org.traytalk.tray.model..")
            .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.swing..")
            .because("tray.model keeps the UI's state where it is tested without a screen");

    private static LayeredArchitecture layers() {
        LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true);
        for (Layer layer : LAYERS) {
            rule = rule.layer(layer.name()).definedBy(layer.packages());
        }
        for (int i = 0; i < LAYERS.size() - 1; i++) {
            String[] above = LAYERS.subList(i + 1, LAYERS.size()).stream().map(Layer::name).toArray(String[]::new);
            rule = rule.whereLayer(LAYERS.get(i).name()).mayOnlyBeAccessedByLayers(above);
        }
        return rule.whereLayer(LAYERS.get(LAYERS.size() - 1).name()).mayNotBeAccessedByAnyLayer();
    }

    private record Layer(String name, String... packages) {
    }
}
