package dev.firmaccess.it.support;

import dev.firmaccess.testing.HttpJson;
import java.util.LinkedHashMap;
import java.util.Map;

/** A script's side of connection keys: trading a key for tokens at the realm's token endpoint. */
public final class ConnectionKeys {

    /** The grant type of the trade, which the provider's token endpoint extension answers. */
    public static final String GRANT_TYPE = "urn:firm-access:grant-type:connection-key";
    /** The client id the tests give the public client of scripts that opted in to the trade. */
    public static final String SCRIPTS = "scripts";

    private ConnectionKeys() {
    }

    /** Trades the key through the client, asking for a scope unless null; answers the raw reply, since refusal is a result too. */
    public static HttpJson.Reply exchange(HttpJson http, String realmName, String clientId, String key, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", GRANT_TYPE);
        form.put("client_id", clientId);
        form.put("connection_key", key);
        if (scope != null) {
            form.put("scope", scope);
        }
        return http.postForm("/realms/" + realmName + "/protocol/openid-connect/token", form);
    }
}
