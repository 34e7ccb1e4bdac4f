package dev.firmaccess.keycloak.admin;

import dev.firmaccess.keycloak.core.StatelessProviderFactory;
import java.util.List;
import java.util.Map;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ui.extend.UiTabProvider;
import org.keycloak.services.ui.extend.UiTabProviderFactory;

/**
 * What the extension's tabs in Keycloak's admin console share: the admin console shows a tab's id
 * as its title, adds the tab to every tab bar whose address matches its path, and draws its form
 * from the realm's one component of the tab's provider.
 */
abstract class AdminConsoleTab implements UiTabProvider, UiTabProviderFactory<ComponentModel>,
        StatelessProviderFactory<UiTabProvider> {

    /** Both tabs' segment in the admin console's address. */
    static final String TAB = "firm-access";

    private final Shown shown;

    AdminConsoleTab(Shown shown) {
        this.shown = shown;
    }

    /**
     * How the admin console shows a tab.
     *
     * @param id       the provider's id, which is also the tab's title
     * @param path     the address pattern of the tab bars that get the tab
     * @param helpText what the tab is for
     */
    record Shown(String id, String path, String helpText) {
    }

    @Override
    public UiTabProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public String getId() {
        return shown.id();
    }

    @Override
    public String getPath() {
        return shown.path();
    }

    @Override
    public String getHelpText() {
        return shown.helpText();
    }

    @Override
    public Map<String, String> getParams() {
        return Map.of("tab", TAB);
    }

    /** The realm's components of a tab's provider: one, unless none was made yet. */
    static List<ComponentModel> components(RealmModel realm, String providerId) {
        return realm.getComponentsStream(realm.getId(), UiTabProvider.class.getName())
                .filter(component -> providerId.equals(component.getProviderId()))
                .toList();
    }

    /** Adds the realm's component of a tab's provider; its factory's validation fills in what it must hold. */
    static ComponentModel addComponent(RealmModel realm, String providerId) {
        ComponentModel created = new ComponentModel();
        created.setName(providerId);
        created.setProviderId(providerId);
        created.setProviderType(UiTabProvider.class.getName());
        created.setParentId(realm.getId());
        return realm.addComponentModel(created);
    }

    @Override
    public void close() {
    }
}
