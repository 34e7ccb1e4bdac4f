package dev.firmaccess.keycloak.access;

import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.TeamDirectory;
import dev.firmaccess.keycloak.storage.Jpa;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Grants and teams someone is to get later (when accepting an invitation, when joining through the
 * firm's identity provider), checked when they are planned: every business and team must be the
 * firm's, every level the realm's or the firm's own, no business listed twice.
 */
public final class PlannedAccess {

    private final FirmContext context;
    private final BusinessRepository businesses;
    private final TeamDirectory teams;
    private final AccessLevels levels;

    public PlannedAccess(FirmContext context) {
        this.context = context;
        this.businesses = new BusinessRepository(Jpa.entityManager(context.session()));
        this.teams = TeamDirectory.of(context);
        this.levels = AccessLevels.of(context);
    }

    /** The planned grants as business id → checked level, in the order given. */
    public <T> Map<String, String> grants(List<T> planned, Function<T, String> businessId, Function<T, String> level) {
        Map<String, String> levelByBusiness = new LinkedHashMap<>();
        if (planned == null) {
            return levelByBusiness;
        }
        for (T grant : planned) {
            String id = grant == null ? null : businessId.apply(grant);
            if (id == null || id.isBlank()) {
                throw FirmAccessException.badInput("'businessId' is required in every grant");
            }
            if (levelByBusiness.put(id, levels.require(level.apply(grant))) != null) {
                throw FirmAccessException.of(ErrorCode.DUPLICATE_ITEM, "Business " + id + " is listed more than once");
            }
        }
        Set<String> found = businesses.findAll(context.firm().getId(), levelByBusiness.keySet()).stream()
                .map(BusinessEntity::getId).collect(Collectors.toSet());
        levelByBusiness.keySet().stream().filter(id -> !found.contains(id)).findFirst().ifPresent(missing -> {
            throw FirmAccessException.notFound("Business not found: " + missing);
        });
        return levelByBusiness;
    }

    /** The planned teams without repeats, each one of the firm's. */
    public List<String> teams(List<String> teamIds) {
        if (teamIds == null) {
            return List.of();
        }
        List<String> distinct = teamIds.stream().distinct().toList();
        distinct.stream().filter(id -> id == null || teams.find(id).isEmpty()).findFirst()
                .ifPresent(missing -> {
                    throw FirmAccessException.notFound("Team not found: " + missing);
                });
        return distinct;
    }
}
