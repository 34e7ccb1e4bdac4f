package dev.firmaccess.it.support;

import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.TestRealm;

/**
 * A policy-enforcing app of a realm: a confidential client whose service account holds the
 * evaluator role, so it may ask about anyone with a client-credentials token.
 */
public record EvaluatorClient(String clientId, String secret) {

    /** Makes the client in the realm, unless the realm has it already. */
    public void ensureIn(TestRealm realm) {
        if (realm.admin().clients().findByClientId(clientId).isEmpty()) {
            RealmClients.create(realm.admin(), RealmClients.withServiceAccount(clientId, secret));
            RealmClients.makeEvaluator(realm.admin(), clientId);
        }
    }

    public String token(HttpJson http, TestRealm realm) {
        return RealmClients.token(http, realm.name(), clientId, secret);
    }
}
