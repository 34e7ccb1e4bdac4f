package dev.firmaccess.keycloak.claims;

import java.util.Map;
import java.util.OptionalInt;

/** The typed configuration of one firm-access claim mapper, besides the claim name. */
record ClaimConfig(OptionalInt businessCap) {

    static final String DEFAULT_CLAIM_NAME = "firm_access";
    static final String BUSINESS_CAP = "businessCap";

    /** A cap that is missing or not a positive number falls back to the realm setting. */
    static ClaimConfig of(Map<String, String> config) {
        return new ClaimConfig(positive(config.get(BUSINESS_CAP)));
    }

    int capOr(int realmCap) {
        return businessCap.orElse(realmCap);
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
