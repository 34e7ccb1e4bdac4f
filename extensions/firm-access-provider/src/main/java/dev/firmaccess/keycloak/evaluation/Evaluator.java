package dev.firmaccess.keycloak.evaluation;

import dev.firmaccess.keycloak.access.AccessExplainer;
import dev.firmaccess.keycloak.access.AccessLevels;
import dev.firmaccess.keycloak.access.AccessPath;
import dev.firmaccess.keycloak.access.BusinessDirectory;
import dev.firmaccess.keycloak.access.BusinessGrants;
import dev.firmaccess.keycloak.access.GrantRepository;
import dev.firmaccess.keycloak.access.GrantRow;
import dev.firmaccess.keycloak.access.GrantSubjectType;
import dev.firmaccess.keycloak.access.UserGrants;
import dev.firmaccess.keycloak.evaluation.AuthZenModel.Entity;
import dev.firmaccess.keycloak.evaluation.AuthZenModel.Evaluation;
import dev.firmaccess.keycloak.metrics.FirmAccessMetrics;
import dev.firmaccess.keycloak.portal.PortalMembershipEntity;
import dev.firmaccess.keycloak.portal.PortalReach;
import dev.firmaccess.keycloak.web.Limits;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Decides "may subject S do action A on business B?": role reach, direct grants and team grants,
 * and the programmatic-access switch for programmatic callers; for a subject who is not staff of
 * the business's firm, their active portal membership on it. A business the subject's firms do not
 * hold is answered exactly like an unknown one.
 *
 * <p>A business of one of the subject's firms is found in the firm's {@link BusinessDirectory}
 * and its grants in the subject's {@link UserGrants}, both in Keycloak's caches and evicted on
 * every node by every change they depend on; anything else is read from the database.
 */
final class Evaluator {

    static final String GRANTED = "granted";
    static final String NOT_FOUND = "not_found";

    private final RealmModel realm;
    private final LevelsByFirm levels;
    private final GrantRepository grants;
    private final Standings standings;
    private final boolean programmatic;
    /** The firm id of each business looked at, empty for a business that is not an active one of the realm. */
    private final Map<String, Optional<String>> firmIds = new HashMap<>();
    private final PortalReach portal;
    private final Map<String, Optional<PortalMembershipEntity>> portalMemberships = new HashMap<>();
    /** Grants read with their business for one subject ({@link #readAhead}), by user id and business id. */
    private final Map<String, List<GrantRow>> grantsReadAhead = new HashMap<>();
    private final BusinessDirectory directory;
    private final int maxCachedGrants;

    Evaluator(RealmModel realm, EntityManager em, LevelsByFirm levels, Standings standings, boolean programmatic,
            Limits limits) {
        this.realm = realm;
        this.levels = levels;
        this.grants = new GrantRepository(em);
        this.directory = new BusinessDirectory(realm, em, limits.cachedBusinessesPerFirm());
        this.maxCachedGrants = limits.cachedGrantsPerUser();
        this.standings = standings;
        this.programmatic = programmatic;
        this.portal = new PortalReach(em);
    }

    Decision evaluate(Evaluation request) {
        return FirmAccessMetrics.evaluation(() -> decide(request), Decision::decision);
    }

    private Decision decide(Evaluation request) {
        Optional<BusinessAction> action = BusinessAction.parse(request.action().name());
        if (action.isEmpty()) {
            return Decision.of(false, "unsupported_action", null, null, request.explain());
        }
        return decide(request.subject(), action.get(), request.resource(), request.explain());
    }

    Decision decide(Entity subject, BusinessAction action, Entity resource, boolean explain) {
        if (!EvaluationTypes.USER.equals(subject.type())) {
            return Decision.of(false, "unsupported_subject_type", null, null, explain);
        }
        if (!EvaluationTypes.BUSINESS.equals(resource.type())) {
            return Decision.of(false, "unsupported_resource_type", null, null, explain);
        }
        Optional<UserModel> user = standings.user(subject.id());
        if (user.isEmpty()) {
            return Decision.of(false, "subject_not_found", null, null, explain);
        }
        Optional<OrganizationModel> firm = firmOf(user.get(), resource);
        Optional<Standing> standing = firm.flatMap(holder -> standings.of(holder, user.get()));
        if (standing.isEmpty()) {
            return firm.isEmpty() ? Decision.of(false, NOT_FOUND, null, null, explain)
                    : portalDecision(firm.get(), user.get(), action, resource.id(), explain);
        }
        if (programmatic && !standing.get().programmaticAccess()) {
            return Decision.of(false, "programmatic_access_off", null, null, explain);
        }
        List<AccessPath> reasons = pathsOn(standing.get(), resource.id());
        if (reasons.isEmpty()) {
            return Decision.of(false, "no_grant", null, null, explain);
        }
        AccessLevels firmLevels = levels.of(firm.get());
        String level = new AccessExplainer(firmLevels).effectiveLevel(reasons);
        boolean allowed = action.allows(level, firmLevels);
        return Decision.of(allowed, allowed ? GRANTED : "insufficient_level", level, reasons, explain);
    }

    /** The firm of the user's whose business index names the business, if any. */
    private Optional<OrganizationModel> indexedFirm(UserModel user, String businessId) {
        return standings.firmsOf(user).stream()
                .filter(firm -> directory.names(firm.getId(), businessId))
                .findFirst();
    }

    /**
     * Reads ahead for a batch: for each subject, the batch's businesses that the caches cannot
     * answer, with the grants reaching the subject on them, two queries per hundred businesses of a
     * subject instead of queries per item.
     */
    void prefetch(List<Evaluation> batch) {
        Map<String, Set<String>> businessIdsBySubject = new LinkedHashMap<>();
        for (Evaluation item : batch) {
            if (EvaluationTypes.USER.equals(item.subject().type()) && item.subject().id() != null
                    && EvaluationTypes.BUSINESS.equals(item.resource().type()) && item.resource().id() != null) {
                businessIdsBySubject.computeIfAbsent(item.subject().id(), id -> new LinkedHashSet<>())
                        .add(item.resource().id());
            }
        }
        businessIdsBySubject.forEach((subjectId, businessIds) -> standings.user(subjectId)
                .ifPresent(user -> readAhead(user, businessIds.stream()
                        .filter(id -> indexedFirm(user, id).isEmpty() || cachedGrants(user).isEmpty())
                        .toList())));
    }

    /**
     * The enabled firm holding the resource's business, if it is active and the firm is the one the
     * resource names: from the index of one of the user's firms, else from the database.
     */
    private Optional<OrganizationModel> firmOf(UserModel user, Entity resource) {
        Optional<OrganizationModel> firm = indexedFirm(user, resource.id());
        if (firm.isEmpty()) {
            readAhead(user, List.of(resource.id()));
            firm = firmIds.getOrDefault(resource.id(), Optional.empty()).flatMap(standings::firm);
            firm.filter(holder -> standings.firmsOf(user).stream().anyMatch(own -> own.getId().equals(holder.getId())))
                    .ifPresent(holder -> directory.foundActive(holder.getId()));
        }
        String named = resource.textProperty(EvaluationTypes.FIRM_PROPERTY);
        if (firm.isEmpty() || named != null && !named.equals(firm.get().getId()) && !named.equals(firm.get().getAlias())) {
            return Optional.empty();
        }
        return firm;
    }

    /**
     * A subject who is not staff of the business's firm: an active portal membership on the business
     * grants its level (read with any level, write with full); without one the business is unknown to them.
     * The programmatic-access switch is a staff setting and does not apply to portal users.
     */
    private Decision portalDecision(OrganizationModel firm, UserModel user, BusinessAction action, String businessId, boolean explain) {
        Optional<PortalMembershipEntity> membership = portalMemberships.computeIfAbsent(
                businessId + '/' + user.getId(), key -> portal.activeOn(businessId, user.getId()));
        if (membership.isEmpty()) {
            return Decision.of(false, NOT_FOUND, null, null, explain);
        }
        String level = membership.get().getAccessLevel();
        boolean allowed = action.allows(level, levels.of(firm));
        return Decision.of(allowed, allowed ? GRANTED : "insufficient_level", level,
                List.of(AccessPath.portal(membership.get().getRole().wireName(), level)), explain);
    }

    /**
     * Reads the businesses not read yet for this user (and not known to be no active business of the
     * realm), with the grants on them that reach the user; {@link #pathsOn} answers from what it read.
     */
    private void readAhead(UserModel user, Collection<String> businessIds) {
        List<String> unread = businessIds.stream()
                .filter(id -> !grantsReadAhead.containsKey(user.getId() + '/' + id) && !knownInactive(id))
                .toList();
        Map<String, BusinessGrants> read = grants.onActiveBusinessesForUser(realm.getId(), unread, user.getId());
        for (String businessId : unread) {
            BusinessGrants business = read.get(businessId);
            firmIds.put(businessId, Optional.ofNullable(business).map(BusinessGrants::organizationId));
            if (business != null) {
                grantsReadAhead.put(user.getId() + '/' + businessId, business.grants());
            }
        }
    }

    /**
     * The grants reaching the user on an active business: read ahead with it, else from the user's
     * cached grants, else read now.
     */
    private List<GrantRow> grantsOn(UserModel user, String businessId) {
        String key = user.getId() + '/' + businessId;
        if (!grantsReadAhead.containsKey(key)) {
            Optional<Map<String, List<GrantRow>>> cached = cachedGrants(user);
            if (cached.isPresent()) {
                return cached.get().getOrDefault(businessId, List.of());
            }
            readAhead(user, List.of(businessId));
        }
        return grantsReadAhead.getOrDefault(key, List.of());
    }

    private Optional<Map<String, List<GrantRow>>> cachedGrants(UserModel user) {
        return UserGrants.of(user, grants, maxCachedGrants);
    }

    /** A business already read and found not to be an active business of the realm. */
    private boolean knownInactive(String businessId) {
        return firmIds.containsKey(businessId) && firmIds.get(businessId).isEmpty();
    }

    /**
     * The paths that grant the standing's user the business, an empty list for none: the role's, and
     * those of the grants read ahead with the business, kept for the user and the teams of the standing.
     */
    private List<AccessPath> pathsOn(Standing standing, String businessId) {
        List<GrantRow> reaching = standing.role().reachesAllBusinesses() ? List.of()
                : grantsOn(standing.user(), businessId).stream()
                        .filter(grant -> grant.subjectType() == GrantSubjectType.USER
                                || standing.teamIds().contains(grant.subjectId()))
                        .toList();
        return new AccessExplainer(levels.of(standing.firm()))
                .paths(standing.role(), List.of(businessId), reaching, standing.teamNames())
                .getOrDefault(businessId, List.of());
    }
}
