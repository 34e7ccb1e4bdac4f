package dev.firmaccess.it.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A person's browser without JavaScript, for the activation and login pages: one cookie jar for
 * the test server (name to value; Keycloak's Secure flag is moot on loopback), redirects followed
 * only when asked.
 */
public final class PortalBrowser {

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

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
        return postEncoded(url, form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
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

    private synchronized void remember(HttpResponse<?> response) {
        response.headers().allValues("Set-Cookie").forEach(header -> {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            boolean expired = header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0") || value.isEmpty();
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        });
    }

    /** The Cookie header this browser sends to the test server. */
    public synchronized String cookieHeader() {
        return cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
    }

    private Answer exchange(HttpRequest.Builder request) {
        String cookie = cookieHeader();
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            remember(response);
            URI redirect = response.statusCode() / 100 == 3
                    ? response.headers().firstValue("Location").map(built.uri()::resolve).orElse(null)
                    : null;
            return new Answer(built.uri(), response.statusCode(), redirect, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
