package dev.firmaccess.keycloak.access;

import dev.firmaccess.keycloak.access.BusinessRepository.ArchiveFilter;
import dev.firmaccess.keycloak.access.BusinessRepository.Reach;
import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmPermission;
import dev.firmaccess.keycloak.firm.StaffEntity;
import dev.firmaccess.keycloak.firm.StaffRepository;
import dev.firmaccess.keycloak.firm.TeamDirectory;
import dev.firmaccess.keycloak.storage.Jpa;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.keycloak.models.UserModel;

/**
 * The staff × business matrix: one page of the firm's active businesses as rows, one page of its
 * staff (or of its teams) as columns, each cell the level of the direct (or team) grant or none.
 * A page costs a fixed number of queries whatever the firm's size: the businesses, the columns,
 * their staff roles, and all the page's cells in one query.
 */
public final class AccessMatrix {

    /** Which subjects the columns are. */
    public enum Columns {
        STAFF, TEAMS;

        public static Columns parse(String value) {
            return "teams".equals(value) ? TEAMS : STAFF;
        }

        GrantSubjectType subjectType() {
            return this == TEAMS ? GrantSubjectType.TEAM : GrantSubjectType.USER;
        }
    }

    /**
     * A column: a staff member (with their canonical role and its label; owners and admins reach
     * every business through it, so their cells are not grants) or a team (no role).
     */
    public record Column(String id, String name, String role, String roleLabel, boolean byRole) {
    }

    /** A row: a business and, in the order of the columns, the level granted there (null for none). */
    public record Row(String businessId, String businessName, List<String> levels) {
    }

    /** One page of the matrix with the totals its pagers need. */
    public record Page(List<Column> columns, long columnCount, List<Row> rows, long rowCount) {
    }

    private final FirmContext context;
    private final EntityManager em;

    public AccessMatrix(FirmContext context) {
        this.context = context;
        this.em = Jpa.entityManager(context.session());
    }

    public Page page(String search, int first, int max, Columns kind, int columnFirst, int columnMax) {
        context.actor().require(FirmPermission.VIEW_ALL);
        String organizationId = context.firm().getId();
        BusinessRepository businesses = new BusinessRepository(em);
        TeamDirectory teams = TeamDirectory.of(context);
        List<BusinessEntity> rows = businesses.page(organizationId, search, ArchiveFilter.ACTIVE, Reach.ALL, first,
                max);
        long rowCount = businesses.count(organizationId, search, ArchiveFilter.ACTIVE, Reach.ALL);
        List<Column> columns = kind == Columns.TEAMS ? teamColumns(teams, columnFirst, columnMax)
                : staffColumns(columnFirst, columnMax);
        long columnCount = kind == Columns.TEAMS ? teams.count(null)
                : context.organizations().getMembersCount(context.firm());
        Map<String, Map<String, String>> cells = new HashMap<>();
        for (Object[] cell : new GrantRepository(em).cells(organizationId, kind.subjectType(),
                rows.stream().map(BusinessEntity::getId).toList(), columns.stream().map(Column::id).toList())) {
            cells.computeIfAbsent((String) cell[0], business -> new HashMap<>()).put((String) cell[1],
                    (String) cell[2]);
        }
        return new Page(columns, columnCount, rows.stream().map(business -> {
            Map<String, String> levels = cells.getOrDefault(business.getId(), Map.of());
            return new Row(business.getId(), business.getName(),
                    columns.stream().map(column -> levels.get(column.id())).toList());
        }).toList(), rowCount);
    }

    private List<Column> staffColumns(int first, int max) {
        List<UserModel> members = context.organizations().getMembersStream(context.firm(), (String) null, false, first, max)
                .toList();
        Map<String, StaffRole> roles = new StaffRepository(em).findByUsers(context.firm().getId(),
                        members.stream().map(UserModel::getId).toList()).stream()
                .collect(Collectors.toMap(StaffEntity::getUserId, StaffEntity::getRole));
        return members.stream().map(user -> {
            StaffRole role = roles.getOrDefault(user.getId(), StaffRole.MEMBER);
            return new Column(user.getId(), user.getUsername(), role.canonicalName(),
                    context.settings().labelOf(role), role.reachesAllBusinesses());
        }).toList();
    }

    private static List<Column> teamColumns(TeamDirectory teams, int first, int max) {
        return teams.page(null, first, max).stream()
                .map(team -> new Column(team.getId(), team.getName(), null, null, false))
                .toList();
    }
}
