package io.rlarena;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The package rules of DESIGN.md: environments stay pure Java, dependencies point one way. */
@AnalyzeClasses(packages = "io.rlarena", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule environmentsDoNotTouchNd4jOrDl4j = noClasses()
            .that().resideInAnyPackage("io.rlarena.env..", "io.rlarena.envs..")
            .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.deeplearning4j..");

    @ArchTest
    static final ArchRule environmentApiDependsOnNothingElseOfOurs = noClasses()
            .that().resideInAPackage("io.rlarena.env..")
            .should().dependOnClassesThat().resideInAnyPackage("io.rlarena.envs..", "io.rlarena.nn..",
                    "io.rlarena.agent..", "io.rlarena.train..", "io.rlarena.cli..", "io.rlarena.rl4j..");

    @ArchTest
    static final ArchRule onlyTheCliUsesPicocli = noClasses()
            .that().resideOutsideOfPackage("io.rlarena.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..", "me.tongfei..");

    @ArchTest
    static final ArchRule onlyTheRl4jPackageUsesRl4j = noClasses()
            .that().resideOutsideOfPackage("io.rlarena.rl4j..")
            .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j.rl4j..", "org.deeplearning4j.gym..");

    @ArchTest
    static final ArchRule onlyTheRecordPackageDrawsCharts = noClasses()
            .that().resideOutsideOfPackage("io.rlarena.record..")
            .should().dependOnClassesThat().resideInAnyPackage("org.knowm.xchart..");

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("io.rlarena.(*)..").should().beFreeOfCycles();
}
