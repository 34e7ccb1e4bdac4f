package dev.firmaccess.keycloak.storage;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of one entity that belong to firms: found only within their firm, and listed a page at a
 * time, newest first, through the filters of a subclass.
 *
 * @param <E> the entity
 * @param <F> the listing filter
 */
public abstract class PagedFirmRepository<E extends FirmOwnedEntity, F> {

    protected final EntityManager em;
    private final Class<E> type;
    private final String entityAndAlias;
    private final String newestFirst;

    /** {@code alias} names the entity in the conditions of {@link #conditions}, e.g. {@code i}. */
    protected PagedFirmRepository(EntityManager em, Class<E> type, String alias) {
        this.em = em;
        this.type = type;
        this.entityAndAlias = type.getSimpleName() + " " + alias;
        this.newestFirst = " order by " + alias + ".createdAt desc, " + alias + ".id desc";
    }

    /** A row of this firm only: ids of other firms find nothing. */
    public Optional<E> find(String organizationId, String id) {
        return Optional.ofNullable(id == null ? null : em.find(type, id))
                .filter(row -> row.getOrganizationId().equals(organizationId));
    }

    public void persist(E row) {
        em.persist(row);
    }

    public List<E> page(String organizationId, F filter, long now, int first, int max) {
        return query("select " + alias(), organizationId, filter, now, newestFirst, type)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    public long count(String organizationId, F filter, long now) {
        return query("select count(" + alias() + ")", organizationId, filter, now, "", Long.class).getSingleResult();
    }

    /** The filter as {@link FirmQuery#filtered} conditions; a condition whose value is null is left out. */
    protected abstract Map<String, Object> conditions(F filter, long now);

    /** Binds parameters the conditions name beyond their own value; none by default. */
    protected <T> TypedQuery<T> bindMore(TypedQuery<T> query, F filter) {
        return query;
    }

    protected Class<E> type() {
        return type;
    }

    private String alias() {
        return entityAndAlias.substring(entityAndAlias.indexOf(' ') + 1);
    }

    private <T> TypedQuery<T> query(String select, String organizationId, F filter, long now, String order,
            Class<T> resultType) {
        return bindMore(FirmQuery.filtered(em, select, entityAndAlias, organizationId, conditions(filter, now), order,
                resultType), filter);
    }
}
