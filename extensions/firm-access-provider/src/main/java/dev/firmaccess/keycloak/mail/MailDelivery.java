package dev.firmaccess.keycloak.mail;

import dev.firmaccess.keycloak.metrics.FirmAccessMetrics;
import dev.firmaccess.keycloak.outbox.Outbox;
import dev.firmaccess.keycloak.outbox.OutboxEntity;
import dev.firmaccess.keycloak.outbox.OutboxHandler;
import dev.firmaccess.keycloak.storage.Jpa;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailSenderProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

/**
 * Sends the invitation emails of the outbox with the realm's SMTP settings of the moment, and
 * records on the invitations they are about that they were sent. A mail whose invitations were
 * cancelled, or given a newer link, in the meantime is not sent.
 */
public final class MailDelivery implements OutboxHandler {

    static final String KIND = "mail";

    private final List<Function<EntityManager, MailedInvitationRepository<?, ?>>> kinds;

    /** {@code kinds}: the stores of every kind of mailed invitation. */
    public MailDelivery(List<Function<EntityManager, MailedInvitationRepository<?, ?>>> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    static void queue(KeycloakSession session, MailedInvitation about, QueuedMail mail) throws IOException {
        new Outbox(session).add(about.getRealmId(), about.getOrganizationId(), KIND,
                JsonSerialization.writeValueAsString(mail));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean deliver(KeycloakSession session, RealmModel realm, OutboxEntity message) throws EmailException {
        QueuedMail mail = read(message);
        if (pending(session, message, mail).isEmpty()) {
            return false;
        }
        boolean sent = false;
        try {
            session.getProvider(EmailSenderProvider.class).send(realm.getSmtpConfig(), mail.to(), mail.subject(),
                    mail.text(), mail.html());
            sent = true;
        } finally {
            FirmAccessMetrics.mail(mail.kind(), sent);
        }
        EntityManager em = Jpa.entityManager(session);
        kinds.forEach(kind -> kind.apply(em).markSent(message.getOrganizationId(), mail.linkId()));
        return true;
    }

    /** A mail that cannot go out does not hold back a resend: the cooldown is for mails that went out. */
    @Override
    public void attemptFailed(KeycloakSession session, RealmModel realm, OutboxEntity message, boolean givenUp) {
        pending(session, message, read(message)).forEach(row -> row.setCooldownLifted(true));
    }

    private List<? extends MailedInvitation> pending(KeycloakSession session, OutboxEntity message, QueuedMail mail) {
        EntityManager em = Jpa.entityManager(session);
        return kinds.stream().flatMap(kind -> kind.apply(em).withLink(message.getOrganizationId(), mail.linkId())
                .stream()).filter(MailedInvitation::awaitsMail).toList();
    }

    private static QueuedMail read(OutboxEntity message) {
        try {
            return JsonSerialization.readValue(message.getPayload(), QueuedMail.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
