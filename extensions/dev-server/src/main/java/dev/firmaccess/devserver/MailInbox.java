package dev.firmaccess.devserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.MailCatcher;
import dev.firmaccess.testing.MailCatcher.ReceivedMail;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The mail catcher's messages over HTTP on loopback: pages for people, {@code /api/messages} for
 * scripts. Plain JDK HTTP server, so the dev server needs no web framework.
 */
final class MailInbox implements AutoCloseable {

    private static final String API = "/api/messages";
    private static final String MESSAGE_PAGE = "/messages/";

    private final MailCatcher mail;
    private final InboxPages pages;
    private final HttpServer server;

    MailInbox(MailCatcher mail, int port) {
        this.mail = mail;
        this.pages = new InboxPages(mail.smtpPort(), port);
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the mail inbox on port " + port, e);
        }
        server.createContext("/", this::handle);
    }

    MailInbox start() {
        server.start();
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals(API)) {
                api(exchange, method);
            } else if (!method.equals("GET")) {
                send(exchange, 405, "text/plain", "Method not allowed");
            } else if (path.equals("/")) {
                send(exchange, 200, "text/html", pages.list(mail.messages()));
            } else if (path.startsWith(MESSAGE_PAGE)) {
                message(exchange, path.substring(MESSAGE_PAGE.length()));
            } else {
                send(exchange, 404, "text/html", pages.notFound("No page at " + path));
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "text/plain", "Inbox error: " + e);
        } finally {
            exchange.close();
        }
    }

    private void api(HttpExchange exchange, String method) throws IOException {
        switch (method) {
            case "GET" -> send(exchange, 200, "application/json", json(mail.messages()));
            case "DELETE" -> {
                mail.purge();
                exchange.sendResponseHeaders(204, -1);
            }
            default -> send(exchange, 405, "text/plain", "Method not allowed");
        }
    }

    private void message(HttpExchange exchange, String index) throws IOException {
        List<ReceivedMail> messages = mail.messages();
        int position = index.matches("\\d{1,9}") ? Integer.parseInt(index) : -1;
        if (position < 0 || position >= messages.size()) {
            send(exchange, 404, "text/html", pages.notFound("No message " + index));
        } else {
            send(exchange, 200, "text/html", pages.message(messages.get(position)));
        }
    }

    private static String json(List<ReceivedMail> messages) {
        List<MessageJson> body = IntStream.range(0, messages.size())
                .mapToObj(index -> MessageJson.of(index, messages.get(index)))
                .toList();
        try {
            return HttpJson.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** One message in {@code /api/messages}; {@code index} is its position in arrival order. */
    private record MessageJson(int index, String from, String to, String subject, String sentAt, String text,
            String html) {

        static MessageJson of(int index, ReceivedMail mail) {
            return new MessageJson(index, mail.from(), mail.to(), mail.subject(),
                    mail.sentAt() == null ? null : mail.sentAt().toString(), mail.text(), mail.html());
        }
    }
}
