package dev.firmaccess.keycloak.backup;

import dev.firmaccess.keycloak.access.BusinessEntity;
import dev.firmaccess.keycloak.access.GrantEntity;
import dev.firmaccess.keycloak.access.GrantSubjectType;
import dev.firmaccess.keycloak.backup.BackupDocument.BusinessRow;
import dev.firmaccess.keycloak.backup.BackupDocument.GrantRow;
import dev.firmaccess.keycloak.backup.BackupDocument.InvitationRow;
import dev.firmaccess.keycloak.backup.BackupDocument.MailedRow;
import dev.firmaccess.keycloak.backup.BackupDocument.PortalMembershipRow;
import dev.firmaccess.keycloak.backup.BackupDocument.StaffRow;
import dev.firmaccess.keycloak.invitation.InvitationEntity;
import dev.firmaccess.keycloak.invitation.InvitationState;
import dev.firmaccess.keycloak.mail.MailedInvitation;
import dev.firmaccess.keycloak.portal.PortalMembershipEntity;
import dev.firmaccess.keycloak.firm.StaffEntity;
import dev.firmaccess.keycloak.firm.TeamDirectory;
import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.core.RealmUsers;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.ModelException;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;

/**
 * Writes a backup document into a realm that Keycloak's realm import has just recreated: every
 * reference is checked against the realm first, so a restore is refused whole or written whole.
 */
final class BackupRestorer {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EntityManager em;
    private final OrganizationProvider organizations;

    BackupRestorer(KeycloakSession session, RealmModel realm, EntityManager em) {
        this.session = session;
        this.realm = realm;
        this.em = em;
        this.organizations = session.getProvider(OrganizationProvider.class);
    }

    /** The counts of restored rows, by kind. */
    Map<String, Integer> restore(BackupDocument document) {
        requireRestorable(document);
        Map<String, BusinessRow> businesses = new HashMap<>();
        rows(document.businesses()).forEach(b -> businesses.put(required(b.id(), "business id"), b));
        Set<String> ids = new HashSet<>(businesses.keySet());
        if (ids.size() != rows(document.businesses()).size()) {
            throw FirmAccessException.badInput("A business id appears more than once in the backup");
        }
        rows(document.businesses()).forEach(b -> requireFirm(b.organizationId()));
        rows(document.staff()).forEach(s -> requireMember(requireFirm(s.organizationId()), s.userId(), "staff row "
                + s.id()));
        rows(document.grants()).forEach(g -> requireGrantTargets(g, businesses));
        rows(document.invitations()).forEach(i -> requireFirm(i.organizationId()));
        rows(document.portalMemberships()).forEach(m -> requirePortalTargets(m, businesses));
        requireUniqueIds(document);

        // The settings are realm attributes: Keycloak's realm import has brought them (the webhook secret is set anew).
        write("business", rows(document.businesses()), this::persistBusiness);
        write("staff", rows(document.staff()), this::persistStaff);
        write("grant", rows(document.grants()), this::persistGrant);
        write("invitation", rows(document.invitations()), this::persistInvitation);
        write("portal membership", rows(document.portalMemberships()), this::persistPortalMembership);
        return Map.of("staff", rows(document.staff()).size(), "businesses", businesses.size(),
                "grants", rows(document.grants()).size(), "invitations", rows(document.invitations()).size(),
                "portalMemberships", rows(document.portalMemberships()).size());
    }

    /**
     * Writes one kind of row and sends it to the database at once, so that an id already taken (by
     * the realm the backup was taken of, still on this server) is named in the answer.
     */
    private <T> void write(String kind, List<T> rows, Consumer<T> persist) {
        rows.forEach(persist);
        try {
            em.flush();
        } catch (PersistenceException | ModelDuplicateException taken) {
            throw FirmAccessException.of(ErrorCode.RESTORE_CONFLICT, "A " + kind + " of the backup collides with one stored on this server (an id or"
                    + " a unique value is taken); restore into a server that does not hold the original realm");
        }
    }

    private void requireRestorable(BackupDocument document) {
        if (!BackupDocument.FORMAT.equals(document.format())) {
            throw FirmAccessException.badInput("The body is not a firm access backup (format must be '"
                    + BackupDocument.FORMAT + "')");
        }
        if (document.version() == null || document.version() != BackupDocument.VERSION) {
            throw FirmAccessException.badInput("Backup version " + document.version() + " is not known; this server restores"
                    + " version " + BackupDocument.VERSION);
        }
        if (!realm.getId().equals(document.realmId())) {
            throw FirmAccessException.badInput("The backup is of realm id " + document.realmId() + ", not of this realm ("
                    + realm.getId() + "); import the realm's export first so that its ids match");
        }
        if (new BackupReader(session, realm, em).holdsFirmData()) {
            throw FirmAccessException.of(ErrorCode.RESTORE_CONFLICT, "The realm already holds firm data; a backup is restored only into a realm"
                    + " without any");
        }
    }

    private void requireUniqueIds(BackupDocument document) {
        unique(rows(document.staff()).stream().map(StaffRow::id).toList(), "staff row");
        unique(rows(document.grants()).stream().map(GrantRow::id).toList(), "grant");
        unique(rows(document.portalMemberships()).stream().map(PortalMembershipRow::id).toList(),
                "portal membership");
    }

    private static void unique(List<String> ids, String kind) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(required(id, kind + " id"))) {
                throw FirmAccessException.badInput("The " + kind + " id " + id + " appears more than once in the backup");
            }
        }
    }

    private OrganizationModel requireFirm(String organizationId) {
        OrganizationModel firm;
        try {
            firm = organizationId == null ? null : organizations.getById(organizationId);
        } catch (ModelException ofAnotherRealm) {
            // Keycloak refuses, rather than misses, an organization id of another realm.
            firm = null;
        }
        if (firm == null) {
            throw FirmAccessException.badInput("Organization " + organizationId + " does not exist in this realm");
        }
        return firm;
    }

    private UserModel requireMember(OrganizationModel firm, String userId, String where) {
        UserModel user = RealmUsers.find(session, realm, userId);
        if (user == null || !organizations.isMember(firm, user)) {
            throw FirmAccessException.badInput("User " + userId + " of " + where + " is not a member of organization "
                    + firm.getId() + " in this realm");
        }
        return user;
    }

    private void requireGrantTargets(GrantRow grant, Map<String, BusinessRow> businesses) {
        OrganizationModel firm = requireFirm(grant.organizationId());
        requireBusinessOf(firm, grant.businessId(), businesses, "grant " + grant.id());
        if (grant.subjectType() == GrantSubjectType.USER) {
            requireMember(firm, grant.subjectId(), "grant " + grant.id());
        } else if (new TeamDirectory(session, realm, organizations, firm).find(grant.subjectId()).isEmpty()) {
            throw FirmAccessException.badInput("Team " + grant.subjectId() + " of grant " + grant.id()
                    + " is not a team of organization " + firm.getId() + " in this realm");
        }
        required(grant.accessLevel(), "access level of grant " + grant.id());
    }

    private void requirePortalTargets(PortalMembershipRow membership, Map<String, BusinessRow> businesses) {
        OrganizationModel firm = requireFirm(membership.organizationId());
        requireBusinessOf(firm, membership.businessId(), businesses, "portal membership " + membership.id());
        if (membership.userId() != null && RealmUsers.find(session, realm, membership.userId()) == null) {
            throw FirmAccessException.badInput("User " + membership.userId() + " of portal membership " + membership.id()
                    + " does not exist in this realm");
        }
    }

    private static void requireBusinessOf(OrganizationModel firm, String businessId, Map<String, BusinessRow> businesses,
            String where) {
        BusinessRow business = businessId == null ? null : businesses.get(businessId);
        if (business == null || !firm.getId().equals(business.organizationId())) {
            throw FirmAccessException.badInput("Business " + businessId + " of " + where + " is not a business of organization "
                    + firm.getId() + " in the backup");
        }
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw FirmAccessException.badInput("The backup lacks the " + what);
        }
        return value;
    }

    private static <T> List<T> rows(List<T> rows) {
        return rows == null ? List.of() : rows;
    }

    private void persistBusiness(BusinessRow row) {
        BusinessEntity business = new BusinessEntity();
        business.place(row.id(), realm.getId(), row.organizationId());
        business.setName(required(row.name(), "name of business " + row.id()));
        business.setExternalRef(row.externalRef());
        business.setArchived(row.archived());
        business.setCreatedBy(row.createdBy());
        business.setCreatedAt(row.createdAt());
        em.persist(business);
    }

    private void persistStaff(StaffRow row) {
        StaffEntity staff = new StaffEntity();
        staff.place(row.id(), realm.getId(), row.organizationId());
        staff.setUserId(row.userId());
        staff.setRole(requiredValue(row.role(), "role of staff row " + row.id()));
        staff.setProgrammaticAccess(row.programmaticAccess());
        staff.setCreatedAt(row.createdAt());
        em.persist(staff);
    }

    private void persistGrant(GrantRow row) {
        GrantEntity grant = new GrantEntity();
        grant.place(row.id(), row.organizationId());
        grant.setBusinessId(row.businessId());
        grant.setSubjectType(row.subjectType());
        grant.setSubjectId(row.subjectId());
        grant.setAccessLevel(row.accessLevel());
        grant.setCreatedBy(row.createdBy());
        grant.setCreatedAt(row.createdAt());
        em.persist(grant);
    }

    /**
     * Keycloak's realm export leaves out its native organization invitations, and a native
     * invitation's id cannot be chosen; our row takes the id of the one made anew, so resend and
     * acceptance keep working on it.
     */
    private void persistInvitation(InvitationRow row) {
        OrganizationModel firm = requireFirm(row.organizationId());
        OrganizationInvitationModel nativeInvitation = organizations.getInvitationManager()
                .create(firm, required(row.email(), "email of invitation " + row.id()), row.firstName(),
                        row.lastName());
        nativeInvitation.setExpiresAt((int) (row.expiresAt() / 1000));
        InvitationEntity invitation = new InvitationEntity();
        fillMailed(invitation, row, "invitation " + row.id());
        invitation.setId(nativeInvitation.getId());
        // A link id never issued: no link of the old server matches it; a resend or copied link makes a working one.
        invitation.setLinkId(KeycloakModelUtils.generateId());
        invitation.setRole(requiredValue(row.role(), "role of invitation " + row.id()));
        invitation.setGrants(row.grants());
        invitation.setTeamIds(row.teamIds());
        invitation.setState(InvitationState.PENDING);
        invitation.setExpiresAt(row.expiresAt());
        em.persist(invitation);
    }

    private void persistPortalMembership(PortalMembershipRow row) {
        PortalMembershipEntity membership = new PortalMembershipEntity();
        fillMailed(membership, row, "portal membership " + row.id());
        membership.setBusinessId(row.businessId());
        membership.setUserId(row.userId());
        membership.setRole(requiredValue(row.role(), "role of portal membership " + row.id()));
        membership.setAccessLevel(required(row.accessLevel(), "access level of portal membership " + row.id()));
        membership.setStatus(requiredValue(row.status(), "status of portal membership " + row.id()));
        membership.setMessage(row.message());
        membership.setInvitedAt(row.invitedAt());
        membership.setExpiresAt(row.expiresAt());
        membership.setActivatedAt(row.activatedAt());
        membership.setLastLoginAt(row.lastLoginAt());
        em.persist(membership);
    }

    private void fillMailed(MailedInvitation target, MailedRow row, String what) {
        target.place(row.id(), realm.getId(), row.organizationId());
        target.setEmail(required(row.email(), "email of " + what));
        target.setFirstName(row.firstName());
        target.setLastName(row.lastName());
        target.setDelivery(requiredValue(row.delivery(), "delivery of " + what));
        target.setLastSentAt(row.lastSentAt());
        target.setCooldownLifted(row.cooldownLifted());
        target.setInvitedBy(row.invitedBy());
        target.setCreatedAt(row.createdAt());
    }

    private static <T> T requiredValue(T value, String what) {
        if (value == null) {
            throw FirmAccessException.badInput("The backup lacks the " + what);
        }
        return value;
    }
}
