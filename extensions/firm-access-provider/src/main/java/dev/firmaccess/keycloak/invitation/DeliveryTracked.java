package dev.firmaccess.keycloak.invitation;

/**
 * A row whose email a mail provider reports on: a staff invitation or a portal membership. The
 * mail-event webhook moves its delivery status and lifts its resend cooldown after a bounce.
 */
public interface DeliveryTracked {

    String getId();

    String getOrganizationId();

    DeliveryStatus getDelivery();

    void setDelivery(DeliveryStatus delivery);

    boolean isCooldownLifted();

    void setCooldownLifted(boolean cooldownLifted);
}
