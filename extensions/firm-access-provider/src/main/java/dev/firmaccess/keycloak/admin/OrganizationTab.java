package dev.firmaccess.keycloak.admin;

import dev.firmaccess.keycloak.console.ConsolePaths;
import java.util.List;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The "Firm Access" tab on each organization's page of Keycloak's admin console. The admin
 * console draws a tab's form from the realm's one component of the tab's provider, whatever
 * organization is open, so the tab cannot show one firm's figures; it names the firm console's
 * page of the realm's firms ({@code firms}), which shows each firm's staff, businesses and pending
 * invitations and opens any of them. The realm's component is created with the rest of the set-up
 * ({@link FirmAccessSetUp}): without one the form would show an empty field.
 */
public final class OrganizationTab extends AdminConsoleTab {

    /**
     * The admin console shows the id as the tab's title; the realm settings tab already is
     * "Firm Access", and two tab providers cannot share an id.
     */
    public static final String PROVIDER_ID = "Firm Access (firm)";
    static final String FIRMS_PAGE = "firmsPage";

    /** On the organization page's tab bar: {@code /:realm/organizations/:id/settings} and its siblings. */
    public OrganizationTab() {
        super(new Shown(PROVIDER_ID, "/:realm/organizations/:id/:tab", "Names, on each organization's page, the firm "
                + "console's list of the realm's firms: staff per role, businesses and pending invitations of every "
                + "firm, and a link that opens it."));
    }

    /** Whatever a save of the form sent, the field stays the realm's own page. */
    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) {
        model.getConfig().clear();
        model.put(FIRMS_PAGE, firmsPage(realm));
    }

    /** Creates the realm's component of the tab when it has none. */
    static void ensure(RealmModel realm) {
        if (components(realm, PROVIDER_ID).isEmpty()) {
            addComponent(realm, PROVIDER_ID);
        }
    }

    private static String firmsPage(RealmModel realm) {
        return ConsolePaths.path(realm) + "firms";
    }

    /**
     * The page's path, as a read-only field. Not a link: the admin console's link field (type
     * {@code Url}) reads its address as the {@code value} of the form's value at the property's
     * name, which a component's configuration (lists of texts) never has, so it would show its
     * title without an address. The admin console shows a component's configuration only under the
     * names of its properties, so the path is kept under this property's name.
     */
    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        ProviderConfigProperty path = new ProviderConfigProperty(FIRMS_PAGE, "Firms of this realm",
                "The firm console's page listing this realm's firms with their staff per role, businesses and pending "
                        + "invitations, each with a link that opens it; for realm administrators who may view organizations.",
                ProviderConfigProperty.STRING_TYPE, null);
        path.setReadOnly(true);
        return List.of(path);
    }
}
