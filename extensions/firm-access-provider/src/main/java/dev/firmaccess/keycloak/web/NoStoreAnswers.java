package dev.firmaccess.keycloak.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Pattern;

/**
 * Every answer of the extension's APIs (the firm API, its admin form and the access evaluation API)
 * is sent with {@code Cache-Control: no-store} unless it says otherwise: they name staff, customers
 * and who may do what, and a browser that called them keeps no copy for the next user of the
 * computer, nor replays a decision made before a grant was removed.
 */
@Provider
public class NoStoreAnswers implements ContainerResponseFilter {

    private static final String MARK = "/firm-access/";
    /** Dot-all: a decoded path may hold line breaks, and they must not escape the match. */
    private static final Pattern EXTENSION_PATH = Pattern.compile("/?(admin/)?realms/[^/]+/firm-access/.*",
            Pattern.DOTALL);

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            return;
        }
        // Runs on every answer of the server, tokens included: the cheap test first.
        String path = request.getUriInfo().getPath();
        if (path.contains(MARK) && EXTENSION_PATH.matcher(path).matches()) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
