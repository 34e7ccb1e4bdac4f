package dev.firmaccess.keycloak.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture.md: dependencies point one way, the leaf packages stay
 * leaves, and the domain speaks in domain errors, never in HTTP.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.firmaccess.keycloak";

    private static final JavaClasses PROVIDER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /**
     * Domain classes: the domain core, the storage base, every entity and repository, and the
     * services and policies of each capability. They throw {@code FirmAccessException}; the
     * resources, pages and mappers at the edges turn it into HTTP.
     */
    private static final DescribedPredicate<JavaClass> DOMAIN = DescribedPredicate.describe(
            "domain classes (core, storage, *Entity, *Repository, *Service, *Policy)",
            type -> type.getPackageName().equals(ROOT + ".core")
                    || type.getPackageName().equals(ROOT + ".storage")
                    || hasSuffix(type, "Entity", "Repository", "Service", "Policy"));

    @Test
    void noPackageCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(PROVIDER);
    }

    @Test
    void theDomainCoreDependsOnNoOtherPackageOfTheProvider() {
        noClasses().that().resideInAPackage(ROOT + ".core..")
                .should().dependOnClassesThat(otherProviderPackagesThan("core"))
                .check(PROVIDER);
    }

    @Test
    void webHoldsLeafHelpersThatImportNoCapability() {
        noClasses().that().resideInAPackage(ROOT + ".web..")
                .should().dependOnClassesThat(otherProviderPackagesThan("web", "core"))
                .check(PROVIDER);
    }

    @Test
    void storageHoldsBaseHelpersThatImportNoCapability() {
        noClasses().that().resideInAPackage(ROOT + ".storage..")
                .should().dependOnClassesThat(otherProviderPackagesThan("storage", "core"))
                .check(PROVIDER);
    }

    @Test
    void domainClassesDoNotUseJaxRs() {
        noClasses().that(DOMAIN)
                .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
                .check(PROVIDER);
    }

    @Test
    void domainClassesDoNotThrowKeycloakHttpErrors() {
        noClasses().that(DOMAIN)
                .should().dependOnClassesThat().resideInAPackage("org.keycloak.services.error..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.keycloak.services.ErrorResponseException")
                .check(PROVIDER);
    }

    @Test
    void onlyTheApiPackageRegistersTheJpaEntitiesAndTheRealmResource() {
        classes().that().implement("org.keycloak.connections.jpa.entityprovider.JpaEntityProvider")
                .or().implement("org.keycloak.services.resource.RealmResourceProviderFactory")
                .should().resideInAPackage(ROOT + ".api")
                .check(PROVIDER);
    }

    private static DescribedPredicate<JavaClass> otherProviderPackagesThan(String... allowed) {
        return DescribedPredicate.describe("belong to another package of the provider than " + String.join(", ", allowed),
                type -> {
                    if (!type.getPackageName().startsWith(ROOT + ".")) {
                        return false;
                    }
                    String top = type.getPackageName().substring(ROOT.length() + 1).split("\\.")[0];
                    for (String name : allowed) {
                        if (name.equals(top)) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    private static boolean hasSuffix(JavaClass type, String... suffixes) {
        String name = type.getSimpleName();
        for (String suffix : suffixes) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }
}
