package dev.firmaccess.keycloak.storage;

import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** The entity manager of Keycloak's own database, in the transaction of the session. */
public final class Jpa {

    private Jpa() {
    }

    public static EntityManager entityManager(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
