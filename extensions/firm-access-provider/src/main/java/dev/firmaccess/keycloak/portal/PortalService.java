package dev.firmaccess.keycloak.portal;

import dev.firmaccess.keycloak.access.AccessLevels;
import dev.firmaccess.keycloak.access.BusinessEntity;
import dev.firmaccess.keycloak.access.BusinessRepository;
import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.core.RealmUsers;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.StaffAccessCache;
import dev.firmaccess.keycloak.mail.DeliveryStatus;
import dev.firmaccess.keycloak.mail.FirmAccessEmail;
import dev.firmaccess.keycloak.mail.Invitee;
import dev.firmaccess.keycloak.mail.ResendCooldown;
import dev.firmaccess.keycloak.mailquota.MailQuota;
import dev.firmaccess.keycloak.portal.PortalViews.AddRequest;
import dev.firmaccess.keycloak.portal.PortalViews.InviteRequest;
import dev.firmaccess.keycloak.portal.PortalViews.Link;
import dev.firmaccess.keycloak.portal.PortalViews.PortalMembership;
import dev.firmaccess.keycloak.storage.Jpa;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Managing a firm's portal users: inviting (or pre-provisioning) them into a business workspace,
 * sending and resending the activation, cancelling it, copying its link, adding an active portal
 * user to another workspace, and removing access. Each change is audited.
 */
public final class PortalService {

    private static final String TARGET = PortalMembershipRepository.TARGET;

    private final FirmContext context;
    private final BusinessRepository businesses;
    private final PortalMembershipRepository memberships;
    private final AccessLevels levels;
    private final PortalAccess access;

    public PortalService(FirmContext context) {
        this.context = context;
        EntityManager em = Jpa.entityManager(context.session());
        this.businesses = new BusinessRepository(em);
        this.memberships = new PortalMembershipRepository(em);
        this.levels = AccessLevels.of(context);
        this.access = new PortalAccess(context);
    }

    /** One page of the memberships the actor may see; members see only businesses they have full access to. */
    public List<PortalMembership> page(String businessId, String status, String search, int first, int max) {
        long now = System.currentTimeMillis();
        return views(memberships.page(context.firm().getId(), filter(businessId, status, search), now, first, max),
                now);
    }

    public long count(String businessId, String status, String search) {
        return memberships.count(context.firm().getId(), filter(businessId, status, search),
                System.currentTimeMillis());
    }

    public PortalMembership get(String id) {
        return view(access.requireMembership(id, false), System.currentTimeMillis());
    }

    /** A business whose portal users the actor may manage, as every change here checks; others are a 404. */
    public BusinessEntity requireManagedBusiness(String businessId) {
        return access.requireManaged(businessId);
    }

    /**
     * Invites everyone listed into one business. Every invitee is checked before anything is
     * written: one bad or taken address and nobody is invited. Guests get their activation at once;
     * owners may be pre-provisioned ({@code send: false}) and sent later.
     */
    public List<PortalMembership> invite(InviteRequest request) {
        BusinessEntity business = requireOpen(access.requireManaged(request.businessId()));
        PortalRole role = role(request.role());
        boolean send = request.send() == null || request.send();
        PortalPolicy.requireSendable(role, send);
        String level = levels.require(request.level());
        String message = PortalPolicy.message(request.message());
        List<Invitee> invitees = Invitee.checked(request.invitees(), context.limits());
        long now = System.currentTimeMillis();
        Map<Invitee, PortalMembershipEntity> reusable = new LinkedHashMap<>();
        for (Invitee invitee : invitees) {
            PortalMembershipEntity existing = requireFree(business, invitee.email(), now);
            if (existing != null) {
                reusable.put(invitee, existing);
            }
        }
        if (send) {
            MailQuota.of(context).spend(invitees.size(), now);
        }
        List<PortalMembershipEntity> created = new ArrayList<>();
        for (Invitee invitee : invitees) {
            PortalMembershipEntity existing = reusable.get(invitee);
            Map<String, Object> before = existing == null ? null : auditState(existing);
            PortalMembershipEntity membership = provision(existing, business, invitee, role, level, message, now);
            if (send) {
                deliver(List.of(membership), now);
            }
            context.audit().record("portal.invited", TARGET, membership.getId(), before, auditState(membership));
            created.add(membership);
        }
        return views(created, now);
    }

    /**
     * A pending, never-sent membership of one invitee, in a new row or in the address's reusable one
     * ({@code reused}, null for none). The caller has checked the address is free, and sends and audits.
     */
    PortalMembershipEntity provision(PortalMembershipEntity reused, BusinessEntity business, Invitee invitee,
            PortalRole role, String level, String message, long now) {
        PortalMembershipEntity membership = fresh(reused, business, invitee.email(), role, level, now);
        membership.setFirstName(invitee.firstName());
        membership.setLastName(invitee.lastName());
        membership.setMessage(message);
        return membership;
    }

    /** Adds an active portal user of this firm to another business at once, without an email. */
    public PortalMembership add(AddRequest request) {
        BusinessEntity business = requireOpen(access.requireManaged(request.businessId()));
        PortalRole role = role(request.role());
        String level = levels.require(request.level());
        List<PortalMembershipEntity> active = request.userId() == null ? List.of()
                : memberships.activeOf(context.firm().getId(), request.userId());
        UserModel user = active.isEmpty() ? null : RealmUsers.find(context.session(), context.realm(),
                request.userId());
        if (user == null) {
            throw FirmAccessException.notFound(
                    "Portal user not found: only an active portal user of this firm can be added");
        }
        String email = active.get(0).getEmail();
        long now = System.currentTimeMillis();
        PortalMembershipEntity existing = requireFree(business, email, now);
        Map<String, Object> before = existing == null ? null : auditState(existing);
        PortalMembershipEntity membership = fresh(existing, business, email, role, level, now);
        membership.setFirstName(user.getFirstName());
        membership.setLastName(user.getLastName());
        membership.setUserId(user.getId());
        membership.setStatus(PortalStatus.ACTIVE);
        membership.setActivatedAt(now);
        StaffAccessCache.evict(context.session(), context.realm(), List.of(user.getId()));
        context.audit().record("portal.added", TARGET, membership.getId(), before, auditState(membership));
        return view(membership, now);
    }

    /** Ends the access at once: the row goes, so the next evaluation or token refresh no longer sees it. */
    public void remove(String id) {
        PortalMembershipEntity membership = access.requireMembership(id, true);
        Map<String, Object> before = auditState(membership);
        memberships.delete(membership);
        if (membership.getUserId() != null) {
            StaffAccessCache.evict(context.session(), context.realm(), List.of(membership.getUserId()));
        }
        context.audit().record("portal.removed", TARGET, id, before, null);
    }

    /** The first send of a pre-provisioned membership, or a resend with a new link (older links stop working). */
    public PortalMembership send(String id) {
        PortalMembershipEntity membership = access.requireMembership(id, true);
        requirePending(membership, "sent");
        long now = System.currentTimeMillis();
        OptionalLong allowedAt = PortalPolicy.sendAllowedAt(membership, context.settings().resendCooldownMinutes(),
                now);
        if (allowedAt.isPresent()) {
            throw ResendCooldown.tooSoon("activation", allowedAt.getAsLong() - now);
        }
        MailQuota.of(context).spend(1, now);
        Map<String, Object> before = auditState(membership);
        boolean first = membership.getInvitedAt() == null;
        deliver(List.of(membership), now);
        context.audit().record(first ? "portal.sent" : "portal.resent", TARGET, id, before, auditState(membership));
        return view(membership, now);
    }

    public void cancel(String id) {
        PortalMembershipEntity membership = access.requireMembership(id, true);
        requirePending(membership, "cancelled");
        Map<String, Object> before = auditState(membership);
        // The link id stays, so the dead link can still say that it was cancelled.
        membership.setStatus(PortalStatus.CANCELLED);
        context.audit().record("portal.cancelled", TARGET, id, before, auditState(membership));
    }

    /** The current link of a pending membership for sending by hand; issued now if it was never sent. */
    public Link link(String id) {
        PortalMembershipEntity membership = access.requireMembership(id, true);
        requirePending(membership, "activated by a link");
        long now = System.currentTimeMillis();
        if (membership.getExpiresAt() != null && membership.getExpiresAt() <= now) {
            throw FirmAccessException.of(ErrorCode.LINK_EXPIRED,
                    "The activation link has expired; send it again first");
        }
        Map<String, Object> before = auditState(membership);
        if (membership.getLinkId() == null) {
            membership.setLinkId(KeycloakModelUtils.generateId());
            membership.setExpiresAt(PortalPolicy.expiry(context.settings().portalInvitationExpiryDays(), now));
        }
        if (membership.getInvitedAt() == null) {
            membership.setInvitedAt(now);
        }
        String url = new PortalLinks(context.session(), context.realm())
                .issue(memberships.byLink(context.firm().getId(), membership.getLinkId()));
        context.audit().record("portal.link_copied", TARGET, id, before, auditState(membership));
        return new Link(url, membership.getExpiresAt());
    }

    /** Sends the activation to every owner of the business who was pre-provisioned and never sent one. */
    public List<PortalMembership> inviteOwners(String businessId) {
        BusinessEntity business = requireOpen(access.requireManaged(businessId));
        long now = System.currentTimeMillis();
        List<PortalMembershipEntity> owners = memberships.unsentOwners(context.firm().getId(), business.getId());
        MailQuota.of(context).spend(owners.size(), now);
        for (PortalMembershipEntity owner : owners) {
            Map<String, Object> before = auditState(owner);
            deliver(List.of(owner), now);
            context.audit().record("portal.sent", TARGET, owner.getId(), before, auditState(owner));
        }
        return views(owners, now);
    }

    /**
     * Issues one new link for pending memberships of one address (older links stop working) and
     * puts its mail in the outbox: not_sent until it goes out. The resend cooldown counts from
     * now; a failed attempt lifts it.
     */
    public void deliver(List<PortalMembershipEntity> sameAddress, long now) {
        String linkId = KeycloakModelUtils.generateId();
        long expiresAt = PortalPolicy.expiry(context.settings().portalInvitationExpiryDays(), now);
        sameAddress.forEach(membership -> {
            membership.setLinkId(linkId);
            membership.setExpiresAt(expiresAt);
        });
        String link = new PortalLinks(context.session(), context.realm()).issue(sameAddress);
        List<String> businessNames = businesses(sameAddress).values().stream().map(BusinessEntity::getName).toList();
        boolean queued = new PortalMailer(context.session(), context.realm()).queue(context.firm(),
                sameAddress.get(0), businessNames,
                FirmAccessEmail.actorName(context.session(), context.realm(), context.actor().userId()), link);
        sameAddress.forEach(membership -> {
            membership.setDelivery(DeliveryStatus.NOT_SENT);
            if (queued) {
                membership.setLastSentAt(now);
                membership.setCooldownLifted(false);
                if (membership.getInvitedAt() == null) {
                    membership.setInvitedAt(now);
                }
            }
        });
    }

    private PortalMembershipRepository.Filter filter(String businessId, String status, String search) {
        return new PortalMembershipRepository.Filter(businessId, status, search, access.listRestriction());
    }

    /**
     * The row an address may take in a business: null when it has none, its cancelled or expired
     * row (which a new invitation takes over), else the 409 of an address already pending or active.
     */
    PortalMembershipEntity requireFree(BusinessEntity business, String email, long now) {
        PortalMembershipEntity existing = memberships.findByEmail(business.getId(), email).orElse(null);
        if (existing != null && !PortalPolicy.reusable(existing.getStatus(), existing.getExpiresAt(), now)) {
            throw FirmAccessException.of(ErrorCode.ALREADY_IN_PORTAL,
                    email + " is already " + PortalStatus.wireName(existing.getStatus(),
                    existing.getExpiresAt(), now) + " in the portal of " + business.getName());
        }
        return existing;
    }

    /** A pending, never-sent membership of an address, in a new row or in the address's reused one. */
    private PortalMembershipEntity fresh(PortalMembershipEntity reused, BusinessEntity business, String email,
            PortalRole role, String level, long now) {
        PortalMembershipEntity membership = reused == null ? new PortalMembershipEntity() : reused;
        if (reused == null) {
            membership.placeNew(context.realm().getId(), context.firm().getId());
            membership.setBusinessId(business.getId());
        }
        membership.setEmail(email);
        membership.setFirstName(null);
        membership.setLastName(null);
        membership.setUserId(null);
        membership.setRole(role);
        membership.setAccessLevel(level);
        membership.setStatus(PortalStatus.PENDING);
        membership.setMessage(null);
        membership.setInvitedBy(context.actor().userId());
        membership.setCreatedAt(now);
        membership.setInvitedAt(null);
        membership.setExpiresAt(null);
        membership.setLinkId(null);
        membership.setDelivery(DeliveryStatus.NOT_SENT);
        membership.setLastSentAt(null);
        membership.setCooldownLifted(false);
        membership.setActivatedAt(null);
        membership.setLastLoginAt(null);
        if (reused == null) {
            memberships.persist(membership);
        }
        return membership;
    }

    static BusinessEntity requireOpen(BusinessEntity business) {
        if (business.isArchived()) {
            throw FirmAccessException.of(ErrorCode.BUSINESS_ARCHIVED,
                    "Business " + business.getName() + " is archived; restore it first");
        }
        return business;
    }

    private static PortalRole role(String value) {
        return PortalRole.parse(value).orElseThrow(() -> FirmAccessException.badInput(
                "'role' must be one of owner, guest"));
    }

    private static void requirePending(PortalMembershipEntity membership, String action) {
        if (membership.getStatus() != PortalStatus.PENDING) {
            throw FirmAccessException.of(ErrorCode.NOT_PENDING,
                    "Only a pending portal membership can be " + action + "; this one is "
                    + membership.getStatus().name().toLowerCase(Locale.ROOT));
        }
    }

    private Map<String, BusinessEntity> businesses(Collection<PortalMembershipEntity> rows) {
        return businesses
                .findAll(context.firm().getId(), rows.stream().map(PortalMembershipEntity::getBusinessId)
                        .collect(Collectors.toCollection(java.util.LinkedHashSet::new)))
                .stream().collect(Collectors.toMap(BusinessEntity::getId, Function.identity()));
    }

    List<PortalMembership> views(List<PortalMembershipEntity> rows, long now) {
        Map<String, BusinessEntity> byId = businesses(rows);
        return rows.stream().map(row -> view(row, byId.get(row.getBusinessId()), now)).toList();
    }

    private PortalMembership view(PortalMembershipEntity membership, long now) {
        return view(membership, businesses.find(context.firm().getId(), membership.getBusinessId())
                .orElse(null), now);
    }

    private PortalMembership view(PortalMembershipEntity m, BusinessEntity business, long now) {
        OptionalLong allowedAt = PortalPolicy.sendAllowedAt(m, context.settings().resendCooldownMinutes(), now);
        return new PortalMembership(m.getId(), m.getBusinessId(), business == null ? null : business.getName(),
                m.getEmail(), m.getFirstName(), m.getLastName(), m.getUserId(), m.getRole().wireName(),
                m.getAccessLevel(), PortalStatus.wireName(m.getStatus(), m.getExpiresAt(), now),
                m.getDelivery().wireName(), m.getMessage(), m.getInvitedBy(), m.getCreatedAt(), m.getInvitedAt(),
                m.getExpiresAt(), m.getActivatedAt(), m.getLastLoginAt(),
                allowedAt.isPresent() ? allowedAt.getAsLong() : null);
    }

    static Map<String, Object> auditState(PortalMembershipEntity membership) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("email", membership.getEmail());
        state.put("businessId", membership.getBusinessId());
        state.put("role", membership.getRole().wireName());
        state.put("level", membership.getAccessLevel());
        state.put("status", membership.getStatus().name().toLowerCase(Locale.ROOT));
        state.put("delivery", membership.getDelivery().wireName());
        state.put("expiresAt", membership.getExpiresAt());
        state.put("userId", membership.getUserId());
        return state;
    }
}
