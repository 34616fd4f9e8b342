package io.ferry;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The engine knows nothing of the console: it runs headless on servers, and the console is one of its clients
 * (in-process or over HTTP), reaching it only through {@code io.ferry.client}.
 */
@AnalyzeClasses(packages = "io.ferry", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engineDoesNotUseJavaFx = noClasses()
            .that().resideInAPackage("io.ferry..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "com.sun.glass..")
            .because("the engine runs headless; JavaFX belongs to the console (app module) only");

    @ArchTest
    static final ArchRule engineDoesNotUseTheConsole = noClasses()
            .that().resideInAPackage("io.ferry..")
            .should().dependOnClassesThat().resideInAPackage("io.ferry.app..")
            .because("the console is a client of the engine, never the other way round");

    @ArchTest
    static final ArchRule engineHasNoConsoleClasses = noClasses()
            .should().resideInAPackage("io.ferry.app..")
            .because("io.ferry.app is the console's package; engine code lives in capability packages");
}
