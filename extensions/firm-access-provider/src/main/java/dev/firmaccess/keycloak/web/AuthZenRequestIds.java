package dev.firmaccess.keycloak.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Pattern;

/**
 * The access evaluation API echoes the caller's {@code X-Request-ID} on every response, as the
 * AuthZEN specification requires: its answers and refusals, and also those made around it (the
 * 404 of a realm with Firm Access off, a wrong method, a body the container refuses, a server
 * error), which no resource of the extension writes.
 */
@Provider
public class AuthZenRequestIds implements ContainerResponseFilter {

    public static final String HEADER = "X-Request-ID";

    /** Dot-all: a decoded path may hold line breaks, and they must not escape the match. */
    private static final Pattern ACCESS_EVALUATION_API =
            Pattern.compile("/?realms/[^/]+/firm-access/access/v1(/.*)?", Pattern.DOTALL);

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String requestId = request.getHeaderString(HEADER);
        if (requestId != null && ACCESS_EVALUATION_API.matcher(request.getUriInfo().getPath()).matches()) {
            response.getHeaders().putSingle(HEADER, requestId);
        }
    }
}
