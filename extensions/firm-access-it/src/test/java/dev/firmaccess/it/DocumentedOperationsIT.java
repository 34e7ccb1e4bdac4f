package dev.firmaccess.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.it.support.JaxRsRoutes;
import dev.firmaccess.testing.OpenApiContract;
import dev.firmaccess.testing.TestEnvironment;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document and the code offer the same operations: every route the JAX-RS annotations
 * of the provider declare is documented, and every documented operation exists. The console's
 * pages are HTML for people, not API, and are left out; the discovery documents are served through
 * Keycloak's well-known endpoint under the provider's id.
 */
class DocumentedOperationsIT {

    private static final String REALM_ROOT = "/realms/{realm}/firm-access";
    private static final String CONSOLE = "/realms/{}/firm-access/console";

    @Test
    void theDocumentDescribesEveryOperationOfTheCodeAndNoOther() {
        Set<String> code = new TreeSet<>();
        JaxRsRoutes.of("dev.firmaccess.keycloak.api.FirmAccessRealmResource", REALM_ROOT).stream()
                .filter(route -> !route.substring(route.indexOf(' ') + 1).startsWith(CONSOLE))
                .forEach(code::add);
        code.addAll(JaxRsRoutes.of("dev.firmaccess.keycloak.api.FirmAccessAdminResource",
                "/admin/realms/{realm}/firm-access"));
        String wellKnown = JaxRsRoutes.constant(
                "dev.firmaccess.keycloak.evaluation.AuthZenConfigurationProviderFactory", "PROVIDER_ID");
        code.add("GET /realms/{}/.well-known/" + wellKnown);
        code.add("GET /.well-known/" + wellKnown + "/realms/{}");

        Set<String> documented = new TreeSet<>();
        for (String operation : OpenApiContract.fromProviderJar(TestEnvironment.providerJar()).operations()) {
            String method = operation.substring(0, operation.indexOf(' '));
            JaxRsRoutes.normalize(operation.substring(operation.indexOf(' ') + 1))
                    .forEach(path -> documented.add(method + " " + path));
        }

        assertThat(difference(code, documented)).as("operations of the code the document lacks").isEmpty();
        assertThat(difference(documented, code)).as("documented operations the code lacks").isEmpty();
        assertThat(code).as("routes found in the code").hasSizeGreaterThan(100);
    }

    private static Set<String> difference(Set<String> all, Set<String> without) {
        Set<String> rest = new TreeSet<>(all);
        rest.removeAll(without);
        return rest;
    }
}
