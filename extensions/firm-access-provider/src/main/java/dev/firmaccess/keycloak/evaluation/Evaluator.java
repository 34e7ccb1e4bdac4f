package dev.firmaccess.keycloak.evaluation;

import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.access.AccessExplainer;
import dev.firmaccess.keycloak.access.AccessLevels;
import dev.firmaccess.keycloak.access.AccessPath;
import dev.firmaccess.keycloak.access.BusinessEntity;
import dev.firmaccess.keycloak.access.BusinessGrants;
import dev.firmaccess.keycloak.access.BusinessRepository;
import dev.firmaccess.keycloak.access.GrantRepository;
import dev.firmaccess.keycloak.access.GrantRow;
import dev.firmaccess.keycloak.access.GrantSubjectType;
import dev.firmaccess.keycloak.evaluation.AuthZenModel.Entity;
import dev.firmaccess.keycloak.evaluation.AuthZenModel.Evaluation;
import dev.firmaccess.keycloak.metrics.FirmAccessMetrics;
import dev.firmaccess.keycloak.portal.PortalMembershipEntity;
import dev.firmaccess.keycloak.portal.PortalReach;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Decides "may subject S do action A on business B?" from the database as it is now: role reach,
 * direct grants and team grants, and the programmatic-access switch for programmatic callers; for
 * a subject who is not staff of the business's firm, their active portal membership on it.
 * A business the subject's firms do not hold is answered exactly like an unknown one.
 */
final class Evaluator {

    static final String GRANTED = "granted";
    static final String NOT_FOUND = "not_found";

    private final RealmModel realm;
    private final BusinessRepository businessRepository;
    private final LevelsByFirm levels;
    private final GrantRepository grants;
    private final Standings standings;
    private final boolean programmatic;
    /** The firm id of each business looked at, empty for a business that is not an active one of the realm. */
    private final Map<String, Optional<String>> firmIds = new HashMap<>();
    private final Map<String, Map<String, List<AccessPath>>> paths = new HashMap<>();
    private final PortalReach portal;
    private final Map<String, Optional<PortalMembershipEntity>> portalMemberships = new HashMap<>();
    /** Grants read with their business for one subject ({@link #readBusinessFor}), by user id and business id. */
    private final Map<String, List<GrantRow>> grantsReadAhead = new HashMap<>();

    Evaluator(RealmModel realm, EntityManager em, LevelsByFirm levels, Standings standings, boolean programmatic) {
        this.realm = realm;
        this.businessRepository = new BusinessRepository(em);
        this.levels = levels;
        this.grants = new GrantRepository(em);
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
        readBusinessFor(user.get(), resource.id());
        Optional<OrganizationModel> firm = firmOf(resource);
        Optional<Standing> standing = firm.flatMap(holder -> standings.of(holder, user.get()));
        if (standing.isEmpty()) {
            return firm.isEmpty() ? Decision.of(false, NOT_FOUND, null, null, explain)
                    : portalDecision(firm.get(), user.get(), action, resource.id(), explain);
        }
        if (programmatic && !standing.get().programmaticAccess()) {
            return Decision.of(false, "programmatic_access_off", null, null, explain);
        }
        List<AccessPath> reasons = pathsOn(standing.get(), Set.of(resource.id())).get(resource.id());
        if (reasons.isEmpty()) {
            return Decision.of(false, "no_grant", null, null, explain);
        }
        AccessLevels firmLevels = levels.of(firm.get());
        String level = new AccessExplainer(firmLevels).effectiveLevel(reasons);
        boolean allowed = action.allows(level, firmLevels);
        return Decision.of(allowed, allowed ? GRANTED : "insufficient_level", level, reasons, explain);
    }

    /**
     * Reads ahead for a batch: its businesses in one query, and the grants of each subject on all the
     * batch's businesses of one firm in one query, instead of queries per item.
     */
    void prefetch(List<Evaluation> batch) {
        Set<String> businessIds = batch.stream()
                .filter(item -> EvaluationTypes.BUSINESS.equals(item.resource().type()))
                .map(item -> item.resource().id())
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, String> found = businessRepository.activeFirmIds(realm.getId(), businessIds);
        businessIds.forEach(id -> firmIds.put(id, Optional.ofNullable(found.get(id))));
        Map<String, Standing> subjects = new LinkedHashMap<>();
        Map<String, Set<String>> reached = new HashMap<>();
        for (Evaluation item : batch) {
            if (!EvaluationTypes.USER.equals(item.subject().type())
                    || !EvaluationTypes.BUSINESS.equals(item.resource().type())) {
                continue;
            }
            try {
                standings.user(item.subject().id())
                        .flatMap(user -> standingOn(user, item.resource()))
                        .filter(standing -> !standing.role().reachesAllBusinesses())
                        .ifPresent(standing -> {
                            subjects.put(standing.key(), standing);
                            reached.computeIfAbsent(standing.key(), key -> new LinkedHashSet<>())
                                    .add(item.resource().id());
                        });
            } catch (FirmAccessException invalidItem) {
                // Read ahead only: the item fails alone when it is evaluated.
            }
        }
        subjects.forEach((key, standing) -> pathsOn(standing, reached.get(key)));
    }

    /** The subject's standing in the firm that holds the business, if it is an active business of that firm. */
    private Optional<Standing> standingOn(UserModel user, Entity resource) {
        return firmOf(resource).flatMap(firm -> standings.of(firm, user));
    }

    /** The enabled firm holding the resource's business, if it is active and the firm is the one the resource names. */
    private Optional<OrganizationModel> firmOf(Entity resource) {
        Optional<String> firmId = firmIdOf(resource.id());
        if (firmId.isEmpty()) {
            return Optional.empty();
        }
        Optional<OrganizationModel> firm = standings.firm(firmId.get());
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
     * A single decision's read: the business and the grants on it that reach the user, in one query,
     * unless a batch read the business ahead. {@link #pathsOn} then needs no query of its own.
     */
    private void readBusinessFor(UserModel user, String businessId) {
        if (firmIds.containsKey(businessId)) {
            return;
        }
        Optional<BusinessGrants> read = grants.onActiveBusinessForUser(realm.getId(), businessId, user.getId());
        firmIds.put(businessId, read.map(BusinessGrants::organizationId));
        read.ifPresent(business -> grantsReadAhead.put(user.getId() + '/' + businessId, business.grants()));
    }

    private Optional<String> firmIdOf(String businessId) {
        return firmIds.computeIfAbsent(businessId, id -> businessRepository.findActiveInRealm(realm.getId(), id)
                .map(BusinessEntity::getOrganizationId));
    }

    /** The paths that grant each of some businesses (an empty list for none), fetched once per request. */
    private Map<String, List<AccessPath>> pathsOn(Standing standing, Set<String> businessIds) {
        Map<String, List<AccessPath>> known = paths.computeIfAbsent(standing.key(), key -> new HashMap<>());
        List<String> missing = businessIds.stream().filter(id -> !known.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            List<GrantRow> found = standing.role().reachesAllBusinesses() ? List.of() : grantsOn(standing, missing);
            Map<String, List<AccessPath>> explained = new AccessExplainer(levels.of(standing.firm()))
                    .paths(standing.role(), missing, found, standing.teamNames());
            missing.forEach(id -> known.put(id, explained.getOrDefault(id, List.of())));
        }
        return known;
    }

    /**
     * The grants reaching the standing's user on some businesses: those read ahead with a single
     * business (kept only for the user and the teams of their standing), else one query.
     */
    private List<GrantRow> grantsOn(Standing standing, List<String> businessIds) {
        String userId = standing.user().getId();
        if (businessIds.size() == 1 && grantsReadAhead.containsKey(userId + '/' + businessIds.get(0))) {
            return grantsReadAhead.get(userId + '/' + businessIds.get(0)).stream()
                    .filter(grant -> grant.subjectType() == GrantSubjectType.USER
                            || standing.teamIds().contains(grant.subjectId()))
                    .toList();
        }
        return grants.reaching(standing.firm().getId(), userId, standing.teamIds(), businessIds);
    }
}
