package dev.firmaccess.keycloak.invitation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firmaccess.keycloak.access.PlannedAccess;
import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmPermission;
import dev.firmaccess.keycloak.invitation.InvitationViews.GrantInput;
import dev.firmaccess.keycloak.invitation.InvitationViews.Invitation;
import dev.firmaccess.keycloak.invitation.InvitationViews.InviteRequest;
import dev.firmaccess.keycloak.invitation.InvitationViews.Link;
import dev.firmaccess.keycloak.mail.DeliveryStatus;
import dev.firmaccess.keycloak.mail.FirmAccessEmail;
import dev.firmaccess.keycloak.mail.InvitationClient;
import dev.firmaccess.keycloak.mail.Invitee;
import dev.firmaccess.keycloak.mail.ResendCooldown;
import dev.firmaccess.keycloak.mailquota.MailQuota;
import dev.firmaccess.keycloak.storage.Jpa;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.InvitationManager;

/**
 * Inviting staff. Each invitation is a native organization invitation (so Keycloak's own
 * Invitations tab lists it) plus our row with the role, grants, teams and delivery status.
 */
public final class InvitationService {

    static final ObjectMapper JSON = new ObjectMapper();

    private final FirmContext context;
    private final InvitationRepository invitations;

    public InvitationService(FirmContext context) {
        this.context = context;
        EntityManager em = Jpa.entityManager(context.session());
        this.invitations = new InvitationRepository(em);
    }

    public List<Invitation> page(InvitationRepository.Filter filter, int first, int max) {
        context.actor().require(FirmPermission.VIEW_ALL);
        long now = System.currentTimeMillis();
        return invitations.page(context.firm().getId(), filter, now, first, max).stream()
                .map(invitation -> view(invitation, now)).toList();
    }

    public long count(InvitationRepository.Filter filter) {
        context.actor().require(FirmPermission.VIEW_ALL);
        return invitations.count(context.firm().getId(), filter, System.currentTimeMillis());
    }

    public Invitation get(String id) {
        context.actor().require(FirmPermission.VIEW_ALL);
        return view(require(id), System.currentTimeMillis());
    }

    /** Validates every invitee, grant and team before anything is written: one bad item and nobody is invited. */
    public List<Invitation> invite(InviteRequest request) {
        context.actor().require(FirmPermission.MANAGE);
        StaffRole role = request.role() == null ? StaffRole.MEMBER : StaffRole.parse(request.role())
                .orElseThrow(() -> FirmAccessException.badInput("'role' must be one of owner, admin, member"));
        if (role == StaffRole.OWNER) {
            context.actor().require(FirmPermission.MANAGE_OWNERS);
        }
        long now = System.currentTimeMillis();
        List<Invitee> invitees = Invitee.checked(request.invitees(), context.limits());
        PlannedAccess planned = new PlannedAccess(context);
        List<GrantInput> grants = planned.grants(request.grants(), GrantInput::businessId, GrantInput::level)
                .entrySet().stream().map(grant -> new GrantInput(grant.getKey(), grant.getValue())).toList();
        List<String> teamIds = planned.teams(request.teamIds());
        long expiresAt = expiry(request.expiresAt(), now);
        InvitationManager natives = context.organizations().getInvitationManager();
        for (Invitee invitee : invitees) {
            requireInvitable(natives, invitee.email(), now);
        }
        MailQuota.of(context).spend(invitees.size(), now);

        InvitationClient.ensure(context.realm());
        List<Invitation> created = new ArrayList<>();
        for (Invitee invitee : invitees) {
            OrganizationInvitationModel nativeInvitation = natives.create(context.firm(), invitee.email(),
                    invitee.firstName(), invitee.lastName());
            InvitationEntity invitation = new InvitationEntity();
            invitation.place(nativeInvitation.getId(), context.realm().getId(), context.firm().getId());
            invitation.setEmail(invitee.email());
            invitation.setFirstName(invitee.firstName());
            invitation.setLastName(invitee.lastName());
            invitation.setRole(role);
            invitation.setGrants(json(grants));
            invitation.setTeamIds(json(teamIds));
            invitation.setState(InvitationState.PENDING);
            invitation.setDelivery(DeliveryStatus.NOT_SENT);
            invitation.setInvitedBy(context.actor().userId());
            invitation.setCreatedAt(now);
            sendNewLink(invitation, nativeInvitation, expiresAt, now);
            invitations.persist(invitation);
            context.audit().record("invitation.created", "invitation", invitation.getId(), null, auditState(invitation));
            created.add(view(invitation, now));
        }
        return created;
    }

    public Invitation resend(String id) {
        context.actor().require(FirmPermission.MANAGE);
        InvitationEntity invitation = requireManageable(id);
        requirePending(invitation, "resent");
        long now = System.currentTimeMillis();
        OptionalLong allowedAt = ResendCooldown.allowedAt(invitation.getLastSentAt(),
                invitation.isCooldownLifted(), context.settings().resendCooldownMinutes(), now);
        if (allowedAt.isPresent()) {
            throw ResendCooldown.tooSoon("invitation", allowedAt.getAsLong() - now);
        }
        OrganizationInvitationModel nativeInvitation = context.organizations().getInvitationManager().getById(id);
        if (nativeInvitation == null) {
            throw FirmAccessException.of(ErrorCode.INVITATION_DELETED,
                    "The invitation was deleted in Keycloak's Organizations tab; invite again");
        }
        MailQuota.of(context).spend(1, now);
        Map<String, Object> before = auditState(invitation);
        sendNewLink(invitation, nativeInvitation, now + context.settings().staffInvitationExpiryDays() * 86_400_000L, now);
        context.audit().record("invitation.resent", "invitation", id, before, auditState(invitation));
        return view(invitation, now);
    }

    public void cancel(String id) {
        context.actor().require(FirmPermission.MANAGE);
        InvitationEntity invitation = requireManageable(id);
        requirePending(invitation, "cancelled");
        cancel(context, invitation, Map.of());
    }

    /** Cancels a pending invitation and records it, with {@code why} (say its reason) added to the state after. */
    static void cancel(FirmContext context, InvitationEntity invitation, Map<String, Object> why) {
        Map<String, Object> before = auditState(invitation);
        invitation.setState(InvitationState.CANCELLED);
        context.organizations().getInvitationManager().remove(invitation.getId());
        Map<String, Object> after = auditState(invitation);
        after.putAll(why);
        context.audit().record("invitation.cancelled", "invitation", invitation.getId(), before, after);
    }

    public Link link(String id) {
        context.actor().require(FirmPermission.MANAGE);
        InvitationEntity invitation = requireManageable(id);
        if (!InvitationPolicy.isOpen(invitation.getState(), invitation.getExpiresAt(), System.currentTimeMillis())) {
            throw FirmAccessException.of(ErrorCode.NOT_PENDING,
                    "Only a pending, unexpired invitation has a working link; resend it first");
        }
        context.audit().record("invitation.link_copied", "invitation", id, null, Map.of("email", invitation.getEmail()));
        return new Link(new InvitationLinks(context.session(), context.realm()).issue(invitation),
                invitation.getExpiresAt());
    }

    /**
     * A new link id (older links stop working), a new expiry on both rows, and the mail in the
     * outbox: not_sent until it goes out. The resend cooldown counts from now; a failed attempt lifts it.
     */
    private void sendNewLink(InvitationEntity invitation, OrganizationInvitationModel nativeInvitation, long expiresAt,
            long now) {
        invitation.setLinkId(KeycloakModelUtils.generateId());
        invitation.setExpiresAt(expiresAt);
        nativeInvitation.setExpiresAt((int) (expiresAt / 1000));
        String link = new InvitationLinks(context.session(), context.realm()).issue(invitation);
        nativeInvitation.setInviteLink(link);
        boolean queued = new InvitationMailer(context.session(), context.realm()).queue(context.firm(), invitation,
                link, FirmAccessEmail.actorName(context.session(), context.realm(), context.actor().userId()),
                context.settings().labelOf(invitation.getRole()));
        invitation.setDelivery(DeliveryStatus.NOT_SENT);
        if (queued) {
            invitation.setLastSentAt(now);
            invitation.setCooldownLifted(false);
        }
    }

    private InvitationEntity require(String id) {
        return invitations.find(context.firm().getId(), id).orElseThrow(() -> FirmAccessException.notFound(
                "Invitation not found"));
    }

    /** Invitations to the owner role are managed by owners only, as owner roles are. */
    private InvitationEntity requireManageable(String id) {
        InvitationEntity invitation = require(id);
        if (invitation.getRole() == StaffRole.OWNER) {
            context.actor().require(FirmPermission.MANAGE_OWNERS);
        }
        return invitation;
    }

    private static void requirePending(InvitationEntity invitation, String action) {
        if (invitation.getState() != InvitationState.PENDING) {
            throw FirmAccessException.of(ErrorCode.NOT_PENDING,
                    "Only a pending invitation can be " + action + "; this one is "
                    + invitation.getState().name().toLowerCase(Locale.ROOT));
        }
    }

    private void requireInvitable(InvitationManager natives, String email, long now) {
        UserModel user = context.session().users().getUserByEmail(context.realm(), email);
        if (user != null && context.organizations().isMember(context.firm(), user)) {
            throw FirmAccessException.of(ErrorCode.ALREADY_MEMBER, email + " is already a member of this firm");
        }
        OrganizationInvitationModel nativeInvitation = natives.getByEmail(context.firm(), email);
        if (invitations.hasOpen(context.firm().getId(), email, now)
                || nativeInvitation != null && !nativeInvitation.isExpired()) {
            throw FirmAccessException.of(ErrorCode.INVITATION_PENDING,
                    email + " already has a pending invitation to this firm");
        }
        if (nativeInvitation != null) {
            // Keycloak allows one invitation row per email and firm; an expired one makes way, as Keycloak's own invite does.
            natives.remove(nativeInvitation.getId());
        }
    }

    /**
     * The realm's staff invitation expiry is the default and the longest an invitation may live: a
     * request may ask for a shorter life, never a longer one.
     */
    private long expiry(Long requested, long now) {
        int days = context.settings().staffInvitationExpiryDays();
        long longest = now + days * 86_400_000L;
        if (requested == null) {
            return longest;
        }
        if (requested <= now || requested > longest) {
            throw FirmAccessException.of(ErrorCode.INVALID_EXPIRY,
                    "'expiresAt' must be a future time (epoch milliseconds) at most " + days
                    + " days ahead, the realm's staff invitation expiry");
        }
        return requested;
    }

    Invitation view(InvitationEntity invitation, long now) {
        OptionalLong allowedAt = invitation.getState() == InvitationState.PENDING
                ? ResendCooldown.allowedAt(invitation.getLastSentAt(), invitation.isCooldownLifted(),
                        context.settings().resendCooldownMinutes(), now)
                : OptionalLong.empty();
        String status = InvitationPolicy.status(invitation.getState(), invitation.getExpiresAt(), now);
        return new Invitation(invitation.getId(), invitation.getEmail(), invitation.getFirstName(),
                invitation.getLastName(), invitation.getRole().canonicalName(),
                context.settings().labelOf(invitation.getRole()), grantsOf(invitation), teamIdsOf(invitation), status,
                "expired".equals(status), invitation.getDelivery().wireName(), invitation.getCreatedAt(),
                invitation.getExpiresAt(), invitation.getLastSentAt(),
                allowedAt.isPresent() ? allowedAt.getAsLong() : null, invitation.getInvitedBy(),
                invitation.getAcceptedBy(), invitation.getAcceptedAt());
    }

    static Map<String, Object> auditState(InvitationEntity invitation) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("email", invitation.getEmail());
        state.put("role", invitation.getRole().canonicalName());
        state.put("state", invitation.getState().name().toLowerCase(Locale.ROOT));
        state.put("deliveryStatus", invitation.getDelivery().wireName());
        state.put("expiresAt", invitation.getExpiresAt());
        return state;
    }

    static List<GrantInput> grantsOf(InvitationEntity invitation) {
        return read(invitation.getGrants(), new TypeReference<List<GrantInput>>() { });
    }

    static List<String> teamIdsOf(InvitationEntity invitation) {
        return read(invitation.getTeamIds(), new TypeReference<List<String>>() { });
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> read(String stored, TypeReference<List<T>> type) {
        if (stored == null) {
            return List.of();
        }
        try {
            return JSON.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored invitation data is not JSON", e);
        }
    }

}
