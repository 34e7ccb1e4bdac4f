package dev.firmaccess.keycloak.web;

import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.regex.Pattern;
import org.keycloak.representations.idm.OAuth2ErrorRepresentation;

/**
 * Some requests to the extension's documented endpoints are refused before any resource of the
 * extension runs: a body of a media type an operation does not consume (415), a body larger than
 * the container takes (413), a query parameter Keycloak blocks (400), a missing token at Keycloak's
 * admin root (401), a path no resource matches (404); on the AuthZEN discovery documents too. Keycloak answers those in its own
 * {@code {"error"}} shape; this filter rewrites them into the one error shape with its code, so
 * that a client reads every refusal the same way. A browser that asks for HTML keeps Keycloak's
 * error page, and the console, whose refusals are its own pages, is left alone.
 */
@Provider
public class ContainerRefusals implements ContainerResponseFilter {

    /** Dot-all: a decoded path may hold line breaks (an id of %0A, or U+2028), and they must not escape the match. */
    private static final Pattern DOCUMENTED_ENDPOINTS = Pattern.compile(
            "/?(realms/[^/]+/firm-access/(?!console(/|$)).*|admin/realms/[^/]+/firm-access(/.*)?"
                    + "|realms/[^/]+/\\.well-known/authzen-configuration|\\.well-known/authzen-configuration/realms/[^/]+)",
            Pattern.DOTALL);

    private static final Map<Integer, ErrorCode> CODES = Map.of(
            400, ErrorCode.INVALID_REQUEST,
            401, ErrorCode.INVALID_TOKEN,
            403, ErrorCode.FORBIDDEN,
            404, ErrorCode.NOT_FOUND,
            413, ErrorCode.BODY_TOO_LARGE,
            415, ErrorCode.UNSUPPORTED_MEDIA_TYPE);

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        ErrorCode code = CODES.get(response.getStatus());
        if (code == null || !(response.getEntity() instanceof OAuth2ErrorRepresentation keycloaks)
                || !DOCUMENTED_ENDPOINTS.matcher(request.getUriInfo().getPath()).matches()) {
            return;
        }
        String description = keycloaks.getErrorDescription() != null ? keycloaks.getErrorDescription()
                : keycloaks.getError();
        Response shaped = ErrorResponses.of(FirmAccessException.of(code, description));
        shaped.getHeaders().forEach((name, values) -> response.getHeaders().put(name, values));
        response.setEntity(shaped.getEntity(), new Annotation[0], shaped.getMediaType());
    }
}
