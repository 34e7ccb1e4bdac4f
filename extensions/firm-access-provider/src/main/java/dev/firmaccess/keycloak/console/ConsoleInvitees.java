package dev.firmaccess.keycloak.console;

import dev.firmaccess.keycloak.mail.Invitee;
import java.util.Arrays;
import java.util.List;

/**
 * The invite form's people field: one person a line, {@code email[, first name[, last name]]}.
 * Only the layout is read here; the invitation service validates addresses and names as for the API.
 */
final class ConsoleInvitees {

    private ConsoleInvitees() {
    }

    static List<Invitee> parse(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .map(ConsoleInvitees::invitee)
                .toList();
    }

    private static Invitee invitee(String line) {
        List<String> parts = Arrays.stream(line.split(",", 3)).map(String::strip).toList();
        return new Invitee(parts.get(0), part(parts, 1), part(parts, 2));
    }

    private static String part(List<String> parts, int index) {
        return parts.size() > index && !parts.get(index).isEmpty() ? parts.get(index) : null;
    }
}
