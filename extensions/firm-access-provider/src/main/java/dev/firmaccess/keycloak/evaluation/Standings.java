package dev.firmaccess.keycloak.evaluation;

import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.firm.StaffAccessCache;
import dev.firmaccess.keycloak.firm.StaffAccessCache.StaffRecord;
import dev.firmaccess.keycloak.firm.StaffRepository;
import dev.firmaccess.keycloak.firm.TeamDirectory;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * Looks up subjects, firms and standings for one request. The lookups are remembered for that
 * request, so a batch about one subject asks once; staff rows come from the user's
 * {@link StaffAccessCache} entry, which every change of them evicts on every node.
 */
final class Standings {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OrganizationProvider organizations;
    private final StaffRepository staff;
    private final Map<String, Optional<UserModel>> users = new HashMap<>();
    private final Map<String, Optional<OrganizationModel>> firms = new HashMap<>();
    private final Map<String, Optional<Standing>> standings = new HashMap<>();
    private final Map<String, List<OrganizationModel>> firmsByUser = new HashMap<>();

    Standings(KeycloakSession session, RealmModel realm, OrganizationProvider organizations, StaffRepository staff) {
        this.session = session;
        this.realm = realm;
        this.organizations = organizations;
        this.staff = staff;
    }

    /**
     * An enabled subject of type user by its Keycloak user id; usernames and emails are not subject
     * ids. A disabled user reaches nothing, as they can no longer sign in or exchange a key.
     */
    Optional<UserModel> user(String userId) {
        return users.computeIfAbsent(userId, id -> Optional.ofNullable(session.users().getUserById(realm, id))
                .filter(UserModel::isEnabled));
    }

    /** An enabled firm by organization id or alias. */
    Optional<OrganizationModel> firm(String idOrAlias) {
        if (!organizationsEnabled()) {
            return Optional.empty();
        }
        return firms.computeIfAbsent(idOrAlias, key -> {
            OrganizationModel firm = organizations.getById(key);
            if (firm == null) {
                firm = organizations.getByAlias(key);
            }
            return Optional.ofNullable(firm).filter(OrganizationModel::isEnabled);
        });
    }

    /** The user's standing in the firm; empty when they are not its staff. */
    Optional<Standing> of(OrganizationModel firm, UserModel user) {
        return standings.computeIfAbsent(Standing.key(firm.getId(), user.getId()), key -> {
            if (!organizations.isMember(firm, user)) {
                return Optional.empty();
            }
            StaffRecord row = StaffAccessCache.staffRecords(user, staff).getOrDefault(firm.getId(), StaffRecord.DEFAULT);
            StaffRole role = row.role();
            return Optional.of(new Standing(firm, user, role, row.programmaticAccess(),
                    role.reachesAllBusinesses() ? Map.of() : teams(firm, user)));
        });
    }

    /** The user's teams in the firm, id to name: ids from the user's cached standing, names from Keycloak's group cache. */
    private Map<String, String> teams(OrganizationModel firm, UserModel user) {
        Map<String, String> teams = new LinkedHashMap<>();
        for (String teamId : new TeamDirectory(session, realm, organizations, firm).cachedTeamIdsOf(user)) {
            GroupModel team = session.groups().getGroupById(realm, teamId);
            if (team != null) {
                teams.put(teamId, team.getName());
            }
        }
        return teams;
    }

    /** The enabled firms the user is staff of, ordered by id so that search pages are stable. */
    List<OrganizationModel> firmsOf(UserModel user) {
        if (!organizationsEnabled()) {
            return List.of();
        }
        return firmsByUser.computeIfAbsent(user.getId(), id -> organizations.getByMember(user)
                .filter(OrganizationModel::isEnabled)
                .sorted(Comparator.comparing(OrganizationModel::getId))
                .toList());
    }

    private boolean organizationsEnabled() {
        return organizations != null && organizations.isEnabled();
    }
}
