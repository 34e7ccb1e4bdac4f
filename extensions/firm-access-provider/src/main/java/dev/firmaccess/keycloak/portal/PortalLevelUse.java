package dev.firmaccess.keycloak.portal;

import dev.firmaccess.keycloak.access.LevelUse;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.storage.Jpa;
import java.util.List;
import java.util.Map;

/**
 * Portal memberships at a firm's access level: the active ones (a move changes what their users
 * reach, so it is audited as a change of access) and the pending ones (the level they will get on
 * activation). Cancelled memberships are history and keep the name they had.
 */
public record PortalLevelUse(FirmContext context, PortalMembershipRepository memberships, PortalStatus status,
        String place) implements LevelUse {

    /** The active memberships and the pending portal invitations of the firm. */
    public static List<LevelUse> of(FirmContext context) {
        PortalMembershipRepository memberships = new PortalMembershipRepository(Jpa.entityManager(context.session()));
        return List.of(new PortalLevelUse(context, memberships, PortalStatus.ACTIVE, "portalMemberships"),
                new PortalLevelUse(context, memberships, PortalStatus.PENDING, "portalInvitations"));
    }

    @Override
    public int count(String level) {
        return memberships.countAtLevel(context.firm().getId(), status, level);
    }

    @Override
    public int move(String from, String to, Map<String, List<String>> attributes) {
        int moved = memberships.moveLevel(context.firm().getId(), status, from, to);
        if (moved > 0 && status == PortalStatus.ACTIVE) {
            context.audit().record("portal.level_moved", "level", from, Map.of("level", from, place, moved),
                    Map.of("level", to, place, moved));
        }
        return moved;
    }
}
