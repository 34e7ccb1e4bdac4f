package dev.firmaccess.keycloak.access;

import dev.firmaccess.keycloak.access.BusinessRepository.ArchiveFilter;
import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.core.StaffRole;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.firm.FirmPermission;
import dev.firmaccess.keycloak.firm.StaffAccessCache;
import dev.firmaccess.keycloak.storage.Jpa;
import dev.firmaccess.keycloak.web.Validation;
import jakarta.persistence.EntityManager;
import dev.firmaccess.keycloak.access.BusinessResource.BusinessInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A firm's businesses: members see what is shared with them, owners and admins see and change everything. */
public final class BusinessService {

    private final FirmContext context;
    private final BusinessRepository businesses;
    private final GrantRepository grants;
    private final AccessLevels levels;

    public BusinessService(FirmContext context) {
        this.context = context;
        EntityManager em = Jpa.entityManager(context.session());
        this.businesses = new BusinessRepository(em);
        this.grants = new GrantRepository(em);
        this.levels = AccessLevels.of(context);
    }

    public List<BusinessView> page(String search, ArchiveFilter filter, int first, int max) {
        context.actor().require(FirmPermission.VIEW_FIRM);
        if (context.actor().may(FirmPermission.VIEW_ALL)) {
            return businesses
                    .page(context.firm().getId(), search, filter, BusinessRepository.Reach.ALL, first, max).stream()
                    .map(business -> BusinessView.of(business, null))
                    .toList();
        }
        // Members reach active businesses only: nobody reaches an archived one through grants.
        if (filter == ArchiveFilter.ARCHIVED) {
            return List.of();
        }
        return actorAccess().explain(search, first, max).stream()
                .map(explained -> BusinessView.of(require(explained.businessId()), explained.level()))
                .toList();
    }

    public long count(String search, ArchiveFilter filter) {
        if (context.actor().may(FirmPermission.VIEW_ALL)) {
            return businesses.count(context.firm().getId(), search, filter, BusinessRepository.Reach.ALL);
        }
        return filter == ArchiveFilter.ARCHIVED ? 0 : actorAccess().count(search);
    }

    /** A business the actor may see; unknown, foreign and unshared ones answer the same 404. */
    public BusinessView get(String businessId) {
        context.actor().require(FirmPermission.VIEW_FIRM);
        BusinessEntity business = require(businessId);
        if (context.actor().may(FirmPermission.VIEW_ALL)) {
            return BusinessView.of(business, null);
        }
        return actorAccess().levelOn(business)
                .map(level -> BusinessView.of(business, level))
                .orElseThrow(BusinessService::notFound);
    }

    public BusinessView create(String name, String externalRef) {
        context.actor().require(FirmPermission.CREATE_BUSINESS);
        String checkedName = Validation.name(name, "name");
        String checkedRef = Validation.optionalText(externalRef, "externalRef");
        requireFreeExternalRef(checkedRef, null);
        BusinessEntity business = persist(checkedName, checkedRef, System.currentTimeMillis());
        if (context.actor().staffRole().filter(role -> role == StaffRole.MEMBER).isPresent()) {
            // A member's business belongs to the firm; the member keeps working on it through a direct grant.
            grants.create(context.firm().getId(), business.getId(), GrantSubjectType.USER,
                    context.actor().userId(), levels.strongest(), context.actor().userId());
            return BusinessView.of(business, levels.strongest());
        }
        return BusinessView.of(business, null);
    }

    /**
     * Creates many businesses in one call, all or nothing: every row is checked (name, external
     * reference free in the firm and not repeated in the call) before the first is written, and each
     * is audited as a single creation is. Owners and admins only; the new businesses are the firm's,
     * reached by whoever reaches all businesses.
     */
    public List<BusinessView> createAll(List<BusinessInput> rows) {
        context.actor().require(FirmPermission.MANAGE);
        GrantRequests.requireSize(rows, context.limits().bulkBusinesses(), "businesses");
        List<String> names = new ArrayList<>();
        List<String> checkedRefs = new ArrayList<>();
        Set<String> refs = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            names.add(Validation.name(rows.get(i).name(), "businesses[" + i + "].name"));
            String ref = Validation.optionalText(rows.get(i).externalRef(), "businesses[" + i + "].externalRef");
            checkedRefs.add(ref);
            if (ref != null && !refs.add(ref)) {
                throw FirmAccessException.of(ErrorCode.DUPLICATE_ITEM,
                        "The external reference '" + ref + "' is listed more than once");
            }
        }
        businesses.takenExternalRefs(context.firm().getId(), refs).stream().findFirst().ifPresent(ref -> {
            throw FirmAccessException.of(ErrorCode.EXTERNAL_REF_TAKEN,
                    "Another business of this firm already has the external reference '" + ref + "'");
        });
        long now = System.currentTimeMillis();
        List<BusinessView> created = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            created.add(BusinessView.of(persist(names.get(i), checkedRefs.get(i), now), null));
        }
        return created;
    }

    /** A new business of the firm, stored and audited, from fields already checked. */
    private BusinessEntity persist(String name, String externalRef, long now) {
        BusinessEntity business = new BusinessEntity();
        business.placeNew(context.realm().getId(), context.firm().getId(), now);
        business.setName(name);
        business.setExternalRef(externalRef);
        business.setCreatedBy(context.actor().userId());
        businesses.persist(business);
        context.audit().record("business.created", "business", business.getId(), null, state(business));
        return business;
    }

    public BusinessView update(String businessId, String name, String externalRef) {
        context.actor().require(FirmPermission.MANAGE);
        BusinessEntity business = require(businessId);
        String checkedName = Validation.name(name, "name");
        String checkedRef = Validation.optionalText(externalRef, "externalRef");
        requireFreeExternalRef(checkedRef, businessId);
        Map<String, Object> before = state(business);
        if (!checkedName.equals(business.getName())) {
            evictPortalUsers(business);
        }
        business.setName(checkedName);
        business.setExternalRef(checkedRef);
        context.audit().record("business.updated", "business", businessId, before, state(business));
        return BusinessView.of(business, null);
    }

    public BusinessView setArchived(String businessId, boolean archived) {
        context.actor().require(FirmPermission.MANAGE);
        BusinessEntity business = require(businessId);
        if (business.isArchived() != archived) {
            Map<String, Object> before = state(business);
            business.setArchived(archived);
            evictReach(business);
            context.audit().record(archived ? "business.archived" : "business.restored", "business", businessId,
                    before, state(business));
        }
        return BusinessView.of(business, null);
    }

    public void delete(String businessId) {
        context.actor().require(FirmPermission.MANAGE);
        BusinessEntity business = require(businessId);
        Map<String, Object> before = state(business);
        evictReach(business);
        businesses.delete(business);
        context.audit().record("business.deleted", "business", businessId, before, null);
    }

    /**
     * Whoever reaches the business, through a grant, a role that reaches every business or as a
     * portal user, stops (or starts again) reaching it.
     */
    private void evictReach(BusinessEntity business) {
        new ReachEviction(context).grants(grants.forBusiness(business.getId()));
        evictPortalUsers(business);
        BusinessDirectory.forgetAll(context.session(), context.realm());
    }

    /** The portal users of the business, whose {@code firm_portal} claim names it. */
    private void evictPortalUsers(BusinessEntity business) {
        StaffAccessCache.evict(context.session(), context.realm(), businesses.portalUserIds(business.getId()));
    }

    /** A business of this firm, or the 404 that unknown ids and other firms' ids get alike. */
    public BusinessEntity require(String businessId) {
        return businesses.require(context.firm().getId(), businessId);
    }

    private AccessService actorAccess() {
        return new AccessService(context, context.requireStaffMember(context.actor().userId()));
    }

    private void requireFreeExternalRef(String externalRef, String exceptBusinessId) {
        if (externalRef != null && businesses.externalRefTaken(context.firm().getId(), externalRef,
                exceptBusinessId)) {
            throw FirmAccessException.of(ErrorCode.EXTERNAL_REF_TAKEN,
                    "Another business of this firm already has the external reference '"
                    + externalRef + "'");
        }
    }

    private static Map<String, Object> state(BusinessEntity business) {
        Map<String, Object> state = new HashMap<>();
        state.put("name", business.getName());
        state.put("externalRef", business.getExternalRef());
        state.put("archived", business.isArchived());
        return state;
    }

    private static FirmAccessException notFound() {
        return FirmAccessException.notFound("Business not found");
    }
}
