package io.ferry.app.cost;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The cost model knows nothing of JavaFX, and the view model touches no control or scene node. */
class CostLayeringTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ferry.cost", "io.ferry.app.cost");

    @Test
    void theEngineCostPackageDoesNotUseJavaFx() {
        noClasses().that().resideInAPackage("io.ferry.cost..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void theViewModelTouchesNoControl() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel").or().haveSimpleName("NodeGroupRow")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(classes);
    }
}
