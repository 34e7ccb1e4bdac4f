package dev.firmaccess.keycloak.programmatic;

import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;

/**
 * Deletes connection keys together with what they act for, in the transaction of the removal:
 * a member who leaves a firm and is invited back later does not find old keys working again.
 */
public final class ConnectionKeyCleanup {

    private ConnectionKeyCleanup() {
    }

    public static void onEvent(ProviderEvent event) {
        if (event instanceof OrganizationModel.OrganizationMemberLeaveEvent left) {
            delete(left.getSession(), "k.organizationId = :org and k.userId = :user",
                    left.getOrganization().getId(), left.getUser().getId());
        } else if (event instanceof UserModel.UserRemovedEvent removed) {
            delete(removed.getKeycloakSession(), "k.userId = :user", null, removed.getUser().getId());
        } else if (event instanceof OrganizationModel.OrganizationRemovedEvent removed) {
            delete(removed.getKeycloakSession(), "k.organizationId = :org", removed.getOrganization().getId(), null);
        } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
            em(removed.getKeycloakSession())
                    .createQuery("delete from ConnectionKeyEntity k where k.realmId = :realm")
                    .setParameter("realm", removed.getRealm().getId())
                    .executeUpdate();
        }
    }

    private static void delete(KeycloakSession session, String condition, String organizationId, String userId) {
        var query = em(session).createQuery("delete from ConnectionKeyEntity k where " + condition);
        if (organizationId != null) {
            query.setParameter("org", organizationId);
        }
        if (userId != null) {
            query.setParameter("user", userId);
        }
        query.executeUpdate();
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
