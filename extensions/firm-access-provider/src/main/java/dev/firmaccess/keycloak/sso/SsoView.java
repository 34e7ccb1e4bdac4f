package dev.firmaccess.keycloak.sso;

import dev.firmaccess.keycloak.firm.FirmIdentityProviders.Domain;
import dev.firmaccess.keycloak.firm.FirmIdentityProviders.LinkedProvider;
import java.util.List;

/** The firm's single sign-on: its linked identity providers, its domains and its joiner rules. */
public record SsoView(List<LinkedProvider> identityProviders, List<Domain> domains, JoinerRules joinerRules) {
}
