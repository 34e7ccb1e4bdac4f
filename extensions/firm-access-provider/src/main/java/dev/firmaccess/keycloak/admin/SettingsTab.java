package dev.firmaccess.keycloak.admin;

import dev.firmaccess.keycloak.console.ConsolePaths;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.settings.FirmAccessSettings;
import dev.firmaccess.keycloak.settings.SettingsService;
import dev.firmaccess.keycloak.settings.SettingsView;
import java.util.HashSet;
import java.util.List;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.representations.idm.ComponentRepresentation;

/**
 * The "Firm Access" tab of Realm settings in Keycloak's admin console. The admin console keeps
 * the tab's form as a realm component; saving it (which needs manage-realm, like the settings
 * API) writes the realm attributes that {@link FirmAccessSettings} reads, validated by
 * {@link SettingsService} exactly like the API. API changes are copied back into the component.
 */
public final class SettingsTab extends AdminConsoleTab {

    // The admin console shows the id as the tab's title.
    public static final String PROVIDER_ID = "Firm Access";

    static final String ENABLED = "enabled";
    static final String OWNER_LABEL = "roleLabelOwner";
    static final String ADMIN_LABEL = "roleLabelAdmin";
    static final String MEMBER_LABEL = "roleLabelMember";
    static final String ACCESS_LEVELS = "accessLevels";
    /** Not a field of the form: the order of {@link #ACCESS_LEVELS}, see {@link #orderedLevels}. */
    static final String ACCESS_LEVEL_ORDER = "accessLevelOrder";
    static final String MEMBERS_MAY_CREATE = "membersMayCreateBusinesses";
    static final String STAFF_EXPIRY = "staffInvitationExpiryDays";
    static final String PORTAL_EXPIRY = "portalInvitationExpiryDays";
    static final String RESEND_COOLDOWN = "resendCooldownMinutes";
    static final String CLAIM_CAP = "claimBusinessCap";
    static final String WEBHOOK_SECRET = "invitationWebhookSecret";
    static final String MAILS_PER_FIRM = "mailsPerFirmPerHour";
    static final String MAILS_PER_USER = "mailsPerUserPerHour";
    static final String FIRM_CONSOLE = "firmConsole";

    private static final FirmAccessSettings DEFAULTS = FirmAccessSettings.parse(name -> null);

    /**
     * On the Realm settings tab bar; the tab segment is optional so that the bar shows it on the bare
     * Realm settings address too.
     */
    public SettingsTab() {
        super(new Shown(PROVIDER_ID, "/:realm/realm-settings/:tab?", "Realm-wide settings of Firm Access: role labels, "
                + "invitation expiry, resend cooldown, claim cap, invitation email rate limits, access levels, whether "
                + "members may create businesses and the invitation webhook secret."));
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        SettingsView defaults = SettingsView.of(DEFAULTS, false, false, false);
        ProviderConfigProperty console = new ProviderConfigProperty(FIRM_CONSOLE, "Firm console",
                "Where staff and realm administrators sign in to the firm console; realm administrators see every "
                        + "firm there, at firms/<firm alias>/. Clients lists it as the Home URL of firm-access-console.",
                ProviderConfigProperty.STRING_TYPE, "/realms/<realm>/firm-access/console/");
        console.setReadOnly(true);
        return ProviderConfigurationBuilder.create()
                .property(console)
                .property().name(ENABLED).label("Firm Access on").type(ProviderConfigProperty.BOOLEAN_TYPE)
                .helpText("Turns on the firm console, invitation and portal pages, the firm API and the access "
                        + "evaluation of this realm, and creates their clients. Needs Organizations; never in master.")
                .defaultValue("false").add()
                .property().name(OWNER_LABEL).label("Owner role label").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("How the owner role is shown to people and in tokens.")
                .defaultValue(defaults.roleLabels().owner()).add()
                .property().name(ADMIN_LABEL).label("Admin role label").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("How the admin role is shown to people and in tokens.")
                .defaultValue(defaults.roleLabels().admin()).add()
                .property().name(MEMBER_LABEL).label("Member role label").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("How the member role is shown to people and in tokens.")
                .defaultValue(defaults.roleLabels().member()).add()
                .property().name(ACCESS_LEVELS).label("Access levels").type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
                .helpText("Levels a business can be shared at, strongest first; the first must be 'full'.")
                .defaultValue(defaults.accessLevels()).add()
                .property().name(MEMBERS_MAY_CREATE).label("Members may create businesses")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .helpText("Whether plain members may create businesses; they then get full access to them.")
                .defaultValue(defaults.membersMayCreateBusinesses().toString()).add()
                .property().name(STAFF_EXPIRY).label("Staff invitation expiry (days)")
                .type(ProviderConfigProperty.STRING_TYPE).helpText("1 to 365.")
                .defaultValue(defaults.staffInvitationExpiryDays().toString()).add()
                .property().name(PORTAL_EXPIRY).label("Portal invitation expiry (days)")
                .type(ProviderConfigProperty.STRING_TYPE).helpText("1 to 365.")
                .defaultValue(defaults.portalInvitationExpiryDays().toString()).add()
                .property().name(RESEND_COOLDOWN).label("Invitation resend cooldown (minutes)")
                .type(ProviderConfigProperty.STRING_TYPE).helpText("1 to 1440.")
                .defaultValue(defaults.resendCooldownMinutes().toString()).add()
                .property().name(CLAIM_CAP).label("Most businesses listed in a token")
                .type(ProviderConfigProperty.STRING_TYPE).helpText("1 to 10000.")
                .defaultValue(defaults.claimBusinessCap().toString()).add()
                .property().name(MAILS_PER_FIRM).label("Invitation emails per firm and hour")
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText("1 to 100000. Staff and portal invitations, CSV imports and resends of one firm together.")
                .defaultValue(defaults.mailsPerFirmPerHour().toString()).add()
                .property().name(MAILS_PER_USER).label("Invitation emails per person and hour")
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText("1 to 100000. Everything one person sends, in all firms of the realm.")
                .defaultValue(defaults.mailsPerUserPerHour().toString()).add()
                .property().name(WEBHOOK_SECRET).label("Invitation webhook secret")
                .type(ProviderConfigProperty.PASSWORD).secret(true)
                .helpText("Signs the mail-event webhooks (Standard Webhooks): whsec_ and the base64 of 24 to 64 random "
                        + "bytes, or a ${vault.key} reference. Write-only: leave it empty to keep the current secret. "
                        + "The secret it replaces stays valid until the rotation is ended through the settings API.")
                .add()
                .build();
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) {
        if (!realm.getId().equals(model.getParentId())) {
            throw new ComponentValidationException("The Firm Access settings belong to the realm itself");
        }
        boolean another = components(realm, PROVIDER_ID).stream().anyMatch(other -> !other.getId().equals(model.getId()));
        if (another) {
            throw new ComponentValidationException("The realm already has Firm Access settings; edit those");
        }
        keepLevelOrder(realm, model);
        SettingsService settings = new SettingsService(session, realm);
        SettingsView change = view(model, currentLevels(realm));
        refusedAsComponentError(() -> settings.validate(change));
        // Taken out before the component is stored: a component's configuration shows in realm exports.
        // The secret goes to its own table in the same transaction, so a failed save stores neither.
        settings.applySecrets(change);
        model.getConfig().remove(WEBHOOK_SECRET);
        // Filled in here, before the component is stored, since the form cannot know the realm's path.
        model.put(FIRM_CONSOLE, ConsolePaths.path(realm));
    }

    @Override
    public void onCreate(KeycloakSession session, RealmModel realm, ComponentModel model) {
        refusedAsComponentError(() -> new SettingsService(session, realm).apply(view(model, currentLevels(realm))));
        FirmAccessSetUp.ensureClients(realm);
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        refusedAsComponentError(() -> new SettingsService(session, realm).apply(view(newModel, currentLevels(realm))));
        FirmAccessSetUp.ensureClients(realm);
    }

    /**
     * Copies settings changed through the API into the tab's component, creating it when the realm
     * has none yet, so the form never shows defaults over values set through the API. The
     * write-only secret never stays in the form: saving it again must not bring back an old one.
     */
    static void mirror(RealmModel realm, SettingsView settings) {
        List<ComponentModel> tabs = components(realm, PROVIDER_ID);
        if (tabs.isEmpty()) {
            tabs = List.of(addComponent(realm, PROVIDER_ID));
        }
        tabs.forEach(component -> {
            component.put(ENABLED, settings.enabled().toString());
            component.put(OWNER_LABEL, settings.roleLabels().owner());
            component.put(ADMIN_LABEL, settings.roleLabels().admin());
            component.put(MEMBER_LABEL, settings.roleLabels().member());
            component.getConfig().put(ACCESS_LEVELS, settings.accessLevels());
            component.put(ACCESS_LEVEL_ORDER, String.join(",", settings.accessLevels()));
            component.put(MEMBERS_MAY_CREATE, settings.membersMayCreateBusinesses().toString());
            component.put(STAFF_EXPIRY, settings.staffInvitationExpiryDays().toString());
            component.put(PORTAL_EXPIRY, settings.portalInvitationExpiryDays().toString());
            component.put(RESEND_COOLDOWN, settings.resendCooldownMinutes().toString());
            component.put(CLAIM_CAP, settings.claimBusinessCap().toString());
            component.put(MAILS_PER_FIRM, settings.mailsPerFirmPerHour().toString());
            component.put(MAILS_PER_USER, settings.mailsPerUserPerHour().toString());
            component.put(FIRM_CONSOLE, ConsolePaths.path(realm));
            component.getConfig().remove(WEBHOOK_SECRET);
            realm.updateComponent(component);
        });
    }

    /**
     * The form as a settings change: a field left empty keeps its current value. {@code currentLevels}
     * orders the access levels of a component stored without their order (see {@link #orderedLevels}).
     */
    static SettingsView view(ComponentModel model, List<String> currentLevels) {
        String owner = model.get(OWNER_LABEL);
        String admin = model.get(ADMIN_LABEL);
        String member = model.get(MEMBER_LABEL);
        boolean anyLabel = owner != null || admin != null || member != null;
        List<String> levels = orderedLevels(model, currentLevels);
        String mayCreate = model.get(MEMBERS_MAY_CREATE);
        String enabled = model.get(ENABLED);
        return new SettingsView(enabled == null || enabled.isBlank() ? null : Boolean.valueOf(enabled),
                anyLabel ? new SettingsView.RoleLabels(owner, admin, member) : null,
                levels.isEmpty() ? null : levels,
                mayCreate == null || mayCreate.isBlank() ? null : Boolean.valueOf(mayCreate),
                number(model, STAFF_EXPIRY), number(model, PORTAL_EXPIRY), number(model, RESEND_COOLDOWN),
                number(model, CLAIM_CAP), secret(model), null, null, null, number(model, MAILS_PER_FIRM),
                number(model, MAILS_PER_USER));
    }

    /**
     * Keycloak stores a component's multivalued configuration as unordered rows, so the levels read
     * back from the database, and hence from a realm export, come in any order, while their order
     * is what they mean (strongest first). The order is therefore also kept as one value,
     * {@link #ACCESS_LEVEL_ORDER}; a component saved before that value existed is ordered by the
     * realm's current levels. Levels other than those the order knows were typed into the form or
     * sent just now: their order is the one given (and refused if it does not start with full).
     */
    static List<String> orderedLevels(ComponentModel model, List<String> currentLevels) {
        List<String> given = trimmed(model.getConfig().get(ACCESS_LEVELS));
        String kept = model.get(ACCESS_LEVEL_ORDER);
        List<String> order = kept == null || kept.isBlank() ? currentLevels : trimmed(List.of(kept.split(",")));
        return sameLevels(given, order) ? order : given;
    }

    private static boolean sameLevels(List<String> some, List<String> others) {
        return some.size() == others.size() && new HashSet<>(some).equals(new HashSet<>(others));
    }

    /**
     * Before the component is stored: its order is the one the form sends when an administrator
     * changed only the order of the levels there, else the order kept so far.
     */
    private static void keepLevelOrder(RealmModel realm, ComponentModel model) {
        List<String> given = trimmed(model.getConfig().get(ACCESS_LEVELS));
        ComponentModel stored = model.getId() == null ? null : realm.getComponent(model.getId());
        List<String> before = stored == null ? List.of() : trimmed(stored.getConfig().get(ACCESS_LEVELS));
        boolean reorderedInTheForm = !given.equals(before) && sameLevels(given, before);
        List<String> ordered = reorderedInTheForm ? given
                : orderedLevels(stored == null ? model : withLevels(stored, given), currentLevels(realm));
        if (!ordered.isEmpty()) {
            model.put(ACCESS_LEVEL_ORDER, String.join(",", ordered));
        }
    }

    private static ComponentModel withLevels(ComponentModel stored, List<String> levels) {
        ComponentModel copy = new ComponentModel(stored);
        copy.getConfig().put(ACCESS_LEVELS, levels);
        return copy;
    }

    private static List<String> currentLevels(RealmModel realm) {
        return FirmAccessSettings.of(realm).accessLevels();
    }

    private static List<String> trimmed(List<String> levels) {
        return levels == null ? List.of() : levels.stream().map(level -> level == null ? null : level.trim()).toList();
    }

    /** Empty, or the mask the admin console shows for a stored secret, keeps the current secret. */
    private static String secret(ComponentModel model) {
        String value = model.get(WEBHOOK_SECRET);
        return value == null || value.isEmpty() || ComponentRepresentation.SECRET_VALUE.equals(value) ? null : value;
    }

    private static Integer number(ComponentModel model, String name) {
        String value = model.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException notANumber) {
            throw new ComponentValidationException("'" + name + "' must be a whole number");
        }
    }

    /** The settings' own validation, answered the way the admin console shows component errors. */
    private static void refusedAsComponentError(Runnable change) {
        try {
            change.run();
        } catch (FirmAccessException refused) {
            throw new ComponentValidationException(refused.description());
        }
    }
}
