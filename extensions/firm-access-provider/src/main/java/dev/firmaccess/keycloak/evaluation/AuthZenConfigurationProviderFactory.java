package dev.firmaccess.keycloak.evaluation;

import dev.firmaccess.keycloak.api.FirmAccessRealmResourceProviderFactory;
import dev.firmaccess.keycloak.core.StatelessProviderFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.Urls;
import org.keycloak.wellknown.WellKnownProvider;
import org.keycloak.wellknown.WellKnownProviderFactory;

/**
 * The AuthZEN Policy Decision Point metadata of a realm. Keycloak serves it at
 * {@code /realms/{realm}/.well-known/authzen-configuration} and, because it is available via
 * server metadata, also at the RFC 8615 form {@code /.well-known/authzen-configuration/realms/{realm}}
 * that the specification derives from the PDP identifier {@code {base}/realms/{realm}}. Every
 * endpoint is listed, as absolute URLs, since none is at the default path below that identifier.
 */
public final class AuthZenConfigurationProviderFactory implements WellKnownProviderFactory,
        StatelessProviderFactory<WellKnownProvider> {

    public static final String PROVIDER_ID = "authzen-configuration";

    @Override
    public WellKnownProvider create(KeycloakSession session) {
        return new WellKnownProvider() {
            @Override
            public Object getConfig() {
                return metadata(session);
            }

            @Override
            public void close() {
            }
        };
    }

    static Map<String, Object> metadata(KeycloakSession session) {
        String realmUrl = Urls.realmIssuer(session.getContext().getUri().getBaseUri(),
                session.getContext().getRealm().getName());
        String api = realmUrl + "/" + FirmAccessRealmResourceProviderFactory.PROVIDER_ID + "/access/v1/";
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("policy_decision_point", realmUrl);
        metadata.put("access_evaluation_endpoint", api + "evaluation");
        metadata.put("access_evaluations_endpoint", api + "evaluations");
        metadata.put("search_subject_endpoint", api + "search/subject");
        metadata.put("search_resource_endpoint", api + "search/resource");
        metadata.put("search_action_endpoint", api + "search/action");
        // Only parameters of the specification's metadata registry: it allows no others in the document.
        return metadata;
    }

    @Override
    public boolean isAvailableViaServerMetadata() {
        return true;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
