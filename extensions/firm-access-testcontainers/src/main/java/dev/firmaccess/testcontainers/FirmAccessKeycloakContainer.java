package dev.firmaccess.testcontainers;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import dev.firmaccess.testing.FirmFixture;
import dev.firmaccess.testing.FixtureLoader;
import dev.firmaccess.testing.LoadedFirm;
import dev.firmaccess.testing.ProviderJarOnClasspath;
import java.nio.file.Path;
import java.util.List;

/**
 * The official Keycloak image with the Firm Access provider installed and the features it needs,
 * for tests on machines with Docker; loads the same fixtures as the distribution-based kit.
 * Organizations are on by default in Keycloak 26; {@code declarative-ui} shows the extension's tab
 * in the admin console.
 */
public class FirmAccessKeycloakContainer extends KeycloakContainer {

    /** The image of the Keycloak version this extension is built and tested with. */
    public static final String IMAGE = "quay.io/keycloak/keycloak:26.7.3";

    /** The features the extension needs beyond Keycloak's defaults. */
    static final String[] FEATURES = {"declarative-ui"};

    /** The official image, with the provider jar found on the test's classpath. */
    public FirmAccessKeycloakContainer() {
        this(IMAGE, ProviderJarOnClasspath.find());
    }

    public FirmAccessKeycloakContainer(String image, Path providerJar) {
        super(image);
        withProviderLibsFrom(List.of(providerJar.toFile()));
        withFeaturesEnabled(FEATURES);
    }

    /** Creates the fixture's realm with its firm and people in the running container. */
    public LoadedFirm load(FirmFixture fixture) {
        return FixtureLoader.load(getAuthServerUrl(), getKeycloakAdminClient(), fixture);
    }
}
