package dev.firmaccess.it.portal;

import dev.firmaccess.testing.PlainBrowser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A person's browser without JavaScript, for the activation and login pages: one
 * {@link PlainBrowser} (its cookie jar for the test server), redirects followed only when asked.
 */
public final class PortalBrowser {

    private final PlainBrowser browser = new PlainBrowser(Duration.ofSeconds(30));

    /** GETs a page without following its redirect. */
    public Answer get(String url) {
        return exchange(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** GETs a page and follows its redirects. */
    public Answer open(String url) {
        return followed(exchange(HttpRequest.newBuilder(URI.create(url)).GET()));
    }

    /** POSTs a form; the answer is not followed, so a test can check where a redirect points. */
    public Answer post(String url, Map<String, String> form) {
        return postEncoded(url, PlainBrowser.form(form));
    }

    /** POSTs a form body exactly as given, however it is encoded. */
    public Answer postEncoded(String url, String body) {
        return exchange(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Opens the console and signs in through Keycloak's login pages (the username page, then the
     * password page, as a realm with organizations asks); answers the page the sign-in landed on.
     */
    public Answer signInToConsole(String consoleUrl, String username, String password) {
        Answer answer = open(consoleUrl);
        for (int step = 0; step < 3 && answer.html().getElementById("kc-form-login") != null; step++) {
            String action = answer.html().getElementById("kc-form-login").absUrl("action");
            answer = followed(post(action, Map.of("username", username, "password", password)));
        }
        return answer;
    }

    /** POSTs text fields as {@code multipart/form-data}, as a form with a file input sends them; not followed. */
    public Answer postMultipart(String url, Map<String, String> fields) {
        String boundary = "----firm-access-test-boundary";
        String body = fields.entrySet().stream()
                .map(field -> "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                        + "\"\r\n\r\n" + field.getValue() + "\r\n")
                .collect(Collectors.joining("", "", "--" + boundary + "--\r\n"));
        return exchange(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Answer followed(Answer answer) {
        Answer current = answer;
        for (int hop = 0; hop < 10 && current.redirect() != null; hop++) {
            current = exchange(HttpRequest.newBuilder(current.redirect()).GET());
        }
        return current;
    }

    /** The Cookie header this browser sends to the test server. */
    public String cookieHeader() {
        return browser.cookieHeader();
    }

    private Answer exchange(HttpRequest.Builder request) {
        HttpResponse<String> response = browser.send(request);
        URI redirect = response.statusCode() / 100 == 3
                ? response.headers().firstValue("Location").map(response.uri()::resolve).orElse(null)
                : null;
        return new Answer(response.uri(), response.statusCode(), redirect, response.body());
    }

    /** One HTTP answer: where it came from, its status, where it redirects, its HTML. */
    public record Answer(URI uri, int status, URI redirect, String body) {

        public Document html() {
            return Jsoup.parse(body, uri.toString());
        }

        @Override
        public String toString() {
            return status + " " + uri + (redirect == null ? "" : " -> " + redirect);
        }
    }
}
