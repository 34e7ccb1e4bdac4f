package dev.firmaccess.keycloak.invitation;

import dev.firmaccess.keycloak.access.BusinessEntity;
import dev.firmaccess.keycloak.access.BusinessRepository;
import dev.firmaccess.keycloak.access.GrantRepository;
import dev.firmaccess.keycloak.access.GrantSubjectType;
import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmContexts;
import dev.firmaccess.keycloak.firm.FirmIdentityProviders;
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
import java.util.Locale;
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
        // Anyone already in the firm has been invited in vain; one who joined through the firm's identity
        // provider had this invitation settled on that sign-in (settleOnProviderJoin).
        if (organizations.isMember(firm, user)) {
            return Checked.failed(AcceptProblem.ALREADY_MEMBER, locked, firm);
        }
        join(locked, firm, user, client, "link");
        return checked;
    }

    /**
     * Settles the firm's open invitation of someone Keycloak just made a managed member of the firm,
     * because they signed in through its identity provider: their joining is one joining, recorded
     * once, and the invitation no second way in. It is accepted there and then, giving its role,
     * grants and teams, when it could be accepted on its page (a verified address, or one the
     * provider is trusted to vouch for; an inviter who may still give its role); otherwise it is
     * cancelled with the reason, and the joining is left to be recorded as any other. Answers whether
     * it recorded the joining.
     */
    public boolean settleOnProviderJoin(OrganizationModel firm, UserModel user) {
        long now = System.currentTimeMillis();
        InvitationEntity invitation = invitations.open(firm.getId(), user.getEmail(), now)
                .flatMap(open -> invitations.lock(open.getId()))
                .filter(locked -> InvitationPolicy.isOpen(locked.getState(), locked.getExpiresAt(), now))
                .orElse(null);
        if (invitation == null) {
            return false;
        }
        AcceptProblem problem = problemOf(invitation, firm, null);
        if (problem == null && !user.isEmailVerified()
                && !new FirmIdentityProviders(firm).vouchForSignInUnderWay(session, user)) {
            problem = AcceptProblem.EMAIL_NOT_VERIFIED;
        }
        ClientModel client = session.getContext().getClient();
        if (problem == null) {
            join(invitation, firm, user, client, "sso");
            FirmAccessMetrics.invitationAccept(FirmAccessMetrics.SUCCEEDED);
            return true;
        }
        if (problem != AcceptProblem.CANCELLED) {
            InvitationService.cancel(FirmContexts.forInvitee(session, firm, user, invitation.getRole(), client),
                    invitation, Map.of("reason", "joined_through_identity_provider",
                            "problem", problem.name().toLowerCase(Locale.ROOT)));
        }
        return false;
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
        AcceptProblem problem = problemOf(invitation, firm, token.getId());
        return problem == null ? new Checked(null, invitation, firm) : Checked.failed(problem, invitation, firm);
    }

    /**
     * What stops the invitation being accepted now, or null; {@code linkId} is the id of the link
     * used, or null when no link is (a sign-in through the firm's identity provider).
     */
    private AcceptProblem problemOf(InvitationEntity invitation, OrganizationModel firm, String linkId) {
        if (invitation.getState() == InvitationState.ACCEPTED) {
            return AcceptProblem.USED;
        }
        // Deleting the invitation in Keycloak's own Organizations tab cancels it too.
        if (invitation.getState() == InvitationState.CANCELLED
                || organizations.getInvitationManager().getById(invitation.getId()) == null) {
            return AcceptProblem.CANCELLED;
        }
        if (linkId != null && !invitation.getLinkId().equals(linkId)) {
            return AcceptProblem.REPLACED;
        }
        if (!InvitationPolicy.isOpen(invitation.getState(), invitation.getExpiresAt(), System.currentTimeMillis())) {
            return AcceptProblem.EXPIRED;
        }
        if (!inviterRights.mayStillGrant(firm, invitation.getInvitedBy(), invitation.getRole())) {
            return AcceptProblem.INVITER_LOST_RIGHTS;
        }
        return null;
    }

    /** {@code via} says how it was accepted: {@code link} on the invitation's page, {@code sso} on signing in. */
    private void join(InvitationEntity invitation, OrganizationModel firm, UserModel user, ClientModel client,
            String via) {
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
        after.put("via", via);
        context.audit().record("invitation.accepted", "invitation", invitation.getId(), before, after);
    }
}
