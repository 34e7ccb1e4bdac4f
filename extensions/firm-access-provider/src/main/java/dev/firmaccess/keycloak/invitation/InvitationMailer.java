package dev.firmaccess.keycloak.invitation;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailSenderProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.theme.freemarker.FreeMarkerProvider;
import org.keycloak.theme.Theme;
import org.keycloak.theme.beans.MessageFormatterMethod;

/**
 * Sends the invitation email from the extension's own email theme, whatever email theme the
 * realm uses, so the message always has the firm, inviter, role, expiry and link.
 */
public final class InvitationMailer {

    public static final String THEME = "firm-access";
    static final String TEMPLATE = "firm-access-invitation.ftl";

    private static final Logger LOG = Logger.getLogger(InvitationMailer.class);

    private final KeycloakSession session;
    private final RealmModel realm;

    public InvitationMailer(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** Answers whether the SMTP server took the message; a failure is logged once and left to a resend. */
    public boolean send(OrganizationModel firm, InvitationEntity invitation, String link, String inviter,
            String roleLabel) {
        try {
            UserModel existing = session.users().getUserByEmail(realm, invitation.getEmail());
            Locale locale = localeOf(existing);
            Theme theme = session.theme().getTheme(THEME, Theme.Type.EMAIL);
            Properties messages = theme.getEnhancedMessages(realm, locale);
            Map<String, Object> attributes = new HashMap<>();
            attributes.put("locale", locale);
            attributes.put("ltr", true);
            attributes.put("msg", new MessageFormatterMethod(locale, messages));
            attributes.put("properties", theme.getProperties());
            attributes.put("realmName", realm.getDisplayName() == null ? realm.getName() : realm.getDisplayName());
            attributes.put("firmName", firm.getName());
            attributes.put("inviter", inviter);
            attributes.put("roleLabel", roleLabel);
            String inviteeName = invitation.getFirstName() != null ? invitation.getFirstName()
                    : existing == null ? null : existing.getFirstName();
            if (inviteeName != null && !inviteeName.isBlank()) {
                attributes.put("inviteeName", inviteeName);
            }
            attributes.put("expiresAt", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                    .withLocale(locale).withZone(ZoneOffset.UTC).format(Instant.ofEpochMilli(invitation.getExpiresAt())));
            attributes.put("link", link);
            String subject = new MessageFormat(messages.getProperty("firmAccessInvitationSubject",
                    "firmAccessInvitationSubject"), locale).format(new Object[] {firm.getName()});
            FreeMarkerProvider freeMarker = session.getProvider(FreeMarkerProvider.class);
            String text = freeMarker.processTemplate(attributes, "text/" + TEMPLATE, theme);
            String html = freeMarker.processTemplate(attributes, "html/" + TEMPLATE, theme);
            session.getProvider(EmailSenderProvider.class).send(realm.getSmtpConfig(), invitation.getEmail(), subject,
                    text, html);
            return true;
        } catch (EmailException | java.io.IOException | org.keycloak.theme.FreeMarkerException failed) {
            LOG.warnf("Invitation %s could not be sent; it stays not_sent and can be resent once the realm's SMTP"
                    + " settings work: %s", invitation.getId(), failed.getMessage());
            return false;
        }
    }

    /** An existing user's chosen language, else the realm's default language. */
    private Locale localeOf(UserModel user) {
        String tag = user == null ? null : user.getFirstAttribute(UserModel.LOCALE);
        if (tag == null) {
            tag = realm.getDefaultLocale();
        }
        return tag == null ? Locale.ENGLISH : Locale.forLanguageTag(tag);
    }
}
