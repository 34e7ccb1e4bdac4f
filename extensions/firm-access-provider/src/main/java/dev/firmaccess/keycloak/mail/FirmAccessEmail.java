package dev.firmaccess.keycloak.mail;

import dev.firmaccess.keycloak.core.RealmUsers;
import java.io.IOException;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.theme.FreeMarkerException;
import org.keycloak.theme.Theme;
import org.keycloak.theme.beans.MessageFormatterMethod;
import org.keycloak.theme.freemarker.FreeMarkerProvider;

/**
 * Renders one email of the extension's own email theme, whatever email theme the realm uses, in
 * the recipient's language, into the outbox: the staff invitation and the portal activation share it.
 */
public final class FirmAccessEmail {

    public static final String THEME = "firm-access";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Locale locale;
    private final Theme theme;
    private final Properties messages;
    private final UserModel recipient;

    /** Prepares a message to {@code recipient} (null for an address with no account yet). */
    public FirmAccessEmail(KeycloakSession session, RealmModel realm, UserModel recipient) throws IOException {
        this.session = session;
        this.realm = realm;
        this.locale = localeOf(realm, recipient);
        this.theme = session.theme().getTheme(THEME, Theme.Type.EMAIL);
        this.messages = theme.getEnhancedMessages(realm, locale);
        this.recipient = recipient;
    }

    /** Prepares a message to the address {@code mailed} was sent to, as its account reads it when there is one. */
    public static FirmAccessEmail toInvitee(KeycloakSession session, RealmModel realm, MailedInvitation mailed)
            throws IOException {
        return new FirmAccessEmail(session, realm, session.users().getUserByEmail(realm, mailed.getEmail()));
    }

    public boolean toExistingAccount() {
        return recipient != null;
    }

    /**
     * What every invitation email shows: the firm, who invites, how to greet the invitee (the first
     * name the inviter gave, else their account's), until when the link works, and the link.
     */
    public Map<String, Object> invitationAttributes(OrganizationModel firm, MailedInvitation mailed, String inviter,
            long expiresAt, String link) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("firmName", firm.getName());
        attributes.put("inviter", inviter);
        String inviteeName = mailed.getFirstName() != null ? mailed.getFirstName()
                : recipient == null ? null : recipient.getFirstName();
        if (inviteeName != null && !inviteeName.isBlank()) {
            attributes.put("inviteeName", inviteeName);
        }
        attributes.put("expiresAt", time(expiresAt));
        attributes.put("link", link);
        return attributes;
    }

    /** A time as the recipient reads it, in UTC (the templates say so). */
    public String time(long epochMillis) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZoneOffset.UTC).format(Instant.ofEpochMilli(epochMillis));
    }

    /**
     * Renders the html and text variants of {@code template} with the subject message
     * {@code subjectKey} and puts the message in the outbox of the current transaction, for the
     * link the rows {@code about} share. The template sees {@code attributes} plus the usual
     * locale, msg, properties and realmName.
     */
    public void queue(MailedInvitation about, String template, String subjectKey, Object[] subjectArguments,
            Map<String, Object> attributes) throws IOException, FreeMarkerException {
        Map<String, Object> model = new HashMap<>(attributes);
        model.put("locale", locale);
        model.put("ltr", true);
        model.put("msg", new MessageFormatterMethod(locale, messages));
        model.put("properties", theme.getProperties());
        model.put("realmName", realm.getDisplayName() == null ? realm.getName() : realm.getDisplayName());
        String subject = new MessageFormat(messages.getProperty(subjectKey, subjectKey), locale)
                .format(subjectArguments);
        FreeMarkerProvider freeMarker = session.getProvider(FreeMarkerProvider.class);
        String text = freeMarker.processTemplate(model, "text/" + template, theme);
        String html = freeMarker.processTemplate(model, "html/" + template, theme);
        // the kind tag: the template's name without the theme's prefix, e.g. invitation, portal-activation
        String kind = template.replaceFirst("^firm-access-", "").replaceFirst("\\.ftl$", "");
        MailDelivery.queue(session, about, new QueuedMail(kind, about.getLinkId(), about.getEmail(), subject, text,
                html));
    }

    /**
     * How a mail names the person who acted: their full name, else their username, else (for a server
     * administrator of the master realm, or an actor who is gone) the realm.
     */
    public static String actorName(KeycloakSession session, RealmModel realm, String userId) {
        UserModel actor = RealmUsers.find(session, realm, userId);
        if (actor == null) {
            return realm.getDisplayName() == null ? realm.getName() : realm.getDisplayName();
        }
        String name = ((actor.getFirstName() == null ? "" : actor.getFirstName()) + " "
                + (actor.getLastName() == null ? "" : actor.getLastName())).trim();
        return name.isEmpty() ? actor.getUsername() : name;
    }

    /** An existing user's chosen language, else the realm's default language. */
    private static Locale localeOf(RealmModel realm, UserModel user) {
        String tag = user == null ? null : user.getFirstAttribute(UserModel.LOCALE);
        if (tag == null) {
            tag = realm.getDefaultLocale();
        }
        return tag == null ? Locale.ENGLISH : Locale.forLanguageTag(tag);
    }
}
