package dev.kippu;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The layering Kippu's packages promise. A feature's root package ({@code dev.kippu.event}, ...) is
 * its domain: plain Java and Spring's stereotypes, no AWS, web, GraphQL or security types. Its
 * sub-packages ({@code dev.kippu.event.dynamo}, {@code dev.kippu.event.graphql}, ...) are adapters,
 * which may use the domain of any feature but not another feature's adapters.
 */
class ArchitectureTest {

    private static final List<String> FEATURES = List.of("dev.kippu.event", "dev.kippu.booking", "dev.kippu.account", "dev.kippu.media",
            "dev.kippu.notification", "dev.kippu.common");

    private static final DescribedPredicate<JavaClass> DOMAIN =
            describe("are in a feature's domain (" + String.join(", ", FEATURES) + ")", type -> FEATURES.contains(type.getPackageName()));

    private static final DescribedPredicate<JavaClass> ADAPTER =
            describe("are in a feature's adapter (a sub-package of " + String.join(", ", FEATURES) + ")", type -> featureOfAdapter(type).isPresent());

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // the stand-ins and the contract suite's client side, test dependencies
                .withImportOption(location -> !location.contains("/dev/kippu/local/") && !location.contains("/dev/kippu/contract/"))
                .importPackages("dev.kippu");
    }

    @Test
    void theDomainKnowsNoInfrastructure() {
        noClasses().that(DOMAIN)
                .should().dependOnClassesThat(resideInAnyPackage(
                        "software.amazon..",
                        "org.springframework.web..",
                        "org.springframework.graphql..",
                        "graphql..",
                        "jakarta.servlet..",
                        "org.springframework.security..",
                        "dev.kippu.platform.."))
                .check(production);
    }

    @Test
    void theDomainKnowsNoAdapter() {
        noClasses().that(DOMAIN).should().dependOnClassesThat(ADAPTER).check(production);
    }

    @Test
    void adaptersOfOneFeatureDoNotUseAnotherFeaturesAdapters() {
        classes().that(ADAPTER).should(useNoAdapterOfAnotherFeature()).check(production);
    }

    @Test
    void commonDependsOnNoOtherKippuPackage() {
        noClasses().that().resideInAPackage("dev.kippu.common..")
                .should().dependOnClassesThat(resideInAPackage("dev.kippu..").and(DescribedPredicate.not(resideInAPackage("dev.kippu.common.."))))
                .check(production);
    }

    @Test
    void thePlatformKnowsNoFeature() {
        noClasses().that().resideInAPackage("dev.kippu.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.kippu.event..", "dev.kippu.booking..", "dev.kippu.account..", "dev.kippu.media..", "dev.kippu.notification..")
                .because("a feature plugs into the platform (a bean, a converter), never the other way round; "
                        + "only the shared kernel dev.kippu.common is known to both")
                .check(production);
    }

    /** booking and media on top, then notification, event, account; common under all of them, platform beside. */
    @Test
    void featuresDependOnEachOtherInOneOrder() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("booking").definedBy("dev.kippu.booking..")
                .layer("media").definedBy("dev.kippu.media..")
                .layer("notification").definedBy("dev.kippu.notification..")
                .layer("event").definedBy("dev.kippu.event..")
                .layer("account").definedBy("dev.kippu.account..")
                .layer("common").definedBy("dev.kippu.common..")
                .layer("platform").definedBy("dev.kippu.platform..")
                .whereLayer("booking").mayNotBeAccessedByAnyLayer()
                .whereLayer("media").mayNotBeAccessedByAnyLayer()
                .whereLayer("notification").mayOnlyBeAccessedByLayers("booking")
                .whereLayer("event").mayOnlyBeAccessedByLayers("booking", "media", "notification")
                .whereLayer("account").mayOnlyBeAccessedByLayers("booking", "media", "notification", "event")
                .check(production);
    }

    private static ArchCondition<JavaClass> useNoAdapterOfAnotherFeature() {
        return new ArchCondition<>("use no adapter of another feature") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String feature = featureOfAdapter(type).orElseThrow();
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    Optional<String> other = featureOfAdapter(dependency.getTargetClass());
                    if (other.isPresent() && !other.get().equals(feature)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** The feature whose adapter {@code type} is, if it is one: the feature root its package lies strictly under. */
    private static Optional<String> featureOfAdapter(JavaClass type) {
        String name = type.getPackageName();
        return FEATURES.stream().filter(feature -> name.startsWith(feature + ".")).findFirst();
    }
}
