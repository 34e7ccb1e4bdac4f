package dev.firmaccess.keycloak.portal;

import dev.firmaccess.keycloak.access.BusinessEntity;
import dev.firmaccess.keycloak.access.BusinessRepository;
import dev.firmaccess.keycloak.access.GrantEntity;
import dev.firmaccess.keycloak.access.GrantRepository;
import dev.firmaccess.keycloak.access.GrantSubjectType;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.core.RealmUsers;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmPermission;
import dev.firmaccess.keycloak.storage.Jpa;
import jakarta.persistence.EntityManager;
import java.io.StringWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;

/**
 * The CSV export of a firm's portal users, one line per person and business, with the staff
 * assigned to that business. Members export only the businesses they have full access to, as
 * they list them. Rows are read a page at a time and let go of, so a large firm's export never
 * holds its whole portal in the persistence context.
 *
 * <p>"Assigned staff" lists the members who reach the business by a direct grant or through a
 * team (each as {@code Name <email>}, a team path marked {@code (team Name)}); owners and admins
 * reach every business by their role and are not listed one by one.
 */
public final class PortalExport {

    static final List<String> HEADER = List.of("business", "business id", "email", "first name", "last name",
            "role", "status", "activated at", "last login", "assigned staff");
    private static final int PAGE = 500;

    private final FirmContext context;
    private final BusinessRepository businesses;
    private final GrantRepository grants;
    private final PortalMembershipRepository memberships;
    private final PortalAccess access;
    private final EntityManager em;
    private final Map<String, String> assigned = new HashMap<>();

    public PortalExport(FirmContext context) {
        this.context = context;
        EntityManager em = Jpa.entityManager(context.session());
        this.businesses = new BusinessRepository(em);
        this.grants = new GrantRepository(em);
        this.memberships = new PortalMembershipRepository(em);
        this.access = new PortalAccess(context);
        this.em = context.session().getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** The export, optionally of one business (unknown or not managed by a member: 404). */
    public String csv(String businessId) {
        if (businessId != null) {
            requireVisible(businessId);
        }
        String firmId = context.firm().getId();
        PortalMembershipRepository.Filter filter = new PortalMembershipRepository.Filter(businessId, null, null,
                access.listRestriction());
        long now = System.currentTimeMillis();
        StringWriter out = new StringWriter();
        PortalCsv.Lines lines = PortalCsv.writer(out);
        lines.line(HEADER);
        for (int first = 0; ; first += PAGE) {
            List<PortalMembershipEntity> page = memberships.page(firmId, filter, now, first, PAGE);
            Map<String, BusinessEntity> byId = businesses
                    .findAll(firmId, page.stream().map(PortalMembershipEntity::getBusinessId)
                            .collect(Collectors.toCollection(LinkedHashSet::new)))
                    .stream().collect(Collectors.toMap(BusinessEntity::getId, Function.identity()));
            for (PortalMembershipEntity m : page) {
                BusinessEntity business = byId.get(m.getBusinessId());
                lines.line(List.of(business == null ? "" : business.getName(), m.getBusinessId(), m.getEmail(),
                        text(m.getFirstName()), text(m.getLastName()), m.getRole().wireName(),
                        PortalStatus.wireName(m.getStatus(), m.getExpiresAt(), now), time(m.getActivatedAt()),
                        time(m.getLastLoginAt()), assigned.computeIfAbsent(m.getBusinessId(), this::assignedStaff)));
                em.detach(m);
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        lines.flush();
        return out.toString();
    }

    private void requireVisible(String businessId) {
        if (context.actor().may(FirmPermission.VIEW_ALL)) {
            businesses.find(context.firm().getId(), businessId)
                    .orElseThrow(() -> FirmAccessException.notFound("Business not found"));
        } else {
            access.requireManaged(businessId);
        }
    }

    /** The members with a direct or team grant on a business, sorted, bounded by that business's grants. */
    private String assignedStaff(String businessId) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (GrantEntity grant : grants.forBusiness(businessId)) {
            if (grant.getSubjectType() == GrantSubjectType.USER) {
                UserModel user = RealmUsers.find(context.session(), context.realm(), grant.getSubjectId());
                if (user != null) {
                    names.add(person(user));
                }
            } else {
                GroupModel team = context.session().groups().getGroupById(context.realm(), grant.getSubjectId());
                if (team != null) {
                    context.session().users().getGroupMembersStream(context.realm(), team)
                            .forEach(user -> names.add(person(user) + " (team " + team.getName() + ")"));
                }
            }
        }
        return String.join("; ", names);
    }

    private static String person(UserModel user) {
        String name = Stream.of(user.getFirstName(), user.getLastName())
                .filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(" "));
        String label = name.isEmpty() ? user.getUsername() : name;
        return user.getEmail() == null ? label : label + " <" + user.getEmail() + ">";
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** ISO-8601 in UTC, e.g. 2026-11-23T14:05:00Z; empty for never. */
    private static String time(Long epochMillis) {
        return epochMillis == null ? "" : Instant.ofEpochMilli(epochMillis).toString();
    }
}
