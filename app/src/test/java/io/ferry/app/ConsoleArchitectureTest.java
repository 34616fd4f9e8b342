package io.ferry.app;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.ferry.config.Secret;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The console's layering: it reaches the engine only through its client API, and view models touch no control. */
@AnalyzeClasses(packages = "io.ferry.app", importOptions = ImportOption.DoNotIncludeTests.class)
class ConsoleArchitectureTest {

    @ArchTest
    static final ArchRule consoleReachesTheEngineOnlyThroughTheClient = noClasses()
            .that().resideInAPackage("io.ferry.app..")
            .should().dependOnClassesThat(resideInAPackage("io.ferry..")
                    .and(not(resideInAnyPackage("io.ferry.app..", "io.ferry.client..", "io.ferry.cost..")))
                    .and(not(equivalentTo(Secret.class))))
            .because("the console must work the same against an in-process or a remote engine: only "
                    + "io.ferry.client (and the masked io.ferry.config.Secret) are its API; io.ferry.cost is "
                    + "pure calculation over a shipped catalogue, touches no server, and runs in the console itself");

    @ArchTest
    static final ArchRule viewModelsTouchNoControl = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..")
            .because("a view model exposes properties and commands and is tested without a screen");

    @ArchTest
    static final ArchRule taskAbstractionIsPlainJava = noClasses()
            .that().resideInAPackage("io.ferry.app.task..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the background-task abstraction is plain Java; io.ferry.app.fx adapts it to the FX thread");
}
