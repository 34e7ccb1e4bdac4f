package dev.firmaccess.keycloak.mailquota;

import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.firm.FirmContext;
import dev.firmaccess.keycloak.settings.FirmAccessSettings;
import dev.firmaccess.keycloak.storage.Jpa;
import jakarta.persistence.EntityManager;

/**
 * The realm's rate limits on invitation emails (staff and portal invitations, CSV imports,
 * sends and resends): at most {@link FirmAccessSettings#mailsPerFirmPerHour()} per firm and
 * {@link FirmAccessSettings#mailsPerUserPerHour()} per acting person, in any hour. Counted from
 * the database, never from memory, so every node of a cluster sees the same budget. A request is
 * checked before it creates or sends anything, and counted in its own transaction: a request that
 * fails later is not counted.
 */
public final class MailQuota {

    static final long WINDOW_MILLIS = 3_600_000L;

    private final EntityManager em;
    private final String realmId;
    private final String firmId;
    private final String actorId;
    private final FirmAccessSettings settings;

    /** The realm's invitation email limits, as they apply to the context's firm and the person acting. */
    public static MailQuota of(FirmContext context) {
        return new MailQuota(Jpa.entityManager(context.session()), context.realm().getId(), context.firm().getId(),
                context.actor().userId(), context.settings());
    }

    public MailQuota(EntityManager em, String realmId, String firmId, String actorId, FirmAccessSettings settings) {
        this.em = em;
        this.realmId = realmId;
        this.firmId = firmId;
        this.actorId = actorId;
        this.settings = settings;
    }

    /**
     * Counts {@code mails} emails against both limits, or refuses the whole request with a 429 and
     * a {@code Retry-After} when either limit would be passed.
     */
    public void spend(int mails, long now) {
        if (mails == 0) {
            return;
        }
        long since = now - WINDOW_MILLIS;
        // Rows older than the window count for nothing any more.
        em.createQuery("delete from MailSentEntity m where m.realmId = :realm and m.sentAt <= :since")
                .setParameter("realm", realmId)
                .setParameter("since", since)
                .executeUpdate();
        require(mails, "m.organizationId = :key", firmId, settings.mailsPerFirmPerHour(), "This firm", since, now);
        require(mails, "m.actorId = :key", actorId, settings.mailsPerUserPerHour(), "You", since, now);
        MailSentEntity sent = new MailSentEntity();
        sent.placeNew(realmId, firmId);
        sent.setActorId(actorId);
        sent.setSentAt(now);
        sent.setMails(mails);
        em.persist(sent);
    }

    private void require(int mails, String scope, String key, int limit, String who, long since, long now) {
        Object[] window = (Object[]) em.createQuery("select coalesce(sum(m.mails), 0), min(m.sentAt)"
                        + " from MailSentEntity m where m.realmId = :realm and " + scope + " and m.sentAt > :since")
                .setParameter("realm", realmId)
                .setParameter("key", key)
                .setParameter("since", since)
                .getSingleResult();
        long sent = ((Number) window[0]).longValue();
        if (sent + mails <= limit) {
            return;
        }
        // The earliest moment the window can have room again: when its oldest sending leaves it.
        long freedAt = window[1] == null ? now + WINDOW_MILLIS : ((Number) window[1]).longValue() + WINDOW_MILLIS;
        long seconds = Math.max(1, (freedAt - now + 999) / 1000);
        throw FirmAccessException.tooMany(ErrorCode.TOO_MANY_MAILS,
                who + " sent " + sent + " invitation emails in the last hour; this request"
                + " would send " + mails + " more, and the realm allows " + limit + " an hour. Try again in "
                + seconds + " seconds", seconds);
    }
}
