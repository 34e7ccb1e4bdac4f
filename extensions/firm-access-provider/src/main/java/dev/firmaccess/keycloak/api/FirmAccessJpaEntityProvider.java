package dev.firmaccess.keycloak.api;

import dev.firmaccess.keycloak.access.BusinessEntity;
import dev.firmaccess.keycloak.access.GrantEntity;
import dev.firmaccess.keycloak.audit.AuditEntity;
import dev.firmaccess.keycloak.events.SubscriberEntity;
import dev.firmaccess.keycloak.firm.StaffEntity;
import dev.firmaccess.keycloak.invitation.InvitationEntity;
import dev.firmaccess.keycloak.mailquota.MailSentEntity;
import dev.firmaccess.keycloak.outbox.OutboxEntity;
import dev.firmaccess.keycloak.portal.PortalImportEntity;
import dev.firmaccess.keycloak.portal.PortalMembershipEntity;
import dev.firmaccess.keycloak.programmatic.ConnectionKeyEntity;
import dev.firmaccess.keycloak.webhook.WebhookEventEntity;
import dev.firmaccess.keycloak.webhook.WebhookSecretEntity;
import java.util.List;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

/** Registers the extension's entities and its Liquibase changelog with Keycloak's own database. */
final class FirmAccessJpaEntityProvider implements JpaEntityProvider {

    static final String CHANGELOG = "META-INF/firm-access-changelog.xml";

    private static final List<Class<?>> ENTITIES =
            List.of(StaffEntity.class, BusinessEntity.class, GrantEntity.class, AuditEntity.class,
                    ConnectionKeyEntity.class, InvitationEntity.class, PortalMembershipEntity.class,
                    MailSentEntity.class, WebhookSecretEntity.class, WebhookEventEntity.class, OutboxEntity.class,
                    SubscriberEntity.class, PortalImportEntity.class);

    @Override
    public List<Class<?>> getEntities() {
        return ENTITIES;
    }

    @Override
    public String getChangelogLocation() {
        return CHANGELOG;
    }

    @Override
    public String getFactoryId() {
        return FirmAccessJpaEntityProviderFactory.PROVIDER_ID;
    }

    @Override
    public void close() {
    }
}
