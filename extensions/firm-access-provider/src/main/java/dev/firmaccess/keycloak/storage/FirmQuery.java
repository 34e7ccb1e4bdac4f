package dev.firmaccess.keycloak.storage;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A JPQL query over one firm's rows with optional filters, for the paged lists of the APIs. */
public final class FirmQuery {

    private static final Pattern PARAMETER = Pattern.compile(":(\\w+)");

    private FirmQuery() {
    }

    /**
     * Builds {@code <select> from <entity> <alias> where <alias>.organizationId = :org and ...<order>}.
     * Each condition names one {@code :parameter} (possibly more than once, and followed by more
     * text such as an escape clause), bound to its value; a condition whose value is
     * null is left out, so callers list every filter and pass what the request gave.
     */
    public static <T> TypedQuery<T> filtered(EntityManager em, String select, String entityAndAlias,
            String organizationId, Map<String, Object> conditions, String order, Class<T> type) {
        String alias = entityAndAlias.substring(entityAndAlias.indexOf(' ') + 1);
        StringBuilder jpql = new StringBuilder(select).append(" from ").append(entityAndAlias)
                .append(" where ").append(alias).append(".organizationId = :org");
        conditions.forEach((condition, value) -> {
            if (value != null) {
                jpql.append(" and ").append(condition);
            }
        });
        TypedQuery<T> query = em.createQuery(jpql.append(order).toString(), type).setParameter("org", organizationId);
        conditions.entrySet().stream().filter(condition -> Objects.nonNull(condition.getValue()))
                .forEach(condition -> query.setParameter(parameterOf(condition.getKey()), condition.getValue()));
        return query;
    }

    private static String parameterOf(String condition) {
        Matcher matcher = PARAMETER.matcher(condition);
        if (!matcher.find()) {
            throw new IllegalArgumentException("Condition names no parameter: " + condition);
        }
        return matcher.group(1);
    }
}
