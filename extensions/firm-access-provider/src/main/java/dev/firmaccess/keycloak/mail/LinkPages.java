package dev.firmaccess.keycloak.mail;

import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.policy.PolicyError;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.userprofile.UserProfile;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;

/**
 * What the pages behind an emailed link share (staff invitations and portal activations): who is
 * signed in, the realm's sign-in that returns to the page, and creating the account of the
 * address the link was mailed to.
 */
public final class LinkPages {

    private LinkPages() {
    }

    /** The pages use the extension's login theme, which Keycloak picks from the client in context. */
    public static ClientModel useFirmAccessClient(KeycloakSession session, RealmModel realm) {
        ClientModel client = InvitationClient.of(realm);
        session.getContext().setClient(client);
        return client;
    }

    public static UserModel signedInUser(KeycloakSession session, RealmModel realm) {
        AuthResult auth = AuthenticationManager.authenticateIdentityCookie(session, realm, true);
        return auth == null ? null : auth.user();
    }

    /** Signs the current user out of this browser, so the addressee can sign in. */
    public static void signOut(KeycloakSession session, RealmModel realm) {
        AuthResult auth = AuthenticationManager.authenticateIdentityCookie(session, realm, true);
        if (auth != null) {
            AuthenticationManager.backchannelLogout(session, auth.session(), true);
        }
        AuthenticationManager.expireIdentityCookie(session);
    }

    /** The realm's own login for the address, returning to {@code page} afterwards. */
    public static URI signIn(KeycloakSession session, RealmModel realm, URI page, String email) {
        return UriBuilder.fromUri(session.getContext().getUri().getBaseUri())
                .path("realms/{realm}/protocol/openid-connect/auth")
                .queryParam("client_id", InvitationClient.CLIENT_ID)
                .queryParam("response_type", "code")
                .queryParam("scope", "openid")
                .queryParam("redirect_uri", page.toString())
                .queryParam("login_hint", email)
                .queryParam("state", KeycloakModelUtils.generateId())
                .build(realm.getName());
    }

    /** The message key of what is wrong with a chosen password, or null when it may be used. */
    public static String passwordProblem(KeycloakSession session, String email, String password, String confirmation) {
        if (password == null || password.isEmpty()) {
            return "missingPasswordMessage";
        }
        if (!password.equals(confirmation)) {
            return "invalidPasswordConfirmMessage";
        }
        PolicyError policy = session.getProvider(PasswordPolicyManagerProvider.class).validate(email, password);
        return policy == null ? null : policy.getMessage();
    }

    /**
     * Creates the enabled account of an address, with the address verified, through the realm's user
     * profile (so its validation holds), with the given attributes. Throws the profile's ValidationException when they do not fit.
     */
    public static UserModel createUser(KeycloakSession session, String email, Map<String, String> values) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put(UserModel.USERNAME, List.of(email));
        attributes.put(UserModel.EMAIL, List.of(email));
        values.forEach((name, value) -> attributes.put(name, value == null ? List.of() : List.of(value.trim())));
        UserProfile profile = session.getProvider(UserProfileProvider.class)
                .create(UserProfileContext.REGISTRATION, attributes);
        profile.validate();
        UserModel user = profile.create();
        user.setEnabled(true);
        // Only the addressee could open the mailed link that creates this account, so its address is proven.
        user.setEmailVerified(true);
        return user;
    }
}
