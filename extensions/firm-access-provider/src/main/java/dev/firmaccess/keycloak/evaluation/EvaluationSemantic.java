package dev.firmaccess.keycloak.evaluation;

import java.util.Optional;

/** How a batch of evaluations runs: every item, or up to the first deny, or up to the first permit. */
enum EvaluationSemantic {
    EXECUTE_ALL("execute_all"),
    DENY_ON_FIRST_DENY("deny_on_first_deny"),
    PERMIT_ON_FIRST_PERMIT("permit_on_first_permit");

    private final String value;

    EvaluationSemantic(String value) {
        this.value = value;
    }

    static Optional<EvaluationSemantic> parse(String value) {
        for (EvaluationSemantic semantic : values()) {
            if (semantic.value.equals(value)) {
                return Optional.of(semantic);
            }
        }
        return Optional.empty();
    }

    /** Whether the batch ends after an item with this decision (that item's decision is still answered). */
    boolean stopsAfter(boolean decision) {
        return switch (this) {
            case EXECUTE_ALL -> false;
            case DENY_ON_FIRST_DENY -> !decision;
            case PERMIT_ON_FIRST_PERMIT -> decision;
        };
    }
}
