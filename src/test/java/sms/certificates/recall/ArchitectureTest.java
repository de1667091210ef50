package sms.certificates.recall;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The shape of the code, cheaply checked: the decision is plain Java, adapters depend inwards, no cycles. */
class ArchitectureTest {

    private static final String ROOT = "sms.certificates.recall";

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void theDecisionIsPlainJava() {
        classes().that().resideInAPackage(ROOT + ".decision..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".decision..", "java..")
                .check(classes);
    }

    @Test
    void theSerdeKnowsNothingOfSpringOrTheWorker() {
        noClasses().that().resideInAPackage(ROOT + ".serde..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "sms.certificates.recall",
                        ROOT + ".decision..", ROOT + ".store..", ROOT + ".intake..", ROOT + ".outcome..",
                        ROOT + ".processing..")
                .check(classes);
    }

    @Test
    void theStoreKnowsNothingOfKafka() {
        noClasses().that().resideInAPackage(ROOT + ".store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..",
                        "org.apache.avro..", ROOT + ".intake..", ROOT + ".outcome..", ROOT + ".processing..")
                .check(classes);
    }

    @Test
    void nothingDependsOnTheListener() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".intake..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".intake..")
                .check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}
