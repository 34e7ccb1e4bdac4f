package dev.firmaccess.keycloak.programmatic;

import dev.firmaccess.keycloak.firm.StaffEntity;
import dev.firmaccess.keycloak.firm.StaffRepository;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.protocol.oidc.encode.AccessTokenContext;
import org.keycloak.protocol.oidc.encode.TokenContextEncoderProvider;
import org.keycloak.representations.AccessToken;
import org.keycloak.util.TokenUtil;

/**
 * Decides, on every use, whether a session that came from a connection key may still act: its
 * key must exist, its user must still be staff of the key's firm, and that user's programmatic
 * access there must be on. Sessions without the note (browser or password sign-ins) are never
 * refused here. Everything is read from the database and Keycloak's models at the moment of
 * use, so a switch flipped on one node is seen by the next request on every node, and turning
 * it back on makes the same sessions work again.
 */
public final class ProgrammaticAccessGate {

    /** User-session note naming the connection key a session was created from. */
    public static final String SESSION_NOTE = "firm-access.connection-key";

    /** Why a key, or a session that came from one, may not act now. */
    public enum Refusal {
        UNKNOWN_KEY("The connection key is unknown or was revoked"),
        NOT_STAFF("The connection key's user is no longer staff of its firm"),
        SWITCHED_OFF("Programmatic access is turned off for the connection key's user in its firm");

        private final String description;

        Refusal(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ConnectionKeyRepository keys;
    private final StaffRepository staff;

    private ProgrammaticAccessGate(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.keys = new ConnectionKeyRepository(em);
        this.staff = new StaffRepository(em);
    }

    public static ProgrammaticAccessGate of(KeycloakSession session) {
        return new ProgrammaticAccessGate(session);
    }

    /** The refusal for a user session; empty when it did not come from a key, or its key may act. */
    public Optional<Refusal> refusalFor(UserSessionModel userSession) {
        String keyId = userSession == null ? null : userSession.getNote(SESSION_NOTE);
        if (keyId == null) {
            return Optional.empty();
        }
        return keys.find(realm.getId(), keyId)
                .filter(key -> key.getUserId().equals(userSession.getUser().getId()))
                .map(key -> refusalFor(key, userSession.getUser()))
                .orElse(Optional.of(Refusal.UNKNOWN_KEY));
    }

    /** The firm of the connection key a user session came from; empty for sessions that did not come from a key. */
    public Optional<String> keyFirmOf(UserSessionModel userSession) {
        String keyId = userSession == null ? null : userSession.getNote(SESSION_NOTE);
        return keyId == null ? Optional.empty()
                : keys.find(realm.getId(), keyId).map(ConnectionKeyEntity::getOrganizationId);
    }

    /** The refusal for the session a verified token belongs to; empty when it has none or may act. */
    public Optional<Refusal> refusalFor(AccessToken token) {
        return token == null || token.getSessionId() == null ? Optional.empty() : refusalFor(sessionOf(token));
    }

    /** The refusal for a key acting for its user now. */
    public Optional<Refusal> refusalFor(ConnectionKeyEntity key, UserModel user) {
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        OrganizationModel firm = organizations == null || !organizations.isEnabled()
                ? null
                : organizations.getById(key.getOrganizationId());
        if (firm == null || !firm.isEnabled() || user == null || !organizations.isMember(firm, user)) {
            return Optional.of(Refusal.NOT_STAFF);
        }
        boolean enabled = staff.find(firm.getId(), user.getId()).map(StaffEntity::isProgrammaticAccess).orElse(true);
        return enabled ? Optional.empty() : Optional.of(Refusal.SWITCHED_OFF);
    }

    /** Looks in the one session store the token names, so that no request pays for a miss in the other. */
    private UserSessionModel sessionOf(AccessToken token) {
        String id = token.getSessionId();
        if (TokenUtil.TOKEN_TYPE_OFFLINE.equals(token.getType())) {
            return session.sessions().getOfflineUserSession(realm, id);
        }
        if (TokenUtil.TOKEN_TYPE_REFRESH.equals(token.getType())) {
            return session.sessions().getUserSession(realm, id);
        }
        AccessTokenContext.SessionType type = sessionTypeOf(token);
        if (type == AccessTokenContext.SessionType.OFFLINE
                || type == AccessTokenContext.SessionType.OFFLINE_TRANSIENT_CLIENT) {
            return session.sessions().getOfflineUserSession(realm, id);
        }
        UserSessionModel online = session.sessions().getUserSession(realm, id);
        return online != null || type != AccessTokenContext.SessionType.UNKNOWN
                ? online
                : session.sessions().getOfflineUserSession(realm, id);
    }

    private AccessTokenContext.SessionType sessionTypeOf(AccessToken token) {
        try {
            return session.getProvider(TokenContextEncoderProvider.class).getTokenContextFromTokenId(token.getId())
                    .getSessionType();
        } catch (IllegalArgumentException legacyTokenId) {
            return AccessTokenContext.SessionType.UNKNOWN;
        }
    }
}
