package dev.firmaccess.keycloak.mail;

import dev.firmaccess.keycloak.storage.PagedFirmRepository;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/**
 * The rows of one kind of mailed invitation (staff invitations, portal memberships): what the
 * mail-event webhook looks events up in, and how it names them in the audit.
 *
 * @param <E> the entity
 * @param <F> the listing filter
 */
public abstract class MailedInvitationRepository<E extends MailedInvitation, F> extends PagedFirmRepository<E, F> {

    protected MailedInvitationRepository(EntityManager em, Class<E> type, String alias) {
        super(em, type, alias);
    }

    /** A row of any firm of the realm: what a mail event naming it by id is about. */
    public Optional<E> inRealm(String realmId, String id) {
        return Optional.ofNullable(id == null ? null : em.find(type(), id))
                .filter(row -> row.getRealmId().equals(realmId));
    }

    /** The rows one mailed link stands for: a staff invitation, or the memberships of one address it activates. */
    public List<E> withLink(String organizationId, String linkId) {
        return em.createQuery("select e from " + type().getSimpleName() + " e where e.organizationId = :org"
                        + " and e.linkId = :link", type())
                .setParameter("org", organizationId)
                .setParameter("link", linkId)
                .getResultList();
    }

    /**
     * Records that the mail of the link went out, on rows still not_sent: one conditional UPDATE, so
     * a provider's event that reached a row in the meantime (delivered, bounced) is never overwritten.
     */
    public void markSent(String organizationId, String linkId) {
        em.createQuery("update " + type().getSimpleName() + " e set e.delivery = :sent where e.organizationId = :org"
                        + " and e.linkId = :link and e.delivery = :notSent")
                .setParameter("sent", DeliveryStatus.SENT)
                .setParameter("org", organizationId)
                .setParameter("link", linkId)
                .setParameter("notSent", DeliveryStatus.NOT_SENT)
                .executeUpdate();
    }

    /** The row a mail event naming only the address is about, if this kind mailed that address. */
    public abstract Optional<E> lastMailedTo(String realmId, String email);

    /** The target type of this kind's rows in the audit log, e.g. {@code invitation}. */
    public abstract String auditTarget();

    /** The audit event of a delivery change, e.g. {@code invitation.delivery_changed}. */
    public abstract String deliveryChangedEvent();
}
