package dev.firmaccess.keycloak.firm;

import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import org.keycloak.models.OrganizationModel;

/**
 * How the caller of a request signed in, as far as it limits them: a session made from a
 * connection key acts only in the key's firm, and only an interactive sign-in may mint a new
 * connection key (a lasting credential), so that a leaked token or key cannot make itself permanent.
 */
@FunctionalInterface
public interface CallerOrigin {

    /** The firm console: the user signed in through the realm's browser login. */
    CallerOrigin CONSOLE = () -> {
    };

    /** The realm-admin API and invitation acceptance: not a sign-in of the staff member for minting keys. */
    CallerOrigin ADMINISTRATION = () -> {
        throw FirmAccessException.of(ErrorCode.KEY_CREATION_REFUSED,
                "Connection keys are created in the firm console or through the firm API");
    };

    /** Throws the refusal unless this sign-in may create a connection key now. */
    void requireMayMintKeys();

    /** Whether the caller may act in this firm at all; otherwise the firm answers like an unknown one. */
    default boolean reaches(OrganizationModel firm) {
        return true;
    }
}
