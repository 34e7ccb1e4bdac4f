package dev.firmaccess.keycloak.api;

import dev.firmaccess.keycloak.admin.FirmAccessSetUp;
import dev.firmaccess.keycloak.core.StatelessProviderFactory;
import dev.firmaccess.keycloak.events.AccessEvents;
import dev.firmaccess.keycloak.events.EventDelivery;
import dev.firmaccess.keycloak.invitation.InvitationRepository;
import dev.firmaccess.keycloak.mail.MailDelivery;
import dev.firmaccess.keycloak.outbox.OutboxWorker;
import dev.firmaccess.keycloak.portal.PortalMembershipRepository;
import dev.firmaccess.keycloak.programmatic.ConnectionKeyCleanup;
import java.util.List;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.PostMigrationEvent;

public final class FirmAccessJpaEntityProviderFactory implements JpaEntityProviderFactory,
        StatelessProviderFactory<JpaEntityProvider> {

    public static final String PROVIDER_ID = "firm-access";

    private static final JpaEntityProvider INSTANCE = new FirmAccessJpaEntityProvider();

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return INSTANCE;
    }

    /**
     * The one place that registers the extension's listeners: the cleanup on Keycloak's removals (the
     * firm's rows, and the connection keys, which live exactly as long as the membership, user, firm
     * and realm they act for), the set-up of a realm created with Firm Access on, the joiner rules
     * applied (or the joining recorded) when someone becomes a member of a firm, the access events of audited
     * changes, and this node's outbox worker, once the database is migrated.
     */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(FirmDataCleanup::onEvent);
        factory.register(ConnectionKeyCleanup::onEvent);
        factory.register(FirmAccessSetUp::onEvent);
        factory.register(FirmMemberJoins::onEvent);
        factory.register(AccessEvents::onEvent);
        factory.register(event -> {
            if (event instanceof PostMigrationEvent migrated) {
                OutboxWorker.start(migrated.getFactory(), List.of(
                        new MailDelivery(List.of(InvitationRepository::new, PortalMembershipRepository::new)),
                        new EventDelivery()));
            }
        });
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
