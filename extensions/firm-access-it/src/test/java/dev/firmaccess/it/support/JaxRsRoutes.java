package dev.firmaccess.it.support;

import dev.firmaccess.testing.TestEnvironment;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The operations a JAX-RS resource tree really offers, found by reflection over its annotations:
 * resource methods, and sub-resource locators (a {@code @Path} without an HTTP method) followed by
 * their return type. Each operation reads {@code "GET /a/{}/b"}: every path parameter is {@code {}},
 * and a parameter restricted to literal alternatives, such as {@code {type:users|teams}}, becomes
 * one path per alternative.
 */
public final class JaxRsRoutes {

    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*[\\w.-]+\\s*(?::\\s*([^}]*))?}");
    private static final Pattern LITERAL_ALTERNATIVES = Pattern.compile("[\\w-]+(\\|[\\w-]+)+");

    private JaxRsRoutes() {
    }

    /** The operations of the resource class with this name in the provider jar, mounted at the given path. */
    public static Set<String> of(String resourceClass, String mount) {
        Set<String> routes = new TreeSet<>();
        try (ProviderClasses classes = new ProviderClasses()) {
            collect(Class.forName(resourceClass, false, classes), mount, routes);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(resourceClass + " is not in the provider jar", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return routes;
    }

    /** The value of a public static String field of a class in the provider jar, such as a provider id. */
    public static String constant(String className, String field) {
        try (ProviderClasses classes = new ProviderClasses()) {
            return (String) Class.forName(className, true, classes).getField(field).get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(className + "." + field + " is not in the provider jar", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path template in the same form as the discovered routes. */
    public static List<String> normalize(String template) {
        List<String> paths = new ArrayList<>(List.of(""));
        for (String segment : template.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            List<String> alternatives = alternatives(segment);
            paths = paths.stream().flatMap(path -> alternatives.stream().map(alt -> path + "/" + alt)).toList();
        }
        return paths;
    }

    private static void collect(Class<?> resource, String prefix, Set<String> routes) {
        for (Method method : resource.getMethods()) {
            Optional<String> verb = httpMethod(method);
            Path path = method.getAnnotation(Path.class);
            String full = path == null ? prefix : prefix + "/" + path.value();
            if (verb.isPresent()) {
                normalize(full).forEach(concrete -> routes.add(verb.get() + " " + concrete));
            } else if (path != null) {
                collect(method.getReturnType(), full, routes);
            }
        }
    }

    private static Optional<String> httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(Annotation::annotationType)
                .map(type -> type.getAnnotation(HttpMethod.class))
                .filter(Objects::nonNull)
                .map(HttpMethod::value)
                .findFirst();
    }

    private static List<String> alternatives(String segment) {
        Matcher parameter = PARAMETER.matcher(segment);
        if (!parameter.matches()) {
            return List.of(segment);
        }
        String regex = parameter.group(1) == null ? "" : parameter.group(1).trim();
        return LITERAL_ALTERNATIVES.matcher(regex).matches() ? List.of(regex.split("\\|")) : List.of("{}");
    }

    /**
     * Loads the provider jar the server runs with the jars of the Keycloak distribution under
     * test, apart from the test's own class path: linking the resources needs Keycloak's classes,
     * and those on the test class path would clash with the admin client's. Only the JAX-RS API
     * is shared, so that the annotations read here are the test's own types.
     */
    private static final class ProviderClasses extends URLClassLoader {

        private static final String SHARED_PACKAGE = "jakarta.ws.rs.";

        ProviderClasses() {
            super("firm-access-provider", jars(), ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            return name.startsWith(SHARED_PACKAGE)
                    ? JaxRsRoutes.class.getClassLoader().loadClass(name)
                    : super.loadClass(name, resolve);
        }

        private static URL[] jars() {
            java.nio.file.Path distributionJars = java.nio.file.Path.of(
                    System.getProperty("keycloak.home"), "lib", "lib", "main");
            try (Stream<java.nio.file.Path> jars = Files.list(distributionJars)) {
                return Stream.concat(Stream.of(TestEnvironment.providerJar()),
                                jars.filter(jar -> jar.toString().endsWith(".jar")))
                        .map(ProviderClasses::url)
                        .toArray(URL[]::new);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static URL url(java.nio.file.Path jar) {
            try {
                return jar.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }
}
