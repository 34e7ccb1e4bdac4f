package dev.firmaccess.benchmarks;

import dev.firmaccess.testing.PlainBrowser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person signed in to the firm console the way a browser is: through Keycloak's login form, then
 * the console's own cookie. Pages are fetched whole, as the browser would before drawing them.
 */
final class ConsoleSession {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final int MAX_REDIRECTS = 10;

    private final PlainBrowser browser = new PlainBrowser(Duration.ofSeconds(60));

    /** Signs in at the console's start page; the login form may ask for the username and the password in two steps. */
    static ConsoleSession signIn(String consoleUrl, String username, String password) {
        ConsoleSession session = new ConsoleSession();
        HttpResponse<String> page = session.follow(session.browser.get(URI.create(consoleUrl)));
        for (int step = 0; step < 2; step++) {
            Matcher form = LOGIN_FORM.matcher(page.body());
            if (!form.find()) {
                break;
            }
            URI action = page.uri().resolve(form.group(1).replace("&amp;", "&"));
            page = session.follow(session.browser.postForm(action, Map.of("username", username, "password", password)));
        }
        if (page.statusCode() != 200 || LOGIN_FORM.matcher(page.body()).find()) {
            throw new IllegalStateException("Console sign-in of " + username + " ended at " + page.statusCode() + " "
                    + page.uri());
        }
        return session;
    }

    /** A console page; anything but a 200 page ends the benchmark, so a failing page is never timed. */
    String page(String url) {
        HttpResponse<String> response = browser.get(URI.create(url));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Console page " + url + " answered " + response.statusCode());
        }
        return response.body();
    }

    private HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hop = 0; hop < MAX_REDIRECTS && current.statusCode() / 100 == 3; hop++) {
            current = browser.get(current.uri().resolve(current.headers().firstValue("Location").orElseThrow()));
        }
        return current;
    }
}
