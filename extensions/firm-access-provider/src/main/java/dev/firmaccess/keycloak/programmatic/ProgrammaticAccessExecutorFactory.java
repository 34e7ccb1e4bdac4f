package dev.firmaccess.keycloak.programmatic;

import dev.firmaccess.keycloak.core.StatelessProviderFactory;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

/** Registers the {@link ProgrammaticAccessExecutor}; {@link ProgrammaticAccessPolicy} puts it in each realm that uses keys. */
public final class ProgrammaticAccessExecutorFactory implements ClientPolicyExecutorProviderFactory,
        StatelessProviderFactory<ClientPolicyExecutorProvider> {

    public static final String PROVIDER_ID = "firm-access-programmatic-access";

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new ProgrammaticAccessExecutor(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Firm Access: refuses refresh, introspection and userinfo for sessions created from a connection key"
                + " while its user's programmatic access is off, their key is revoked or they left the firm.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
