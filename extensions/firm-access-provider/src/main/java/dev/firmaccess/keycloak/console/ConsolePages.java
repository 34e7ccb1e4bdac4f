package dev.firmaccess.keycloak.console;

import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.web.ErrorResponses;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.keycloak.headers.SecurityHeadersProvider;
import org.keycloak.models.BrowserSecurityHeaders;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.theme.FreeMarkerException;
import org.keycloak.theme.Theme;
import org.keycloak.theme.beans.MessageFormatterMethod;
import org.keycloak.theme.freemarker.FreeMarkerProvider;

/**
 * Renders console pages with Keycloak's theme machinery: templates and message bundles of the
 * firm-access-console theme, Keycloak's FreeMarker setup (HTML auto-escaping for .ftl) and the
 * PatternFly styles of Keycloak's common theme.
 */
final class ConsolePages {

    /**
     * The console's own browser security headers, stricter than a realm's defaults (which let a page
     * of the same origin frame the login pages, and any script run): no framing at all, scripts,
     * styles and form targets of this server only.
     */
    private static final Map<String, String> OWN_HEADERS = Map.of(
            "X-Frame-Options", "DENY",
            "X-Content-Type-Options", "nosniff",
            "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'");

    private final KeycloakSession session;

    ConsolePages(KeycloakSession session) {
        this.session = session;
    }

    Response render(int status, String template, UserModel user, Map<String, Object> model) {
        try {
            Theme theme = session.theme().getTheme(ConsolePaths.THEME, Theme.Type.LOGIN);
            Locale locale = session.getContext().resolveLocale(user);
            Properties messages = theme.getEnhancedMessages(session.getContext().getRealm(), locale);
            Map<String, Object> data = new HashMap<>(model);
            data.put("msg", new MessageFormatterMethod(locale, messages));
            data.put("locale", locale.toLanguageTag());
            data.put("consoleUrl", ConsolePaths.path(session.getContext().getRealm()));
            data.put("resourcesPath", ConsolePaths.resources(session) + "/login/" + ConsolePaths.THEME);
            data.put("resourcesCommonPath", ConsolePaths.resources(session) + "/common/keycloak");
            data.put("realmName", session.getContext().getRealm().getDisplayName() == null
                    ? session.getContext().getRealm().getName() : session.getContext().getRealm().getDisplayName());
            String html = session.getProvider(FreeMarkerProvider.class).processTemplate(data, template + ".ftl", theme);
            Response.ResponseBuilder page = Response.status(status)
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                    .header("Cache-Control", "no-store")
                    .entity(html);
            OWN_HEADERS.forEach(page::header);
            return withTheRealmsOtherSecurityHeaders(page).build();
        } catch (IOException | FreeMarkerException failed) {
            throw new IllegalStateException("Cannot render console page " + template, failed);
        }
    }

    /**
     * Keycloak's response filter puts the realm's browser security headers on every HTML page, over
     * those a page set itself, so the console's framing and content policy would be the realm's (and
     * follow a realm administrator who relaxes them for the login pages). The console's pages skip
     * that filter and carry their own headers, and the realm's values of the others (HSTS, referrer
     * policy, robots).
     */
    private Response.ResponseBuilder withTheRealmsOtherSecurityHeaders(Response.ResponseBuilder page) {
        session.getProvider(SecurityHeadersProvider.class).options().skipHeaders();
        Map<String, String> configured = session.getContext().getRealm().getBrowserSecurityHeaders();
        for (BrowserSecurityHeaders header : BrowserSecurityHeaders.values()) {
            String value = configured == null ? header.getDefaultValue()
                    : configured.getOrDefault(header.getKey(), header.getDefaultValue());
            if (!OWN_HEADERS.containsKey(header.getHeaderName()) && value != null && !value.isEmpty()) {
                page.header(header.getHeaderName(), value);
            }
        }
        return page;
    }

    /**
     * The error page for a refused action: the status of the domain's error, and its code, which the
     * page says in the user's language (the description is English, for logs and API clients).
     */
    Response error(FirmAccessException failure, UserModel user) {
        return error(ErrorResponses.status(failure.kind()), failure.code(), user);
    }

    Response error(int status, ErrorCode code, UserModel user) {
        Map<String, Object> model = new HashMap<>();
        model.put("status", status);
        if (code != null) {
            model.put("code", code.wireName());
        }
        return render(status, "console-error", user, model);
    }
}
