package dev.firmaccess.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes the one {@link TestEnvironment} of the run (Keycloak on in-memory H2) and the
 * one {@link PostgresEnvironment}: the first class that asks for either starts it, JUnit closes
 * it when the run ends.
 */
public final class SharedServerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedServerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestEnvironment.class || type == PostgresEnvironment.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == PostgresEnvironment.class) {
            return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
                    "postgres", key -> PostgresEnvironment.start(), PostgresEnvironment.class);
        }
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
                "h2", key -> TestEnvironment.start("h2", Database.h2InMemory()), TestEnvironment.class);
    }
}
