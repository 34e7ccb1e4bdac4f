package dev.firmaccess.keycloak.console;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.keycloak.http.FormPartValue;
import org.keycloak.models.KeycloakSession;

/**
 * A {@code multipart/form-data} post of the console (a file upload): its text fields, and an
 * uploaded file read as UTF-8 text up to a limit.
 */
final class ConsoleUpload {

    private final MultivaluedMap<String, FormPartValue> parts;

    ConsoleUpload(MultivaluedMap<String, FormPartValue> parts) {
        this.parts = parts;
    }

    static ConsoleUpload of(KeycloakSession session) {
        return new ConsoleUpload(session.getContext().getHttpRequest().getMultiPartFormParameters());
    }

    /** The named text fields as an ordinary form, e.g. the CSRF token for the console's form check. */
    MultivaluedMap<String, String> fields(String... names) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        for (String name : names) {
            String value = field(name);
            if (value != null) {
                form.putSingle(name, value);
            }
        }
        return form;
    }

    /** A text field's value, or null when the form has no such field. */
    String field(String name) {
        FormPartValue part = parts.getFirst(name);
        return part == null ? null : part.asString();
    }

    /**
     * An uploaded file as text, empty when no file was chosen (the browser sends an empty part).
     * At most {@code maxChars + 1} characters are read, so that a larger file is still seen to be
     * too large by the check that follows without being held in memory whole.
     */
    Optional<String> textOf(String name, int maxChars) {
        FormPartValue part = parts.getFirst(name);
        if (part == null) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        try (InputStream in = part.asInputStream();
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            char[] buffer = new char[8192];
            int read;
            while (text.length() <= maxChars && (read = reader.read(buffer, 0,
                    Math.min(buffer.length, maxChars + 1 - text.length()))) > 0) {
                text.append(buffer, 0, read);
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text.toString());
    }
}
