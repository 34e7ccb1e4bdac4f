package dev.firmaccess.it.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.HttpJson.Reply;
import dev.firmaccess.testing.OpenApiContract;
import dev.firmaccess.testing.TestEnvironment;
import java.net.http.HttpRequest;

/**
 * Calls the server the way a client app does, and holds every reply of a firm-access endpoint to
 * the OpenAPI document the provider jar ships, so that each IT is also a contract test.
 */
public final class Api {

    private static final OpenApiContract CONTRACT = OpenApiContract.fromProviderJar(TestEnvironment.providerJar());

    private final HttpJson http;

    public Api(HttpJson http) {
        this.http = http;
    }

    public Reply get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Reply delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    public Reply post(String path, String token, Object body) {
        return send("POST", path, token, body);
    }

    public Reply put(String path, String token, Object body) {
        return send("PUT", path, token, body);
    }

    /**
     * A request with a JSON body (a String is sent as is, so tests can send malformed JSON), a
     * {@link TextBody} of its own media type, or none when null.
     */
    public Reply send(String method, String path, String token, Object body) {
        HttpRequest.Builder request = http.request(path, token);
        if (path.split("\\?", 2)[0].endsWith(".yaml")) {
            // The OpenAPI document is the one reply that is not JSON.
            request.setHeader("Accept", "application/yaml");
        } else if (path.contains("/firm-access/invitations/accept/") || path.contains("/firm-access/portal/activate/")) {
            // The pages behind invitation and activation links answer HTML; Keycloak answers its own
            // refusals in HTML only to a client that names text/html, so they stay JSON here.
            request.setHeader("Accept", "*/*");
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else if (body instanceof TextBody text) {
            request.header("Content-Type", text.contentType())
                    .method(method, HttpRequest.BodyPublishers.ofString(text.text()));
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json(body)));
        }
        Reply reply = http.send(request);
        conform(method, path, reply);
        return reply;
    }

    private static void conform(String method, String path, Reply reply) {
        // Keycloak's own endpoints (tokens, organizations) are not part of our document.
        if (!path.contains("/firm-access/")) {
            return;
        }
        CONTRACT.assertResponseConforms(method, path, reply.status(), reply.header("Content-Type"), reply.body());
    }

    private static String json(Object body) {
        if (body instanceof String raw) {
            return raw;
        }
        try {
            return HttpJson.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
