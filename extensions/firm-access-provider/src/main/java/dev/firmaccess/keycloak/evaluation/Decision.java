package dev.firmaccess.keycloak.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.firmaccess.keycloak.access.AccessPath;
import java.util.List;

/** The AuthZEN decision: {@code decision}, and a {@code context} with the reason when the caller asked for one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Decision(boolean decision, Reason context) {

    /**
     * Why: a reason code, the subject's effective level on the business when it has one, and the
     * paths that grant it (role, direct, team), as the explain endpoint of the firm API shows them.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reason(String reason, String level, List<AccessPath> paths) {
    }

    static Decision of(boolean decision, String reason, String level, List<AccessPath> paths, boolean explain) {
        return new Decision(decision, explain ? new Reason(reason, level, paths) : null);
    }
}
