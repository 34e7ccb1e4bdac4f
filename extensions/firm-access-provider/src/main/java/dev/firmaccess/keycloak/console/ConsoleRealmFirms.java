package dev.firmaccess.keycloak.console;

import dev.firmaccess.keycloak.access.BusinessRepository;
import dev.firmaccess.keycloak.access.BusinessRepository.ArchiveFilter;
import dev.firmaccess.keycloak.access.BusinessRepository.Reach;
import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.firm.FirmSearch;
import dev.firmaccess.keycloak.firm.StaffRepository;
import dev.firmaccess.keycloak.invitation.InvitationRepository;
import dev.firmaccess.keycloak.settings.FirmAccessSettings;
import dev.firmaccess.keycloak.storage.Jpa;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * {@code .../console/firms}: every firm of the realm with its staff per role, its businesses and
 * its pending invitations, for realm administrators who may view organizations; the page the
 * admin console's organization tab links to. A page of firms costs a few counting queries per
 * firm, bounded by the page size.
 */
final class ConsoleRealmFirms {

    private final KeycloakSession session;
    private final OrganizationProvider organizations;
    private final StaffRepository staff;
    private final BusinessRepository businesses;
    private final InvitationRepository invitations;

    ConsoleRealmFirms(KeycloakSession session) {
        this.session = session;
        this.organizations = session.getProvider(OrganizationProvider.class);
        EntityManager em = Jpa.entityManager(session);
        this.staff = new StaffRepository(em);
        this.businesses = new BusinessRepository(em);
        this.invitations = new InvitationRepository(em);
    }

    /** The page's model: one page of firms matching the search, with their figures, and the realm's role labels. */
    Map<String, Object> model(String search, int offset) {
        String term = ConsoleFirmResource.blankToNull(search);
        FirmSearch firms = new FirmSearch(organizations);
        long now = System.currentTimeMillis();
        List<FirmFigures> page = firms.page(term, offset, ConsoleFirmResource.PAGE_SIZE).stream()
                .map(firm -> figures(firm, now)).toList();
        FirmAccessSettings settings = FirmAccessSettings.of(session.getContext().getRealm());
        Map<String, Object> model = new HashMap<>();
        model.put("realmFirms", page);
        model.put("roleLabels", Map.of(StaffRole.OWNER.canonicalName(), settings.labelOf(StaffRole.OWNER),
                StaffRole.ADMIN.canonicalName(), settings.labelOf(StaffRole.ADMIN),
                StaffRole.MEMBER.canonicalName(), settings.labelOf(StaffRole.MEMBER)));
        model.put("search", term == null ? "" : term);
        ConsoleFirmResource.paging(model, offset, firms.count(term));
        return model;
    }

    private FirmFigures figures(OrganizationModel firm, long now) {
        Map<StaffRole, Long> roles = staff.countRolesOfMembers(firm.getId(),
                organizations.getOrganizationGroup(firm).getId());
        long owners = roles.getOrDefault(StaffRole.OWNER, 0L);
        long admins = roles.getOrDefault(StaffRole.ADMIN, 0L);
        long members = organizations.getMembersCount(firm) - owners - admins;
        return new FirmFigures(firm.getId(), firm.getAlias(), firm.getName(), firm.isEnabled(), owners, admins, members,
                businesses.count(firm.getId(), null, ArchiveFilter.ACTIVE, Reach.ALL),
                invitations.count(firm.getId(), new InvitationRepository.Filter("pending", null, null), now));
    }

    /**
     * One firm's row.
     *
     * @param businesses         its businesses that are not archived
     * @param pendingInvitations its staff invitations still open (pending and not expired)
     */
    public record FirmFigures(String id, String alias, String name, boolean enabled, long owners, long admins,
            long members, long businesses, long pendingInvitations) {
    }
}
