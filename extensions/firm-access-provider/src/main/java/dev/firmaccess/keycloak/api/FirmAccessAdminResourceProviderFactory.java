package dev.firmaccess.keycloak.api;

import dev.firmaccess.keycloak.core.StatelessProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/** Mounts the realm-administrator API at {@code /admin/realms/{realm}/firm-access}. */
public final class FirmAccessAdminResourceProviderFactory implements AdminRealmResourceProviderFactory,
        StatelessProviderFactory<AdminRealmResourceProvider> {

    public static final String PROVIDER_ID = "firm-access";

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new AdminRealmResourceProvider() {
            @Override
            public Object getResource(KeycloakSession requestSession, org.keycloak.models.RealmModel realm,
                    org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator auth,
                    org.keycloak.services.resources.admin.AdminEventBuilder adminEvent) {
                return new FirmAccessAdminResource(requestSession, realm, auth, adminEvent);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
