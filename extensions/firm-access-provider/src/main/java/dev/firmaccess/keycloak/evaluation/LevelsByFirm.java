package dev.firmaccess.keycloak.evaluation;

import dev.firmaccess.keycloak.access.AccessLevels;
import dev.firmaccess.keycloak.settings.FirmAccessSettings;
import java.util.HashMap;
import java.util.Map;
import org.keycloak.models.OrganizationModel;

/** The access levels of each firm a request touches (the realm's and the firm's own), read once per firm. */
final class LevelsByFirm {

    private final FirmAccessSettings settings;
    private final Map<String, AccessLevels> byFirmId = new HashMap<>();

    LevelsByFirm(FirmAccessSettings settings) {
        this.settings = settings;
    }

    AccessLevels of(OrganizationModel firm) {
        return byFirmId.computeIfAbsent(firm.getId(), id -> AccessLevels.of(settings, firm));
    }
}
