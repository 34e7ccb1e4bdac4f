package dev.firmaccess.testing;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Finds the provider jar among the test's dependencies by a file only the provider carries. */
public final class ProviderJarOnClasspath {

    /** The provider's OpenAPI document: no other jar has it. */
    static final String MARKER = "META-INF/firm-access/openapi.yaml";

    private ProviderJarOnClasspath() {
    }

    /** The provider jar on the current thread's classpath; throws saying what to do when there is none. */
    public static Path find() {
        return find(Thread.currentThread().getContextClassLoader());
    }

    static Path find(ClassLoader loader) {
        URL marker = loader.getResource(MARKER);
        if (marker == null) {
            throw new IllegalStateException("The firm-access-provider jar is not on the classpath. Add the test"
                    + " dependency dev.firmaccess:firm-access-provider, or give the builder its path with providerJar(Path).");
        }
        if (!"jar".equals(marker.getProtocol())) {
            throw new IllegalStateException("The provider is on the classpath as a folder (" + marker
                    + "), not as a jar; Keycloak installs jars only. Give the builder the jar with providerJar(Path).");
        }
        String file = marker.getPath().substring(0, marker.getPath().indexOf("!/"));
        try {
            return Path.of(new URI(file));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Unreadable location of the provider jar: " + marker, e);
        }
    }
}
