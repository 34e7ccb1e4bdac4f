package dev.firmaccess.keycloak.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/** The signed-in user of one console request, and the CSRF token their forms must send back. */
record ConsoleUser(AuthResult auth, String csrf) {

    boolean acceptsCsrf(String sent) {
        return sent != null && csrf != null
                && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
