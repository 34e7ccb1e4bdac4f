package dev.firmaccess.keycloak.api;

import dev.firmaccess.keycloak.access.BusinessDirectory;
import dev.firmaccess.keycloak.access.GrantRepository;
import dev.firmaccess.keycloak.access.GrantSubjectType;
import dev.firmaccess.keycloak.audit.AuditLog;
import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.firm.MembershipAudit;
import dev.firmaccess.keycloak.firm.StaffRepository;
import dev.firmaccess.keycloak.settings.FirmAccessSwitch;
import dev.firmaccess.keycloak.staff.StaffService;
import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.provider.ProviderEvent;

/**
 * Keeps the extension's tables in step with Keycloak's own removals, in the transaction of the
 * removal: however a member leaves a firm (our API, the admin console, user deletion), their
 * role, grants and team memberships go at once, so access ends on the very next request.
 */
final class FirmDataCleanup {

    private FirmDataCleanup() {
    }

    static void onEvent(ProviderEvent event) {
        if (event instanceof OrganizationModel.OrganizationMemberLeaveEvent left) {
            memberLeft(left.getSession(), left.getOrganization(), left.getUser());
        } else if (event instanceof UserModel.UserRemovedEvent removed) {
            userRemoved(em(removed.getKeycloakSession()), removed.getUser().getId());
        } else if (event instanceof GroupModel.GroupRemovedEvent removed) {
            teamRemoved(em(removed.getKeycloakSession()), removed.getGroup().getId());
        } else if (event instanceof OrganizationModel.OrganizationRemovedEvent removed) {
            firmRemoved(em(removed.getKeycloakSession()), removed.getOrganization().getId());
            forgetBusinesses(removed.getKeycloakSession());
        } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
            realmRemoved(em(removed.getKeycloakSession()), removed.getRealm().getId());
        }
    }

    private static void memberLeft(KeycloakSession session, OrganizationModel firm, UserModel user) {
        EntityManager em = em(session);
        StaffRepository staff = new StaffRepository(em);
        RealmModel realm = session.getContext().getRealm();
        if (realm != null && FirmAccessSwitch.isOn(realm)
                && !MembershipAudit.isRecordedByThisRequest(session, MembershipAudit.Change.LEFT, firm.getId(), user.getId())) {
            auditRemovalByKeycloak(session, realm, firm, user, staff.roleOf(firm.getId(), user.getId()));
        }
        staff.deleteForUser(firm.getId(), user.getId());
        new GrantRepository(em).deleteForSubject(firm.getId(), GrantSubjectType.USER, user.getId());
        session.getProvider(OrganizationProvider.class).getOrganizationGroupsByMember(firm, user).toList()
                .forEach(user::leaveGroup);
    }

    /**
     * A member removed outside the firm API, e.g. in Keycloak's own Organizations pages, is recorded
     * in the firm's audit trail like any removal (and so reaches the access-event subscribers).
     * Keycloak raises its own admin event for the removal, so the record raises none.
     */
    private static void auditRemovalByKeycloak(KeycloakSession session, RealmModel realm, OrganizationModel firm,
            UserModel user, StaffRole role) {
        StaffService.recordRemoval(
                new AuditLog(session, realm.getId(), firm.getId(), RequestAdministrator.of(session), null), role, user);
    }

    private static void userRemoved(EntityManager em, String userId) {
        em.createQuery("delete from StaffEntity s where s.userId = :user").setParameter("user", userId).executeUpdate();
        em.createQuery("delete from GrantEntity g where g.subjectType = :type and g.subjectId = :user")
                .setParameter("type", GrantSubjectType.USER)
                .setParameter("user", userId)
                .executeUpdate();
        // A portal user's workspaces go with their account; invitations not yet activated name no user and stay.
        em.createQuery("delete from PortalMembershipEntity m where m.userId = :user").setParameter("user", userId)
                .executeUpdate();
        // Imports act as the person who started them, who is gone: none of them can run or be asked for.
        em.createQuery("delete from PortalImportEntity j where j.actorId = :user").setParameter("user", userId)
                .executeUpdate();
    }

    private static void teamRemoved(EntityManager em, String groupId) {
        em.createQuery("delete from GrantEntity g where g.subjectType = :type and g.subjectId = :team")
                .setParameter("type", GrantSubjectType.TEAM)
                .setParameter("team", groupId)
                .executeUpdate();
    }

    private static void firmRemoved(EntityManager em, String organizationId) {
        for (String entity : new String[] {"GrantEntity", "BusinessEntity", "StaffEntity", "AuditEntity",
                "InvitationEntity", "PortalMembershipEntity", "MailSentEntity", "OutboxEntity",
                "SubscriberEntity", "PortalImportEntity"}) {
            em.createQuery("delete from " + entity + " e where e.organizationId = :org")
                    .setParameter("org", organizationId)
                    .executeUpdate();
        }
    }

    /** The removed firm's businesses leave the cached indexes with every other firm's of the realm (rebuilt as needed). */
    private static void forgetBusinesses(KeycloakSession session) {
        RealmModel realm = session.getContext().getRealm();
        if (realm != null) {
            BusinessDirectory.forgetAll(session, realm);
        }
    }

    private static void realmRemoved(EntityManager em, String realmId) {
        em.createQuery("delete from GrantEntity g where g.businessId in"
                        + " (select b.id from BusinessEntity b where b.realmId = :realm)")
                .setParameter("realm", realmId)
                .executeUpdate();
        for (String entity : new String[] {"BusinessEntity", "StaffEntity", "AuditEntity", "InvitationEntity",
                "PortalMembershipEntity", "MailSentEntity", "WebhookSecretEntity", "WebhookEventEntity",
                "OutboxEntity", "SubscriberEntity", "PortalImportEntity"}) {
            em.createQuery("delete from " + entity + " e where e.realmId = :realm")
                    .setParameter("realm", realmId)
                    .executeUpdate();
        }
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
