package dev.firmaccess.keycloak.invitation;

import dev.firmaccess.keycloak.access.LevelUse;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.invitation.InvitationViews.GrantInput;
import dev.firmaccess.keycloak.storage.Jpa;
import java.util.List;
import java.util.Map;

/**
 * Pending staff invitations whose initial grants name a firm's access level: the level the invitee
 * gets on accepting. Accepted and cancelled invitations are history and keep the name they had.
 */
public final class InvitationLevelUse implements LevelUse {

    private final FirmContext context;
    private final InvitationRepository invitations;

    public InvitationLevelUse(FirmContext context) {
        this.context = context;
        this.invitations = new InvitationRepository(Jpa.entityManager(context.session()));
    }

    @Override
    public String place() {
        return "staffInvitations";
    }

    @Override
    public int count(String level) {
        return naming(level).size();
    }

    @Override
    public int move(String from, String to, Map<String, List<String>> attributes) {
        List<InvitationEntity> naming = naming(from);
        for (InvitationEntity invitation : naming) {
            invitation.setGrants(InvitationService.json(InvitationService.grantsOf(invitation).stream()
                    .map(grant -> grant.level().equals(from) ? new GrantInput(grant.businessId(), to) : grant)
                    .toList()));
        }
        return naming.size();
    }

    private List<InvitationEntity> naming(String level) {
        // Level names hold no character JSON escapes, so the stored grants hold the name as written.
        return invitations.pendingWithGrantsHolding(context.firm().getId(), "\"level\":\"" + level + "\"").stream()
                .filter(invitation -> InvitationService.grantsOf(invitation).stream()
                        .anyMatch(grant -> level.equals(grant.level())))
                .toList();
    }
}
