package dev.firmaccess.keycloak.backup;

import dev.firmaccess.keycloak.access.GrantSubjectType;
import dev.firmaccess.keycloak.mail.DeliveryStatus;
import dev.firmaccess.keycloak.invitation.InvitationState;
import dev.firmaccess.keycloak.portal.PortalRole;
import dev.firmaccess.keycloak.portal.PortalStatus;
import dev.firmaccess.keycloak.settings.SettingsView;
import dev.firmaccess.keycloak.core.StaffRole;
import java.util.List;

/**
 * One realm's firm data as a versioned JSON document: every row keeps its id, and the ids of
 * Keycloak's own objects (realm, organizations, users, groups) that Keycloak's realm export
 * carries. Secrets stay out: no link ids (so no link of the old server works), no connection
 * keys, no webhook secret.
 */
public record BackupDocument(String format, Integer version, String realmId, String realm, Long createdAt,
        SettingsView settings, List<StaffRow> staff, List<BusinessRow> businesses, List<GrantRow> grants,
        List<InvitationRow> invitations, List<PortalMembershipRow> portalMemberships) {

    public static final String FORMAT = "firm-access-backup";
    public static final int VERSION = 1;

    public record StaffRow(String id, String organizationId, String userId, StaffRole role,
            boolean programmaticAccess, long createdAt) {
    }

    public record BusinessRow(String id, String organizationId, String name, String externalRef, boolean archived,
            String createdBy, long createdAt) {
    }

    public record GrantRow(String id, String organizationId, String businessId, GrantSubjectType subjectType,
            String subjectId, String accessLevel, String createdBy, long createdAt) {
    }

    /** The values of a row that goes out by email, as both kinds of invitation keep them. */
    public interface MailedRow {
        String id();

        String organizationId();

        String email();

        String firstName();

        String lastName();

        DeliveryStatus delivery();

        Long lastSentAt();

        boolean cooldownLifted();

        String invitedBy();

        long createdAt();
    }

    /** A pending staff invitation; its initial grants and teams as the JSON text the invitation keeps. */
    public record InvitationRow(String id, String organizationId, String email, String firstName, String lastName,
            StaffRole role, String grants, String teamIds, InvitationState state, long expiresAt,
            DeliveryStatus delivery, Long lastSentAt, boolean cooldownLifted, String invitedBy, long createdAt)
            implements MailedRow {
    }

    public record PortalMembershipRow(String id, String organizationId, String businessId, String userId,
            String email, String firstName, String lastName, PortalRole role, String accessLevel,
            PortalStatus status, String message, Long invitedAt, Long expiresAt, Long activatedAt, Long lastLoginAt,
            DeliveryStatus delivery, Long lastSentAt, boolean cooldownLifted, String invitedBy, long createdAt)
            implements MailedRow {
    }
}
