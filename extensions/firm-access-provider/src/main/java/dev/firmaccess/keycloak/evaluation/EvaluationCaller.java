package dev.firmaccess.keycloak.evaluation;

import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.evaluation.AuthZenModel.Entity;
import dev.firmaccess.keycloak.web.BearerCaller;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * Who asks: an evaluator (the service account of a confidential client holding the realm role
 * {@value #EVALUATOR_ROLE}) may evaluate any subject; any other bearer may evaluate only itself.
 *
 * <p>Both an evaluator and a token that came from a connection key are programmatic access, so
 * their decisions honour the programmatic-access switch of the subject's firm.
 */
record EvaluationCaller(UserModel user, boolean evaluator, boolean programmatic) {

    public static final String EVALUATOR_ROLE = "firm-access-evaluator";

    /** The user-session note that marks a session opened with a connection key; its value is the key id. */
    public static final String CONNECTION_KEY_NOTE = "firm-access.connection-key";

    static EvaluationCaller of(KeycloakSession session, BearerCaller bearer) {
        AuthResult auth = bearer.auth();
        UserModel user = auth.user();
        RoleModel role = session.getContext().getRealm().getRole(EVALUATOR_ROLE);
        boolean evaluator = user.getServiceAccountClientLink() != null && role != null && user.hasRole(role);
        boolean viaConnectionKey = auth.session() != null && auth.session().getNote(CONNECTION_KEY_NOTE) != null;
        return new EvaluationCaller(user, evaluator, evaluator || viaConnectionKey);
    }

    /** A bearer who is not an evaluator may ask only about itself. */
    void requireMayAskAbout(Entity subject) {
        if (!evaluator && !(EvaluationTypes.USER.equals(subject.type()) && user.getId().equals(subject.id()))) {
            throw FirmAccessException.of(ErrorCode.EVALUATOR_ROLE_REQUIRED, "Only a client with the " + EVALUATOR_ROLE
                    + " role may evaluate other subjects; a user may evaluate only itself");
        }
    }

    void requireEvaluator() {
        if (!evaluator) {
            throw FirmAccessException.of(ErrorCode.EVALUATOR_ROLE_REQUIRED, 
                    "Only a client with the " + EVALUATOR_ROLE + " role may search subjects");
        }
    }
}
