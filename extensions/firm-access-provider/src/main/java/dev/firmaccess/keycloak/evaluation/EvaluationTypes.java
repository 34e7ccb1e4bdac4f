package dev.firmaccess.keycloak.evaluation;

/** The subject and resource types this PDP knows: Keycloak users and the firms' businesses. */
final class EvaluationTypes {

    static final String USER = "user";
    static final String BUSINESS = "business";
    /** The resource property that names a business's firm, by organization id or alias. */
    static final String FIRM_PROPERTY = "firm";

    private EvaluationTypes() {
    }
}
