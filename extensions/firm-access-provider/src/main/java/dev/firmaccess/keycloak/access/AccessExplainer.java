package dev.firmaccess.keycloak.access;

import dev.firmaccess.keycloak.core.StaffRole;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Combines a member's role, direct grants and team grants into every path that grants each
 * business and the effective level (the strongest path wins). Pure, so it is unit-tested alone.
 */
public final class AccessExplainer {

    private final AccessLevels levels;

    public AccessExplainer(AccessLevels levels) {
        this.levels = levels;
    }

    /** Paths per business id, in the order: role, direct, teams by name. */
    public Map<String, List<AccessPath>> paths(StaffRole role, Collection<String> businessIds,
            Collection<GrantRow> grants, Map<String, String> teamNames) {
        Map<String, List<AccessPath>> paths = new LinkedHashMap<>();
        if (role.reachesAllBusinesses()) {
            businessIds.forEach(id -> paths.computeIfAbsent(id, any -> new ArrayList<>())
                    .add(AccessPath.role(role.canonicalName(), levels.strongest())));
        }
        grants.stream()
                .sorted(java.util.Comparator.comparing((GrantRow g) -> g.subjectType() == GrantSubjectType.TEAM)
                        .thenComparing(g -> teamNames.getOrDefault(g.subjectId(), "")))
                .forEach(grant -> paths.computeIfAbsent(grant.businessId(), any -> new ArrayList<>())
                        .add(grant.subjectType() == GrantSubjectType.USER
                                ? AccessPath.direct(grant.accessLevel())
                                : AccessPath.team(grant.subjectId(),
                                        teamNames.getOrDefault(grant.subjectId(), grant.subjectId()),
                                        grant.accessLevel())));
        return paths;
    }

    public String effectiveLevel(List<AccessPath> paths) {
        return levels.strongestOf(paths.stream().map(AccessPath::level).toList());
    }
}
