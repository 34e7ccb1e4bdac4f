package dev.firmaccess.keycloak.invitation;

import dev.firmaccess.keycloak.access.BusinessEntity;
import dev.firmaccess.keycloak.access.BusinessRepository;
import dev.firmaccess.keycloak.access.GrantRepository;
import dev.firmaccess.keycloak.access.GrantSubjectType;
import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmContexts;
import dev.firmaccess.keycloak.firm.MembershipAudit;
import dev.firmaccess.keycloak.firm.StaffAccessCache;
import dev.firmaccess.keycloak.firm.StaffRepository;
import dev.firmaccess.keycloak.firm.TeamDirectory;
import dev.firmaccess.keycloak.invitation.InvitationViews.GrantInput;
import dev.firmaccess.keycloak.mail.AcceptProblem;
import dev.firmaccess.keycloak.mail.LinkCheck;
import dev.firmaccess.keycloak.mail.EmailIdentity;
import dev.firmaccess.keycloak.metrics.FirmAccessMetrics;
import dev.firmaccess.keycloak.storage.Jpa;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * The rules of accepting: the link must be the invitation's current one, the invitation pending
 * and unexpired, the firm the one the link names, and the user's verified email the invited one. The
 * invitation row is locked while accepting, so of two simultaneous accepts only one joins.
 */
public final class InvitationAcceptance {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OrganizationProvider organizations;
    private final InvitationRepository invitations;
    private final StaffRepository staffRecords;
    private final BusinessRepository businesses;
    private final GrantRepository grants;
    private final InviterRights inviterRights;

    public InvitationAcceptance(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.organizations = session.getProvider(OrganizationProvider.class);
        EntityManager em = Jpa.entityManager(session);
        this.invitations = new InvitationRepository(em);
        this.staffRecords = new StaffRepository(em);
        this.businesses = new BusinessRepository(em);
        this.grants = new GrantRepository(em);
        this.inviterRights = new InviterRights(session, realm, organizations, staffRecords);
    }

    /** A checked link: the invitation and its firm, or the problem that stops it. */
    public record Checked(AcceptProblem problem, InvitationEntity invitation, OrganizationModel firm)
            implements LinkCheck {

        static Checked failed(AcceptProblem problem, InvitationEntity invitation, OrganizationModel firm) {
            return new Checked(problem, invitation, firm);
        }

        @Override
        public String email() {
            return invitation.getEmail();
        }
    }

    public Checked check(String token) {
        Optional<InvitationToken> verified = new InvitationLinks(session, realm).verify(token);
        if (verified.isEmpty()) {
            return Checked.failed(AcceptProblem.INVALID, null, null);
        }
        return check(verified.get(), invitations.inRealm(realm.getId(), verified.get().getInvitationId()).orElse(null));
    }

    /**
     * Accepts for the user the account supplier gives (called only once the locked invitation passed
     * every check, so a new account is created only for a usable link), or answers why not; changes
     * nothing unless every rule holds.
     */
    public Checked accept(String token, Supplier<UserModel> account, ClientModel client) {
        Checked result = tryAccept(token, account, client);
        FirmAccessMetrics.invitationAccept(result.ok() ? FirmAccessMetrics.SUCCEEDED : result.problem().name());
        return result;
    }

    private Checked tryAccept(String token, Supplier<UserModel> account, ClientModel client) {
        Optional<InvitationToken> verified = new InvitationLinks(session, realm).verify(token);
        if (verified.isEmpty()) {
            return Checked.failed(AcceptProblem.INVALID, null, null);
        }
        InvitationEntity locked = invitations.lock(verified.get().getInvitationId())
                .filter(invitation -> invitation.getRealmId().equals(realm.getId()))
                .orElse(null);
        Checked checked = check(verified.get(), locked);
        if (!checked.ok()) {
            return checked;
        }
        OrganizationModel firm = checked.firm();
        UserModel user = account.get();
        if (!EmailIdentity.same(locked.getEmail(), user.getEmail())) {
            return Checked.failed(AcceptProblem.WRONG_USER, locked, firm);
        }
        if (!user.isEmailVerified()) {
            return Checked.failed(AcceptProblem.EMAIL_NOT_VERIFIED, locked, firm);
        }
        // Signing in through the firm's identity provider on the way here made the invitee a member that
        // Keycloak manages, with nothing of ours yet (the joiner rules leave an invited address to its
        // invitation); anyone else already in the firm has been invited in vain.
        if (organizations.isMember(firm, user) && !firm.isManaged(user)) {
            return Checked.failed(AcceptProblem.ALREADY_MEMBER, locked, firm);
        }
        join(locked, firm, user, client);
        return checked;
    }

    private Checked check(InvitationToken token, InvitationEntity invitation) {
        if (invitation == null || !invitation.getOrganizationId().equals(token.getOrganizationId())
                || !EmailIdentity.same(invitation.getEmail(), token.getEmail())) {
            return Checked.failed(AcceptProblem.INVALID, null, null);
        }
        // With the realm's organizations feature off, no firm of it is available.
        OrganizationModel firm = organizations.isEnabled()
                ? organizations.getById(invitation.getOrganizationId()) : null;
        if (firm == null || !firm.isEnabled()) {
            return Checked.failed(AcceptProblem.FIRM_UNAVAILABLE, invitation, null);
        }
        if (invitation.getState() == InvitationState.ACCEPTED) {
            return Checked.failed(AcceptProblem.USED, invitation, firm);
        }
        // Deleting the invitation in Keycloak's own Organizations tab cancels it too.
        if (invitation.getState() == InvitationState.CANCELLED
                || organizations.getInvitationManager().getById(invitation.getId()) == null) {
            return Checked.failed(AcceptProblem.CANCELLED, invitation, firm);
        }
        if (!invitation.getLinkId().equals(token.getId())) {
            return Checked.failed(AcceptProblem.REPLACED, invitation, firm);
        }
        if (!InvitationPolicy.isOpen(invitation.getState(), invitation.getExpiresAt(), System.currentTimeMillis())) {
            return Checked.failed(AcceptProblem.EXPIRED, invitation, firm);
        }
        if (!inviterRights.mayStillGrant(firm, invitation.getInvitedBy(), invitation.getRole())) {
            return Checked.failed(AcceptProblem.INVITER_LOST_RIGHTS, invitation, firm);
        }
        return new Checked(null, invitation, firm);
    }

    private void join(InvitationEntity invitation, OrganizationModel firm, UserModel user, ClientModel client) {
        if (!organizations.isMember(firm, user)) {
            MembershipAudit.recordedByThisRequest(session, MembershipAudit.Change.JOINED, firm.getId(), user.getId());
            organizations.addMember(firm, user);
        }
        FirmContext context = FirmContexts.forInvitee(session, firm, user, invitation.getRole(), client);
        if (invitation.getRole() != StaffRole.MEMBER) {
            staffRecords.upsert(realm.getId(), firm.getId(), user.getId(), invitation.getRole());
        }
        List<GrantInput> invited = InvitationService.grantsOf(invitation);
        Set<String> stillThere = businesses
                .findAll(firm.getId(), invited.stream().map(GrantInput::businessId).toList()).stream()
                .map(BusinessEntity::getId).collect(Collectors.toSet());
        List<GrantInput> applied = invited.stream().filter(grant -> stillThere.contains(grant.businessId())).toList();
        applied.forEach(grant -> grants.create(firm.getId(), grant.businessId(), GrantSubjectType.USER,
                user.getId(), grant.level(), invitation.getInvitedBy()));
        // the new membership evicts the cached user too; the role and grants must not depend on that
        StaffAccessCache.evict(session, realm, List.of(user.getId()));
        List<String> teams = InvitationService.teamIdsOf(invitation).stream()
                .filter(teamId -> TeamDirectory.of(context).find(teamId).map(team -> {
                    user.joinGroup(team);
                    return true;
                }).orElse(false))
                .toList();
        Map<String, Object> before = InvitationService.auditState(invitation);
        invitation.setState(InvitationState.ACCEPTED);
        invitation.setAcceptedBy(user.getId());
        invitation.setAcceptedAt(System.currentTimeMillis());
        // Keycloak deletes its own invitation row on acceptance; ours keeps the history.
        organizations.getInvitationManager().remove(invitation.getId());
        Map<String, Object> after = new java.util.LinkedHashMap<>(InvitationService.auditState(invitation));
        after.put("userId", user.getId());
        after.put("grants", applied);
        after.put("teamIds", teams);
        context.audit().record("invitation.accepted", "invitation", invitation.getId(), before, after);
    }
}
