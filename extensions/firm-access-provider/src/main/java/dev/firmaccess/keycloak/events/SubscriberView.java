package dev.firmaccess.keycloak.events;

import java.util.List;

/**
 * A subscriber as the API shows it, with how its deliveries go. The secret appears only in the
 * answer that made it (a registration or rotation without a secret of the caller's own).
 *
 * @param lastError the last error of the oldest event waiting for it, if that failed
 * @param failures  failed attempts of the oldest event waiting for it
 * @param pending   events waiting to be delivered to it
 */
public record SubscriberView(String id, String url, List<String> eventTypes, String secret,
        boolean previousSecretSet, String createdBy, long createdAt, Long lastDeliveryAt, String lastError,
        int failures, long pending) {
}
