package dev.firmaccess.keycloak.access;

import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.StaffAccessCache;
import dev.firmaccess.keycloak.firm.TeamDirectory;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.keycloak.models.UserModel;

/**
 * Drops the cached standing of everyone whose reach a change of grants or businesses touches: the
 * user a grant names, or every member of the team it names. Called once per change with all its
 * grants, so a bulk change of thousands of grants to one subject evicts one user.
 */
final class ReachEviction {

    private final FirmContext context;

    ReachEviction(FirmContext context) {
        this.context = context;
    }

    void subject(GrantSubjectType type, String subjectId) {
        evict(Set.of(new Subject(type, subjectId)));
    }

    void grants(Collection<GrantEntity> changed) {
        evict(changed.stream().map(grant -> new Subject(grant.getSubjectType(), grant.getSubjectId())).toList());
    }

    void evict(Collection<Subject> subjects) {
        TeamDirectory teams = TeamDirectory.of(context);
        Set<String> userIds = new LinkedHashSet<>();
        for (Subject subject : new LinkedHashSet<>(subjects)) {
            if (subject.type() == GrantSubjectType.USER) {
                userIds.add(subject.id());
            } else {
                teams.find(subject.id()).ifPresent(team -> teams.members(team, 0, Integer.MAX_VALUE).stream()
                        .map(UserModel::getId).forEach(userIds::add));
            }
        }
        StaffAccessCache.evict(context.session(), context.realm(), userIds);
    }

    /** Whom a grant names. */
    record Subject(GrantSubjectType type, String id) {
    }
}
