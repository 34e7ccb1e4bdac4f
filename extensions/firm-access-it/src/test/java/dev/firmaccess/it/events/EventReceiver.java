package dev.firmaccess.it.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.firmaccess.testing.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An app's endpoint for access events on loopback, as a subscriber would write one: it verifies
 * the Standard Webhooks signature on its own (not with the server's code), keeps what it accepted,
 * and can be told to be down (it then answers 503, as a failing deployment does).
 */
public final class EventReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> accepted = new CopyOnWriteArrayList<>();
    private final List<String> refusedIds = new CopyOnWriteArrayList<>();
    private volatile String secret;
    private volatile boolean down;

    public EventReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/events", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
    }

    /** The secret the subscriber was given; until it is set, nothing verifies. */
    public void trust(String value) {
        secret = value;
    }

    public void down(boolean value) {
        down = value;
    }

    public List<Received> accepted() {
        return new ArrayList<>(accepted);
    }

    /** Attempts answered with an error while down, by event id. */
    public List<String> refusedIds() {
        return new ArrayList<>(refusedIds);
    }

    public List<Received> awaitAccepted(int count) {
        return Eventually.until(this::accepted, events -> events.size() >= count, Duration.ofSeconds(60),
                count + " events accepted");
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
        int status;
        if (down) {
            refusedIds.add(String.valueOf(id));
            status = 503;
        } else if (verifies(id, timestamp, body, signatures)) {
            accepted.add(new Received(id, new String(body, StandardCharsets.UTF_8), JSON.readTree(body), signatures));
            status = 204;
        } else {
            status = 401;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private boolean verifies(String id, String timestamp, byte[] body, String signatures) {
        if (secret == null || id == null || timestamp == null || signatures == null
                || Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) > 300) {
            return false;
        }
        byte[] expected = Base64.getEncoder().encode(hmac(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body));
        for (String signature : signatures.split(" ")) {
            if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                    signature.substring(3).getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] hmac(byte[] key, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** An event the receiver accepted: its {@code webhook-id}, its body as posted and as JSON, and the signature header. */
    public record Received(String id, String text, JsonNode body, String signatures) {

        public String type() {
            return body.get("type").asText();
        }
    }
}
