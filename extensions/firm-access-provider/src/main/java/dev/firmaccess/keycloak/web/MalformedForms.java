package dev.firmaccess.keycloak.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The container's form reader answers a malformed escape ({@code %ZZ}) in a form body with a server
 * error, even for a resource that reads no body, as soon as anything asks for the request's form
 * parameters. On the extension's paths (the firm console, the link pages, the firm and realm-admin
 * APIs) such a body is treated as a form without fields instead: every console form then refuses it
 * as it refuses a missing CSRF token, and an API operation answers as it answers an empty body —
 * a clear refusal, nothing changed. Other paths of the server are left alone.
 */
@Provider
public class MalformedForms implements ContainerRequestFilter {

    private static final Pattern EXTENSION_PATHS =
            Pattern.compile("/?(admin/)?realms/[^/]+/firm-access(/.*)?", Pattern.DOTALL);

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(request.getMediaType())
                || !EXTENSION_PATHS.matcher(request.getUriInfo().getPath()).matches()) {
            return;
        }
        byte[] body;
        try (InputStream in = request.getEntityStream()) {
            body = in.readAllBytes();
        }
        boolean readable = !FormBody.parse(new String(body, StandardCharsets.UTF_8)).isEmpty() || body.length == 0;
        request.setEntityStream(new ByteArrayInputStream(readable ? body : new byte[0]));
    }
}
