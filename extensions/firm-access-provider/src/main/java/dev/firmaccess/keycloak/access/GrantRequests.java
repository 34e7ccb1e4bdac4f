package dev.firmaccess.keycloak.access;

import dev.firmaccess.keycloak.access.GrantViews.BulkGrantItem;
import dev.firmaccess.keycloak.access.GrantViews.DirectGrant;
import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rules a call's list of grants must keep before anything is looked up: at most the operator's
 * number of grants, every field given, known access levels, nothing listed twice. {@link GrantService}
 * applies them first, so a list with one bad item changes nothing.
 */
final class GrantRequests {

    private GrantRequests() {
    }

    /** The grants a bulk share asks for, with their levels checked (a missing level is the strongest). */
    static List<ResolvedGrant> toShare(List<BulkGrantItem> items, AccessLevels levels, int limit) {
        requireSize(items, limit);
        List<ResolvedGrant> resolved = items.stream()
                .map(item -> new ResolvedGrant(required(item.businessId(), "businessId"),
                        subjectType(item.subjectType()), required(item.subjectId(), "subjectId"),
                        levels.require(item.level())))
                .toList();
        requireDistinct(resolved);
        return resolved;
    }

    /** The direct grants a replace asks for: business id to checked level, in the order given. */
    static Map<String, String> directTarget(List<DirectGrant> wanted, AccessLevels levels, int limit) {
        requireSize(wanted, limit);
        Map<String, String> target = new LinkedHashMap<>();
        for (DirectGrant grant : wanted) {
            String level = levels.require(grant.level());
            if (target.put(required(grant.businessId(), "businessId"), level) != null) {
                throw FirmAccessException.of(ErrorCode.DUPLICATE_ITEM,
                        "Business " + grant.businessId() + " is listed more than once");
            }
        }
        return target;
    }

    static void requireSize(List<?> items, int limit) {
        requireSize(items, limit, "grants");
    }

    /** A bulk call's list of {@code field}: present, within the limit, without nulls. */
    static void requireSize(List<?> items, int limit, String field) {
        if (items == null) {
            throw FirmAccessException.badInput("'" + field + "' is required");
        }
        if (items.size() > limit) {
            throw FirmAccessException.of(ErrorCode.BULK_LIMIT, "At most " + limit + " " + field + " per call");
        }
        // Not contains(null): immutable lists (List.of) throw on it instead of answering.
        if (items.stream().anyMatch(Objects::isNull)) {
            throw FirmAccessException.badInput("'" + field + "' must not contain null");
        }
    }

    private static void requireDistinct(List<ResolvedGrant> grants) {
        long distinct = grants.stream().map(g -> List.of(g.businessId(), g.type().name(), g.subjectId())).distinct()
                .count();
        if (distinct != grants.size()) {
            throw FirmAccessException.of(ErrorCode.DUPLICATE_ITEM,
                    "The same business and subject are listed more than once");
        }
    }

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw FirmAccessException.badInput("'" + field + "' is required in every grant");
        }
        return value;
    }

    static GrantSubjectType subjectType(String value) {
        if ("user".equals(value)) {
            return GrantSubjectType.USER;
        }
        if ("team".equals(value)) {
            return GrantSubjectType.TEAM;
        }
        throw FirmAccessException.badInput("'subjectType' must be 'user' or 'team'");
    }

    /** One grant of a bulk share, checked. */
    record ResolvedGrant(String businessId, GrantSubjectType type, String subjectId, String level) {
        ReachEviction.Subject subject() {
            return new ReachEviction.Subject(type, subjectId);
        }

        Map<String, String> state() {
            return Map.of("businessId", businessId, "subjectType", GrantService.typeName(type), "subjectId",
                    subjectId, "level", level);
        }
    }
}
