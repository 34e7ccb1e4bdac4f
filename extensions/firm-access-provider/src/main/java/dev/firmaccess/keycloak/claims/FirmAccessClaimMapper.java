package dev.firmaccess.keycloak.claims;

import java.util.List;
import java.util.Map;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * The {@code firm_access} claim: per firm of the user, the role, the programmatic-access switch
 * and the businesses they reach. Documented in docs/claims.md.
 */
public final class FirmAccessClaimMapper extends JsonClaimMapper {

    public static final String PROVIDER_ID = "firm-access-claim-mapper";

    public FirmAccessClaimMapper() {
        super(ClaimConfig.DEFAULT_CLAIM_NAME, List.of(ClaimConfig.capProperty(ClaimConfig.BUSINESS_CAP, "Business cap",
                "At most this many businesses are listed, all firms together; a cut list says"
                + " businessesCapped. Empty: the realm's claimBusinessCap setting.")));
    }

    @Override
    protected Object value(KeycloakSession session, UserModel user, Map<String, String> config,
            ClientSessionContext clientSession) {
        FirmClaims claims = new FirmClaims(session);
        return claims.of(user, ClaimedFirms.of(session, user, clientSession),
                ClaimConfig.of(config).capOr(claims.realmCap()));
    }

    /** The ID token names the firms and roles an app needs at sign-in; the business lists stay in the access token. */
    @Override
    protected Object forIdToken(Object value) {
        return ((List<?>) value).stream().map(firm -> ((FirmClaim) firm).withoutBusinesses()).toList();
    }

    /** The cap and the requested scopes change which businesses and firms the claim lists. */
    @Override
    protected String variant(Map<String, String> config, ClientSessionContext clientSession) {
        return ClaimConfig.of(config).businessCap() + "/" + clientSession.getScopeString(true);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Firm access";
    }

    @Override
    public String getHelpText() {
        return "Adds the firms of the user with role, programmatic access and businesses (see docs/claims.md).";
    }
}
