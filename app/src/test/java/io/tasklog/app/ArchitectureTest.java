package io.tasklog.app;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.serialization.Revision;

/** Dependencies point one way: contracts ← command-side / projections ← query-side ← app. */
@AnalyzeClasses(packages = "io.tasklog", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Axon's routing annotations, and {@code @Revision}: the version of an event's stored form. */
    @ArchTest
    static final ArchRule contractsAreFrameworkFree = classes().that().resideInAPackage("io.tasklog.api..")
            .should().onlyDependOnClassesThat(resideInAnyPackage("io.tasklog.api..", "java..",
                    "org.axonframework.modelling.command..").or(equivalentTo(Revision.class)));

    @ArchTest
    static final ArchRule commandSideKnowsOnlyTheContracts = noClasses().that().resideInAPackage("io.tasklog.command..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tasklog.projections..", "io.tasklog.query..",
                    "io.tasklog.app..");

    @ArchTest
    static final ArchRule projectionsKnowOnlyTheContracts = noClasses().that().resideInAPackage("io.tasklog.projections..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tasklog.command..", "io.tasklog.query..",
                    "io.tasklog.app..");

    @ArchTest
    static final ArchRule querySideNeverReachesTheWriteSide = noClasses().that().resideInAPackage("io.tasklog.query..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tasklog.command..", "io.tasklog.app..");
}
