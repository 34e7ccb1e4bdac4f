package dev.firmaccess.keycloak.backup;

import dev.firmaccess.keycloak.access.BusinessEntity;
import dev.firmaccess.keycloak.access.GrantEntity;
import dev.firmaccess.keycloak.backup.BackupDocument.BusinessRow;
import dev.firmaccess.keycloak.backup.BackupDocument.GrantRow;
import dev.firmaccess.keycloak.backup.BackupDocument.InvitationRow;
import dev.firmaccess.keycloak.backup.BackupDocument.PortalMembershipRow;
import dev.firmaccess.keycloak.backup.BackupDocument.StaffRow;
import dev.firmaccess.keycloak.invitation.InvitationEntity;
import dev.firmaccess.keycloak.invitation.InvitationState;
import dev.firmaccess.keycloak.portal.PortalMembershipEntity;
import dev.firmaccess.keycloak.settings.SettingsService;
import dev.firmaccess.keycloak.firm.StaffEntity;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Reads one realm's firm data, in a stable order, so two backups of the same data are equal. */
record BackupReader(KeycloakSession session, RealmModel realm, EntityManager em) {

    BackupDocument read() {
        return new BackupDocument(BackupDocument.FORMAT, BackupDocument.VERSION, realm.getId(), realm.getName(),
                System.currentTimeMillis(), new SettingsService(session, realm).read(), staff(), businesses(), grants(),
                invitations(), portalMemberships());
    }

    /** Whether the realm holds any row a restore would write. */
    boolean holdsFirmData() {
        for (String entity : new String[] {"StaffEntity", "BusinessEntity", "InvitationEntity",
                "PortalMembershipEntity"}) {
            if (!em.createQuery("select e.id from " + entity + " e where e.realmId = :realm", String.class)
                    .setParameter("realm", realm.getId())
                    .setMaxResults(1)
                    .getResultList()
                    .isEmpty()) {
                return true;
            }
        }
        // A grant always names a business of the realm, so no business means no grant.
        return false;
    }

    private List<StaffRow> staff() {
        return em.createQuery("select s from StaffEntity s where s.realmId = :realm order by s.id", StaffEntity.class)
                .setParameter("realm", realm.getId())
                .getResultStream()
                .map(s -> new StaffRow(s.getId(), s.getOrganizationId(), s.getUserId(), s.getRole(),
                        s.isProgrammaticAccess(), s.getCreatedAt()))
                .toList();
    }

    private List<BusinessRow> businesses() {
        return em.createQuery("select b from BusinessEntity b where b.realmId = :realm order by b.id",
                        BusinessEntity.class)
                .setParameter("realm", realm.getId())
                .getResultStream()
                .map(b -> new BusinessRow(b.getId(), b.getOrganizationId(), b.getName(), b.getExternalRef(),
                        b.isArchived(), b.getCreatedBy(), b.getCreatedAt()))
                .toList();
    }

    private List<GrantRow> grants() {
        return em.createQuery("select g from GrantEntity g where g.businessId in"
                        + " (select b.id from BusinessEntity b where b.realmId = :realm) order by g.id", GrantEntity.class)
                .setParameter("realm", realm.getId())
                .getResultStream()
                .map(g -> new GrantRow(g.getId(), g.getOrganizationId(), g.getBusinessId(), g.getSubjectType(),
                        g.getSubjectId(), g.getAccessLevel(), g.getCreatedBy(), g.getCreatedAt()))
                .toList();
    }

    /** Only pending invitations: accepted and cancelled ones are history, kept by the audit log. */
    private List<InvitationRow> invitations() {
        return em.createQuery("select i from InvitationEntity i where i.realmId = :realm and i.state = :pending"
                        + " order by i.organizationId, i.email", InvitationEntity.class)
                .setParameter("realm", realm.getId())
                .setParameter("pending", InvitationState.PENDING)
                .getResultStream()
                .map(i -> new InvitationRow(i.getId(), i.getOrganizationId(), i.getEmail(), i.getFirstName(),
                        i.getLastName(), i.getRole(), i.getGrants(), i.getTeamIds(), i.getState(), i.getExpiresAt(),
                        i.getDelivery(), i.getLastSentAt(), i.isCooldownLifted(), i.getInvitedBy(),
                        i.getCreatedAt()))
                .toList();
    }

    private List<PortalMembershipRow> portalMemberships() {
        return em.createQuery("select m from PortalMembershipEntity m where m.realmId = :realm order by m.id",
                        PortalMembershipEntity.class)
                .setParameter("realm", realm.getId())
                .getResultStream()
                .map(m -> new PortalMembershipRow(m.getId(), m.getOrganizationId(), m.getBusinessId(), m.getUserId(),
                        m.getEmail(), m.getFirstName(), m.getLastName(), m.getRole(), m.getAccessLevel(),
                        m.getStatus(), m.getMessage(), m.getInvitedAt(), m.getExpiresAt(), m.getActivatedAt(),
                        m.getLastLoginAt(), m.getDelivery(), m.getLastSentAt(), m.isCooldownLifted(),
                        m.getInvitedBy(), m.getCreatedAt()))
                .toList();
    }
}
