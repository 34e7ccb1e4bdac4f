package dev.firmaccess.keycloak.web;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * An {@code application/x-www-form-urlencoded} body read by the extension itself: the container's
 * own form reader fails a malformed escape ({@code %ZZ}) with a server error, where such a body is
 * simply a form without fields, which every form page then refuses as it refuses a missing token.
 */
public final class FormBody {

    private FormBody() {
    }

    /** The fields of a form body, or none at all when any part of it is malformed. */
    public static MultivaluedMap<String, String> parse(String body) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        if (body == null || body.isEmpty()) {
            return form;
        }
        try {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                form.add(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException malformed) {
            return new MultivaluedHashMap<>();
        }
        return form;
    }
}
