package dev.firmaccess.it.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser that reaches the test server but says another Host, as a misconfigured proxy or a
 * forged request would; java.net.http does not let a test set that header. HTTP/1.0, so each
 * answer is plain and ends with the connection. Keeps cookies by name.
 */
final class ForgedHostClient {

    private final int port;
    private final String host;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    ForgedHostClient(int port, String host) {
        this.port = port;
        this.host = host;
    }

    record Answer(int status, String location, String body) {
    }

    Answer send(String method, String pathAndQuery, String formBody) throws IOException {
        StringBuilder request = new StringBuilder(method + " " + pathAndQuery + " HTTP/1.0\r\nHost: " + host + "\r\n");
        if (!cookies.isEmpty()) {
            request.append("Cookie: ").append(cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; "))).append("\r\n");
        }
        byte[] body = formBody == null ? new byte[0] : formBody.getBytes(StandardCharsets.UTF_8);
        if (formBody != null) {
            request.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ").append(body.length)
                    .append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return parse(readAll(socket.getInputStream()));
        }
    }

    private Answer parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        String[] head = raw.substring(0, end < 0 ? raw.length() : end).split("\r\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        String location = null;
        for (int i = 1; i < head.length; i++) {
            String name = head[i].substring(0, head[i].indexOf(':')).trim().toLowerCase(Locale.ROOT);
            String value = head[i].substring(head[i].indexOf(':') + 1).trim();
            if (name.equals("location")) {
                location = value;
            } else if (name.equals("set-cookie")) {
                String pair = value.split(";", 2)[0];
                String cookie = pair.substring(0, pair.indexOf('='));
                String cookieValue = pair.substring(pair.indexOf('=') + 1);
                if (cookieValue.isEmpty() || value.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(cookie);
                } else {
                    cookies.put(cookie, cookieValue);
                }
            }
        }
        return new Answer(status, location, end < 0 ? "" : raw.substring(end + 4));
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
