package dev.firmaccess.keycloak.firm;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationDomainModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The identity providers Keycloak links to a firm's organization, and the domains they serve. A
 * provider serves the domains named in its {@code kc.org.domain} setting ({@code ANY}: every domain of
 * the organization); only a domain the organization marks as verified counts as proof that an address
 * belongs to the firm.
 */
public final class FirmIdentityProviders {

    /** One linked provider as the console and the API show it. */
    public record LinkedProvider(String alias, String displayName, boolean enabled, List<String> domains,
            boolean redirectWhenEmailMatches) {
    }

    /** One of the organization's domains. */
    public record Domain(String name, boolean verified) {
    }

    static final String REDIRECT_WHEN_EMAIL_MATCHES = "kc.org.broker.redirect.mode.email-matches";
    /** Keycloak's note that the person changed the provider's address on its review-profile page. */
    private static final String EMAIL_CHANGED_ON_REVIEW = "UPDATE_PROFILE_EMAIL_CHANGED";

    private final OrganizationModel firm;

    public FirmIdentityProviders(OrganizationModel firm) {
        this.firm = firm;
    }

    public List<LinkedProvider> linked() {
        return firm.getIdentityProviders()
                .map(idp -> new LinkedProvider(idp.getAlias(), idp.getDisplayName(), idp.isEnabled(),
                        List.copyOf(domainsOf(idp)),
                        Boolean.parseBoolean(idp.getConfig().get(REDIRECT_WHEN_EMAIL_MATCHES))))
                .toList();
    }

    public List<Domain> domains() {
        return firm.getDomains().map(domain -> new Domain(domain.getName(), domain.isVerified())).toList();
    }

    /** Whether the address's domain is one the organization marks as verified. */
    public boolean isVerifiedAddress(String email) {
        String domain = domainOf(email);
        return domain != null && firm.getDomains().anyMatch(d -> d.isVerified() && d.getName().equalsIgnoreCase(domain));
    }

    /** The enabled provider that serves the address, when its domain is one of the firm's verified domains. */
    public Optional<IdentityProviderModel> forAddress(String email) {
        if (!isVerifiedAddress(email)) {
            return Optional.empty();
        }
        String domain = domainOf(email);
        return firm.getIdentityProviders()
                .filter(IdentityProviderModel::isEnabled)
                .filter(idp -> {
                    Set<String> served = domainsOf(idp);
                    return served.contains(domain) || served.contains(OrganizationDomainModel.ANY_DOMAIN.toLowerCase(Locale.ROOT));
                })
                .findFirst();
    }

    /**
     * Whether the sign-in under way in this request came through one of the firm's enabled providers
     * that is trusted for email, with the account's address unchanged: Keycloak marks that address
     * verified as its first-broker-login flow ends, which is after the flow made the person a member.
     */
    public boolean vouchForSignInUnderWay(KeycloakSession session, UserModel user) {
        AuthenticationSessionModel signIn = session.getContext().getAuthenticationSession();
        SerializedBrokeredIdentityContext brokered = signIn == null ? null
                : SerializedBrokeredIdentityContext.readFromAuthenticationSession(signIn,
                        AbstractIdpAuthenticator.BROKERED_CONTEXT_NOTE);
        if (brokered == null || brokered.getEmail() == null || !brokered.getEmail().equalsIgnoreCase(user.getEmail())
                || Boolean.parseBoolean(signIn.getAuthNote(EMAIL_CHANGED_ON_REVIEW))) {
            return false;
        }
        return firm.getIdentityProviders().anyMatch(idp -> idp.getAlias().equals(brokered.getIdentityProviderId())
                && idp.isEnabled() && Boolean.TRUE.equals(idp.isTrustEmail()));
    }

    private static Set<String> domainsOf(IdentityProviderModel idp) {
        String configured = idp.getConfig().get(OrganizationModel.ORGANIZATION_DOMAIN_ATTRIBUTE);
        return configured == null ? Set.of() : Arrays.stream(configured.split(","))
                .map(String::trim).filter(name -> !name.isEmpty())
                .map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String domainOf(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        return at < 0 ? null : email.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
