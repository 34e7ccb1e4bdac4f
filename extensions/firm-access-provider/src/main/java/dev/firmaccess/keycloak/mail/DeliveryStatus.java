package dev.firmaccess.keycloak.mail;

import java.util.Locale;
import java.util.Optional;

/**
 * Where the invitation email is: {@code NOT_SENT} and {@code SENT} come from our own SMTP attempt,
 * the others from the mail provider's events posted to the webhook.
 */
public enum DeliveryStatus {
    NOT_SENT(0),
    SENT(1),
    DELIVERED(2),
    OPENED(3),
    BOUNCED(4),
    SPAM_REPORTED(4);

    private final int rank;

    DeliveryStatus(int rank) {
        this.rank = rank;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeliveryStatus> parse(String value) {
        for (DeliveryStatus status : values()) {
            if (status.wireName().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** Only these may be reported by a mail provider; sent and not_sent are ours. */
    public boolean isProviderEvent() {
        return rank >= DELIVERED.rank;
    }

    /** A bounce or spam report means the address needs fixing, so waiting before a resend helps nobody. */
    public boolean liftsCooldown() {
        return this == BOUNCED || this == SPAM_REPORTED;
    }

    /**
     * The status after a provider event. Providers deliver events out of order (an "opened" can
     * arrive before its "delivered"), so an event never moves the status back.
     */
    public DeliveryStatus after(DeliveryStatus event) {
        return event.rank >= rank ? event : this;
    }
}
