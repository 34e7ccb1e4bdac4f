package dev.firmaccess.keycloak.access;

import dev.firmaccess.keycloak.access.AccessViews.Access;
import dev.firmaccess.keycloak.access.AccessViews.Entry;
import dev.firmaccess.keycloak.access.AccessViews.Explanation;
import dev.firmaccess.keycloak.access.BusinessRepository.ArchiveFilter;
import dev.firmaccess.keycloak.access.BusinessRepository.Reach;
import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.StaffRepository;
import dev.firmaccess.keycloak.firm.TeamDirectory;
import dev.firmaccess.keycloak.storage.Jpa;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;

/** Effective access of one staff member: role reach ∪ direct grants ∪ team grants, and why. */
public final class AccessService {

    private final FirmContext context;
    private final BusinessRepository businesses;
    private final GrantRepository grants;
    private final AccessLevels levels;
    private final UserModel member;
    private final StaffRole role;
    private final List<GroupModel> teams;

    public AccessService(FirmContext context, UserModel member) {
        this.context = context;
        EntityManager em = Jpa.entityManager(context.session());
        this.businesses = new BusinessRepository(em);
        this.grants = new GrantRepository(em);
        this.levels = AccessLevels.of(context);
        this.member = member;
        this.role = new StaffRepository(em).roleOf(context.firm().getId(), member.getId());
        this.teams = TeamDirectory.of(context).teamsOf(member);
    }

    public StaffRole role() {
        return role;
    }

    /** The businesses this member reaches: all active ones for owners and admins. */
    public Reach reach() {
        return role.reachesAllBusinesses()
                ? Reach.ALL
                : new Reach(member.getId(), teams.stream().map(GroupModel::getId).toList());
    }

    public Access page(String search, int first, int max) {
        List<Explanation> explained = explain(search, first, max);
        return new Access(member.getId(), role.canonicalName(), context.settings().labelOf(role),
                role.reachesAllBusinesses(),
                explained.stream().map(e -> new Entry(e.businessId(), e.name(), e.level())).toList());
    }

    public long count(String search) {
        return businesses.count(context.firm().getId(), search, ArchiveFilter.ACTIVE, reach());
    }

    public List<Explanation> explain(String search, int first, int max) {
        return explain(businesses.page(context.firm().getId(), search, ArchiveFilter.ACTIVE, reach(), first,
                max));
    }

    /** The explanation of one business; empty when no path reaches it. */
    public Optional<Explanation> explain(BusinessEntity business) {
        return business.isArchived() ? Optional.empty() : explain(List.of(business)).stream().findFirst();
    }

    /** The member's effective level on a business, if they reach it. */
    public Optional<String> levelOn(BusinessEntity business) {
        return explain(business).map(Explanation::level);
    }

    private List<Explanation> explain(List<BusinessEntity> businesses) {
        List<String> ids = businesses.stream().map(BusinessEntity::getId).toList();
        List<GrantRow> reaching = grants.reaching(context.firm().getId(), member.getId(),
                teams.stream().map(GroupModel::getId).toList(), ids);
        Map<String, String> teamNames = teams.stream().collect(Collectors.toMap(GroupModel::getId, GroupModel::getName));
        AccessExplainer explainer = new AccessExplainer(levels);
        Map<String, List<AccessPath>> paths = explainer.paths(role, ids, reaching, teamNames);
        return businesses.stream()
                .filter(business -> paths.containsKey(business.getId()))
                .map(business -> {
                    List<AccessPath> reasons = paths.get(business.getId());
                    return new Explanation(business.getId(), business.getName(), explainer.effectiveLevel(reasons),
                            reasons);
                })
                .toList();
    }
}
