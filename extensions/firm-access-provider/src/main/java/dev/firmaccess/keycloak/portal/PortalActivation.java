package dev.firmaccess.keycloak.portal;

import dev.firmaccess.keycloak.access.BusinessEntity;
import dev.firmaccess.keycloak.audit.AuditLog;
import dev.firmaccess.keycloak.firm.StaffAccessCache;
import dev.firmaccess.keycloak.mail.AcceptProblem;
import dev.firmaccess.keycloak.mail.LinkCheck;
import dev.firmaccess.keycloak.mail.EmailIdentity;
import dev.firmaccess.keycloak.metrics.FirmAccessMetrics;
import jakarta.persistence.EntityManager;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * The rules of activating: the link must be the current one of pending, unexpired memberships of
 * its firm, address and businesses, and the account's verified email the invited one. The memberships are
 * locked while activating, so of two simultaneous activations only one succeeds; the other sees
 * a used link.
 */
public final class PortalActivation {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EntityManager em;
    private final PortalMembershipRepository memberships;

    public PortalActivation(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.memberships = new PortalMembershipRepository(em);
    }

    /** A checked link: what it would activate and in which firm, or the problem that stops it. */
    public record Checked(AcceptProblem problem, PortalActivationToken token, OrganizationModel firm,
            List<PortalMembershipEntity> activatable) implements LinkCheck {

        static Checked failed(AcceptProblem problem, PortalActivationToken token, OrganizationModel firm) {
            return new Checked(problem, token, firm, List.of());
        }

        @Override
        public String email() {
            return token.getEmail();
        }
    }

    public Checked check(String token) {
        return new PortalLinks(session, realm).verify(token)
                .map(verified -> check(verified, memberships.byLink(verified.getOrganizationId(), verified.getId())))
                .orElseGet(() -> Checked.failed(AcceptProblem.INVALID, null, null));
    }

    /**
     * Activates for the user the account supplier gives (called only once every rule holds, so a
     * new account is created only for a usable link), or answers why not; changes nothing then.
     */
    public Checked activate(String token, Supplier<UserModel> account, ClientModel client) {
        Checked result = tryActivate(token, account, client);
        FirmAccessMetrics.portalActivation(result.ok() ? FirmAccessMetrics.SUCCEEDED : result.problem().name());
        return result;
    }

    private Checked tryActivate(String token, Supplier<UserModel> account, ClientModel client) {
        Optional<PortalActivationToken> verified = new PortalLinks(session, realm).verify(token);
        if (verified.isEmpty()) {
            return Checked.failed(AcceptProblem.INVALID, null, null);
        }
        Checked checked = check(verified.get(),
                memberships.lockByLink(verified.get().getOrganizationId(), verified.get().getId()));
        if (!checked.ok()) {
            return checked;
        }
        UserModel user = account.get();
        if (!EmailIdentity.same(checked.email(), user.getEmail())) {
            return Checked.failed(AcceptProblem.WRONG_USER, checked.token(), checked.firm());
        }
        if (!user.isEmailVerified()) {
            return Checked.failed(AcceptProblem.EMAIL_NOT_VERIFIED, checked.token(), checked.firm());
        }
        long now = System.currentTimeMillis();
        AuditLog audit = new AuditLog(session, realm.getId(), checked.firm().getId(), user.getId(), () -> {
            AdminAuth auth = new AdminAuth(realm, null, user, client);
            return new AdminEventBuilder(realm, auth, session, session.getContext().getConnection());
        });
        // A new link id: the used link stops working, and a replay finds the memberships active.
        String spent = KeycloakModelUtils.generateId();
        for (PortalMembershipEntity membership : checked.activatable()) {
            Map<String, Object> before = PortalService.auditState(membership);
            membership.setStatus(PortalStatus.ACTIVE);
            membership.setUserId(user.getId());
            membership.setActivatedAt(now);
            membership.setLinkId(spent);
            audit.record("portal.activated", PortalMembershipRepository.TARGET, membership.getId(), before,
                    PortalService.auditState(membership));
        }
        StaffAccessCache.evict(session, realm, List.of(user.getId()));
        return checked;
    }

    private Checked check(PortalActivationToken token, List<PortalMembershipEntity> sameLink) {
        List<PortalMembershipEntity> rows = sameLink.stream()
                .filter(m -> m.getRealmId().equals(realm.getId()))
                .filter(m -> EmailIdentity.same(m.getEmail(), token.getEmail()))
                .filter(m -> token.getBusinessIds().contains(m.getBusinessId()))
                .toList();
        if (rows.isEmpty()) {
            return Checked.failed(staleLinkProblem(token), token, null);
        }
        // With the realm's organizations feature off, no firm of it is available.
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        OrganizationModel firm = organizations.isEnabled() ? organizations.getById(token.getOrganizationId()) : null;
        if (firm == null || !firm.isEnabled()) {
            return Checked.failed(AcceptProblem.FIRM_UNAVAILABLE, token, null);
        }
        long now = System.currentTimeMillis();
        List<PortalMembershipEntity> activatable = rows.stream()
                .filter(m -> PortalStatus.activatable(m.getStatus(), m.getExpiresAt(), now)).toList();
        if (!activatable.isEmpty()) {
            return new Checked(null, token, firm, activatable);
        }
        if (rows.stream().anyMatch(m -> m.getStatus() == PortalStatus.PENDING)) {
            return Checked.failed(AcceptProblem.EXPIRED, token, firm);
        }
        return Checked.failed(rows.stream().anyMatch(m -> m.getStatus() == PortalStatus.ACTIVE)
                ? AcceptProblem.USED : AcceptProblem.CANCELLED, token, firm);
    }

    /**
     * Why a correctly signed link matches no membership: its address's rows in the businesses it
     * names moved on (activated, cancelled, or sent again with a new link), or none are left.
     */
    private AcceptProblem staleLinkProblem(PortalActivationToken token) {
        List<PortalMembershipEntity> current = token.getBusinessIds().stream()
                .map(businessId -> memberships.findByEmail(businessId, token.getEmail().toLowerCase(Locale.ROOT)))
                .flatMap(Optional::stream)
                .filter(m -> m.getOrganizationId().equals(token.getOrganizationId())
                        && m.getRealmId().equals(realm.getId()))
                .toList();
        if (current.isEmpty()) {
            return AcceptProblem.INVALID;
        }
        if (current.stream().anyMatch(m -> m.getStatus() == PortalStatus.ACTIVE)) {
            return AcceptProblem.USED;
        }
        return current.stream().allMatch(m -> m.getStatus() == PortalStatus.CANCELLED)
                ? AcceptProblem.CANCELLED : AcceptProblem.REPLACED;
    }

    /** The details the pages show about a usable link. */
    public Map<String, Object> details(Checked checked) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("firmName", checked.firm().getName());
        details.put("email", checked.email());
        details.put("businessNames", checked.activatable().stream()
                .map(m -> em.find(BusinessEntity.class, m.getBusinessId()))
                .filter(Objects::nonNull)
                .map(BusinessEntity::getName)
                .toList());
        details.put("expiresAt", new Date(checked.activatable().get(0).getExpiresAt()));
        return details;
    }
}
