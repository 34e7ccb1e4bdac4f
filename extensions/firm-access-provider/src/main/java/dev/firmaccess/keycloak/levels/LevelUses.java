package dev.firmaccess.keycloak.levels;

import dev.firmaccess.keycloak.access.LevelUse;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.invitation.InvitationLevelUse;
import dev.firmaccess.keycloak.portal.PortalLevelUse;
import dev.firmaccess.keycloak.sso.JoinerLevelUse;
import java.util.ArrayList;
import java.util.List;

/**
 * Every place besides grants where a firm names its access levels. The capabilities that keep
 * them know nothing of each other, and {@code access}, which deletes levels, knows none of them;
 * this is where they meet, for the API and the console alike.
 */
public final class LevelUses {

    private LevelUses() {
    }

    public static List<LevelUse> of(FirmContext context) {
        List<LevelUse> uses = new ArrayList<>(PortalLevelUse.of(context));
        uses.add(new InvitationLevelUse(context));
        uses.add(new JoinerLevelUse(context));
        return List.copyOf(uses);
    }
}
