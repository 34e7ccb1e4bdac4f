package dev.firmaccess.keycloak.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.firmaccess.keycloak.access.AccessPath;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.web.ErrorResponses;
import java.util.List;

/**
 * The AuthZEN decision: {@code decision}, and a {@code context} with the reason when the caller
 * asked for one, or with the error of a batch item that could not be evaluated.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Decision(boolean decision, Reason context) {

    /**
     * Why: a reason code, the subject's effective level on the business when it has one, and the
     * paths that grant it (role, direct, team), as the explain endpoint of the firm API shows them.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reason(String reason, String level, List<AccessPath> paths, ItemError error) {
    }

    /**
     * Why one item of a batch could not be evaluated, in the shape of the specification's example,
     * with the error code beside it (the context is the specification's free-form extension point).
     */
    public record ItemError(int status, String message, String code) {
    }

    static Decision of(boolean decision, String reason, String level, List<AccessPath> paths, boolean explain) {
        return new Decision(decision, explain ? new Reason(reason, level, paths, null) : null);
    }

    /** A batch item that failed alone: denied, with the error in its context whether or not it asked to explain. */
    static Decision failed(FirmAccessException error) {
        return new Decision(false, new Reason(null, null, null,
                new ItemError(ErrorResponses.status(error.kind()), error.description(), error.code().wireName())));
    }
}
