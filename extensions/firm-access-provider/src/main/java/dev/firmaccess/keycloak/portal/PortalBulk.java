package dev.firmaccess.keycloak.portal;

import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.mailquota.MailQuota;
import dev.firmaccess.keycloak.portal.PortalViews.BulkOutcome;
import dev.firmaccess.keycloak.portal.PortalViews.BulkRequest;
import dev.firmaccess.keycloak.portal.PortalViews.BulkResult;
import dev.firmaccess.keycloak.portal.PortalViews.PortalMembership;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Send, resend or cancel several portal memberships in one request. Validity is all or nothing:
 * an unknown or foreign id (404), a membership that is not pending or does not fit the action
 * (409, naming every such row), and nothing changes. The resend cooldown does not refuse the
 * batch: a membership still in its cooldown is left as it was and reported with the seconds
 * left, while the others are sent, so that one recent send does not hold back a whole selection.
 */
public final class PortalBulk {

    /** The actions, as the request names them. */
    public enum Action {
        SEND, RESEND, CANCEL;

        static Action parse(String value) {
            for (Action action : values()) {
                if (action.name().equalsIgnoreCase(value == null ? "" : value)) {
                    return action;
                }
            }
            throw FirmAccessException.badInput("'action' must be one of send, resend, cancel");
        }
    }

    private static final String TARGET = PortalMembershipRepository.TARGET;

    private final FirmContext context;
    private final PortalService portal;

    public PortalBulk(FirmContext context) {
        this.context = context;
        this.portal = new PortalService(context);
    }

    public BulkResult run(BulkRequest request) {
        Action action = Action.parse(request.action());
        List<PortalMembershipEntity> selected = selected(request.membershipIds());
        requireFitting(action, selected);
        long now = System.currentTimeMillis();
        int cooldownMinutes = context.settings().resendCooldownMinutes();
        List<PortalMembershipEntity> toSend = action == Action.CANCEL ? List.of()
                : selected.stream()
                        .filter(m -> PortalPolicy.sendAllowedAt(m, cooldownMinutes, now).isEmpty())
                        .toList();
        MailQuota.of(context).spend(toSend.size(), now);
        List<String> outcomes = new ArrayList<>();
        List<Long> waits = new ArrayList<>();
        for (PortalMembershipEntity membership : selected) {
            OptionalLong allowedAt = action == Action.CANCEL ? OptionalLong.empty()
                    : PortalPolicy.sendAllowedAt(membership, cooldownMinutes, now);
            if (allowedAt.isPresent()) {
                outcomes.add("cooldown");
                waits.add(Math.max(1, (allowedAt.getAsLong() - now + 999) / 1000));
                continue;
            }
            outcomes.add(apply(action, membership, now));
            waits.add(null);
        }
        List<PortalMembership> views = portal.views(selected, now);
        List<BulkOutcome> results = new ArrayList<>();
        for (int i = 0; i < selected.size(); i++) {
            PortalMembershipEntity membership = selected.get(i);
            results.add(new BulkOutcome(membership.getId(), membership.getEmail(), outcomes.get(i), waits.get(i),
                    views.get(i)));
        }
        return new BulkResult(results);
    }

    private String apply(Action action, PortalMembershipEntity membership, long now) {
        Map<String, Object> before = PortalService.auditState(membership);
        String event;
        if (action == Action.CANCEL) {
            membership.setStatus(PortalStatus.CANCELLED);
            event = "cancelled";
        } else {
            portal.deliver(List.of(membership), now);
            event = action == Action.SEND ? "sent" : "resent";
        }
        context.audit().record("portal." + event, TARGET, membership.getId(), before,
                PortalService.auditState(membership));
        return event;
    }

    /** The selected memberships in the order given; every one must be one the actor may change. */
    private List<PortalMembershipEntity> selected(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            throw FirmAccessException.badInput("'membershipIds' must list at least one membership");
        }
        int limit = context.limits().invitees();
        if (ids.size() > limit) {
            throw FirmAccessException.badInput("At most " + limit + " memberships per bulk action");
        }
        PortalAccess access = new PortalAccess(context);
        Set<String> seen = new HashSet<>();
        List<PortalMembershipEntity> selected = new ArrayList<>();
        for (String id : ids) {
            if (id == null || !seen.add(id)) {
                throw FirmAccessException.badInput("'membershipIds' must list distinct ids, without null");
            }
            selected.add(access.requireMembership(id, true));
        }
        return selected;
    }

    /** The 409 naming every selected membership the action does not fit, before anything changes. */
    private static void requireFitting(Action action, List<PortalMembershipEntity> selected) {
        List<String> unfit = selected.stream().filter(m -> !fits(action, m)).map(PortalMembershipEntity::getEmail)
                .toList();
        if (!unfit.isEmpty()) {
            throw FirmAccessException.of(ErrorCode.ACTION_NOT_APPLICABLE, switch (action) {
                case SEND -> "Only pending memberships never sent can be sent; not: ";
                case RESEND -> "Only pending memberships sent before can be resent; not: ";
                case CANCEL -> "Only pending memberships can be cancelled; not: ";
            } + String.join(", ", unfit));
        }
    }

    private static boolean fits(Action action, PortalMembershipEntity membership) {
        if (membership.getStatus() != PortalStatus.PENDING) {
            return false;
        }
        return switch (action) {
            case SEND -> membership.getInvitedAt() == null;
            case RESEND -> membership.getInvitedAt() != null;
            case CANCEL -> true;
        };
    }
}
