package dev.firmaccess.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/** Reads the claims of a JWT the server issued, without checking its signature: tests look, the server trusts. */
public final class TokenClaims {

    private TokenClaims() {
    }

    public static JsonNode of(String jwt) {
        try {
            return HttpJson.MAPPER.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
