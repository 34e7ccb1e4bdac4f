package dev.firmaccess.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person signed in to the firm console the way a browser is: through Keycloak's login form, then
 * the console's own cookie. Pages are fetched whole, as the browser would before drawing them.
 */
final class ConsoleSession {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final int MAX_REDIRECTS = 10;

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<String, String> cookies = new HashMap<>();

    /** Signs in at the console's start page; the login form may ask for the username and the password in two steps. */
    static ConsoleSession signIn(String consoleUrl, String username, String password) {
        ConsoleSession session = new ConsoleSession();
        HttpResponse<String> page = session.follow(session.get(URI.create(consoleUrl)));
        for (int step = 0; step < 2; step++) {
            Matcher form = LOGIN_FORM.matcher(page.body());
            if (!form.find()) {
                break;
            }
            URI action = page.uri().resolve(form.group(1).replace("&amp;", "&"));
            page = session.follow(session.post(action, Map.of("username", username, "password", password)));
        }
        if (page.statusCode() != 200 || LOGIN_FORM.matcher(page.body()).find()) {
            throw new IllegalStateException("Console sign-in of " + username + " ended at " + page.statusCode() + " "
                    + page.uri());
        }
        return session;
    }

    /** A console page; anything but a 200 page ends the benchmark, so a failing page is never timed. */
    String page(String url) {
        HttpResponse<String> response = get(URI.create(url));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Console page " + url + " answered " + response.statusCode());
        }
        return response.body();
    }

    private HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hop = 0; hop < MAX_REDIRECTS && current.statusCode() / 100 == 3; hop++) {
            current = get(current.uri().resolve(current.headers().firstValue("Location").orElseThrow()));
        }
        return current;
    }

    private HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    private HttpResponse<String> post(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String[] pair = header.split(";", 2)[0].split("=", 2);
                if (pair.length == 2 && !pair[1].isEmpty()) {
                    cookies.put(pair[0].trim(), pair[1].trim());
                } else {
                    cookies.remove(pair[0].trim());
                }
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
