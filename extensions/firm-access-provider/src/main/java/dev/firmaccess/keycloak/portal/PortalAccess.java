package dev.firmaccess.keycloak.portal;

import dev.firmaccess.keycloak.access.AccessLevels;
import dev.firmaccess.keycloak.access.AccessService;
import dev.firmaccess.keycloak.access.BusinessEntity;
import dev.firmaccess.keycloak.access.BusinessRepository;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmPermission;
import dev.firmaccess.keycloak.firm.TeamDirectory;
import dev.firmaccess.keycloak.portal.PortalMembershipRepository.Manager;
import dev.firmaccess.keycloak.storage.Jpa;
import jakarta.persistence.EntityManager;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;

/**
 * Whose portal users an actor may see and manage: every business's for owners, admins and realm
 * administrators (who need manage rights to change anything); for members, only the businesses
 * they have full access to. Any other business is the same 404 as an unknown one.
 */
final class PortalAccess {

    private final FirmContext context;
    private final BusinessRepository businesses;
    private final TeamDirectory teams;
    private final PortalMembershipRepository memberships;
    private final AccessLevels levels;

    PortalAccess(FirmContext context) {
        this.context = context;
        EntityManager em = Jpa.entityManager(context.session());
        this.businesses = new BusinessRepository(em);
        this.teams = TeamDirectory.of(context);
        this.memberships = new PortalMembershipRepository(em);
        this.levels = AccessLevels.of(context);
    }

    /** A business whose portal users the actor may change. */
    BusinessEntity requireManaged(String businessId) {
        if (businessId == null || businessId.isBlank()) {
            throw FirmAccessException.badInput("'businessId' is required");
        }
        BusinessEntity business = businesses.find(context.firm().getId(), businessId)
                .orElseThrow(() -> FirmAccessException.notFound("Business not found"));
        if (context.actor().may(FirmPermission.VIEW_ALL)) {
            context.actor().require(FirmPermission.MANAGE);
            return business;
        }
        if (!holdsFullAccess(business)) {
            throw FirmAccessException.notFound("Business not found");
        }
        return business;
    }

    /** A membership of a business whose portal users the actor may see, or change when {@code change}. */
    PortalMembershipEntity requireMembership(String id, boolean change) {
        PortalMembershipEntity membership = memberships.find(context.firm().getId(), id)
                .orElseThrow(PortalAccess::membershipNotFound);
        if (context.actor().may(FirmPermission.VIEW_ALL)) {
            if (change) {
                context.actor().require(FirmPermission.MANAGE);
            }
            return membership;
        }
        BusinessEntity business = businesses.find(context.firm().getId(), membership.getBusinessId())
                .orElseThrow(PortalAccess::membershipNotFound);
        if (!holdsFullAccess(business)) {
            throw membershipNotFound();
        }
        return membership;
    }

    /** The restriction of a list to what the actor may see; null when they see every business. */
    Manager listRestriction() {
        if (context.actor().may(FirmPermission.VIEW_ALL)) {
            return null;
        }
        UserModel member = actingMember();
        return new Manager(member.getId(), teams.teamsOf(member).stream().map(GroupModel::getId).toList(),
                levels.strongest());
    }

    private boolean holdsFullAccess(BusinessEntity business) {
        if (context.actor().staffRole().filter(role -> role == StaffRole.MEMBER).isEmpty()) {
            return false;
        }
        String full = levels.strongest();
        return new AccessService(context, actingMember()).levelOn(business).filter(full::equals).isPresent();
    }

    private UserModel actingMember() {
        UserModel member = context.session().users().getUserById(context.realm(), context.actor().userId());
        if (member == null) {
            throw FirmAccessException.notFound("Business not found");
        }
        return member;
    }

    private static RuntimeException membershipNotFound() {
        return FirmAccessException.notFound("Portal membership not found");
    }
}
