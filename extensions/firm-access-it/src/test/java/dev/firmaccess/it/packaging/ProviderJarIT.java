package dev.firmaccess.it.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.testing.KeycloakDistribution;
import dev.firmaccess.testing.TestEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The provider jar against the distribution it is dropped into: it carries no class that Keycloak
 * already ships (two copies of a class on one class path is the accident that breaks at run
 * time), and its OpenCSV copy is relocated, so a Keycloak without OpenCSV still reads CSV. The
 * CSV import and export themselves run on the distribution's class path in the executable
 * documentation and the portal tests.
 */
class ProviderJarIT {

    private static final String SHADED_OPENCSV = "dev/firmaccess/keycloak/shaded/opencsv/";

    @Test
    void theProviderJarCarriesNoClassTheDistributionShips() throws IOException {
        Set<String> providerClasses = classesOf(TestEnvironment.providerJar());
        Map<String, String> shippedBy = new HashMap<>();
        Path libraries = KeycloakDistribution.fromSystemProperty().pristineHome().resolve("lib/lib/main");
        List<Path> jars;
        try (Stream<Path> files = Files.list(libraries)) {
            jars = files.filter(file -> file.toString().endsWith(".jar")).toList();
        }
        assertThat(jars).as("jars in %s", libraries).isNotEmpty();
        for (Path jar : jars) {
            classesOf(jar).forEach(name -> shippedBy.putIfAbsent(name, jar.getFileName().toString()));
        }

        Map<String, String> duplicates = providerClasses.stream().filter(shippedBy::containsKey)
                .collect(Collectors.toMap(name -> name, shippedBy::get));

        assertThat(duplicates).as("classes of the provider jar that Keycloak's lib/lib/main already has").isEmpty();
    }

    @Test
    void openCsvIsRelocatedIntoTheProviderAndNothingElseIsShaded() throws IOException {
        Set<String> providerClasses = classesOf(TestEnvironment.providerJar());

        assertThat(providerClasses).as("the CSV reader and writer the provider uses")
                .contains(SHADED_OPENCSV + "CSVReader.class", SHADED_OPENCSV + "CSVWriter.class");
        assertThat(providerClasses).as("only the provider's own packages")
                .allMatch(name -> name.startsWith("dev/firmaccess/keycloak/"));
    }

    private static Set<String> classesOf(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName)
                    .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/"))
                    .filter(name -> !name.endsWith("module-info.class") && !name.endsWith("package-info.class"))
                    .collect(Collectors.toSet());
        }
    }
}
