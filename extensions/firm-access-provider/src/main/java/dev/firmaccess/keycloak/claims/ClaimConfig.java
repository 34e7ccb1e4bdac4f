package dev.firmaccess.keycloak.claims;

import java.util.Map;
import java.util.OptionalInt;
import org.keycloak.provider.ProviderConfigProperty;

/** The typed configuration of one firm-access claim mapper, besides the claim name. */
record ClaimConfig(OptionalInt businessCap) {

    static final String DEFAULT_CLAIM_NAME = "firm_access";
    static final String BUSINESS_CAP = "businessCap";
    static final String WORKSPACE_CAP = "workspaceCap";
    /**
     * Workspaces listed in the {@code firm_portal} claim when its mapper sets no cap. A workspace
     * costs about 100 bytes (its name included), twice a business of {@code firm_access}: ten keep
     * the claim of a portal user of ten firms near 2 KB.
     */
    static final int DEFAULT_WORKSPACE_CAP = 10;

    /** A cap that is missing or not a positive number falls back to the realm setting. */
    static ClaimConfig of(Map<String, String> config) {
        return new ClaimConfig(positive(config.get(BUSINESS_CAP)));
    }

    int capOr(int realmCap) {
        return businessCap.orElse(realmCap);
    }

    /** The {@code firm_portal} mapper's cap; missing or not a positive number: the default. */
    static int workspaceCap(Map<String, String> config) {
        return positive(config.get(WORKSPACE_CAP)).orElse(DEFAULT_WORKSPACE_CAP);
    }

    /** A mapper setting that caps a claim's list. */
    static ProviderConfigProperty capProperty(String name, String label, String helpText) {
        ProviderConfigProperty cap = new ProviderConfigProperty();
        cap.setName(name);
        cap.setLabel(label);
        cap.setType(ProviderConfigProperty.STRING_TYPE);
        cap.setHelpText(helpText);
        return cap;
    }

    private static OptionalInt positive(String value) {
        if (value == null || value.isBlank()) {
            return OptionalInt.empty();
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            return parsed > 0 ? OptionalInt.of(parsed) : OptionalInt.empty();
        } catch (NumberFormatException unusable) {
            return OptionalInt.empty();
        }
    }
}
