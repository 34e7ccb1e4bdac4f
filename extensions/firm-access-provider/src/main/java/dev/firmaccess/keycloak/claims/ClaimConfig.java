package dev.firmaccess.keycloak.claims;

import java.util.Map;
import java.util.OptionalInt;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;

/** The typed configuration of one firm-access claim mapper. */
record ClaimConfig(String claimName, OptionalInt businessCap) {

    static final String DEFAULT_CLAIM_NAME = "firm_access";
    static final String BUSINESS_CAP = "businessCap";

    /** Missing values take the defaults; a cap that is not a positive number falls back to the realm setting. */
    static ClaimConfig of(Map<String, String> config) {
        String name = config.get(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME);
        return new ClaimConfig(name == null || name.isBlank() ? DEFAULT_CLAIM_NAME : name.trim(),
                positive(config.get(BUSINESS_CAP)));
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
