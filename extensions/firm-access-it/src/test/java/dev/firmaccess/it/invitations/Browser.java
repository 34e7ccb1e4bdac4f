package dev.firmaccess.it.invitations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** A browser without JavaScript: keeps cookies, follows redirects itself, and parses pages. */
public final class Browser {

    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new LoopbackCookies())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** Opens a page, following redirects, and answers where it ended. */
    public Page open(String url) {
        return follow(send(HttpRequest.newBuilder(URI.create(url)).GET()));
    }

    /** Posts a form without following the answer's redirect: the caller checks where it points. */
    public Page submitNoFollow(String url, Map<String, String> fields) {
        return send(post(url, fields));
    }

    public Page submit(String url, Map<String, String> fields) {
        return follow(send(post(url, fields)));
    }

    private HttpRequest.Builder post(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private Page follow(Page page) {
        Page current = page;
        for (int hops = 0; current.isRedirect() && hops < 10; hops++) {
            current = send(HttpRequest.newBuilder(current.location()).GET());
        }
        return current;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            return new Page(built.uri(), response.statusCode(),
                    response.headers().firstValue("Location").map(built.uri()::resolve).orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Browsers treat 127.0.0.1 as a secure context, and Keycloak marks its cookies Secure there;
     * java.net's cookie manager would then never send them over http. Drop the flag, as a browser
     * on loopback effectively does.
     */
    private static final class LoopbackCookies extends CookieManager {

        LoopbackCookies() {
            super(null, CookiePolicy.ACCEPT_ALL);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            Map<String, List<String>> insecure = new java.util.HashMap<>();
            headers.forEach((name, values) -> insecure.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(value -> value.replaceAll("(?i);\\s*Secure", "")).toList()
                    : values));
            super.put(uri, insecure);
        }
    }

    /** One answer: its address, status, redirect target and parsed HTML. */
    public record Page(URI uri, int status, URI location, String body) {

        public boolean isRedirect() {
            return status / 100 == 3 && location != null;
        }

        public Document html() {
            return Jsoup.parse(body, uri.toString());
        }

        /** The absolute action URL of the form with the given id. */
        public String formAction(String formId) {
            return html().getElementById(formId).absUrl("action");
        }

        @Override
        public String toString() {
            return status + " " + uri + (location == null ? "" : " -> " + location);
        }
    }
}
