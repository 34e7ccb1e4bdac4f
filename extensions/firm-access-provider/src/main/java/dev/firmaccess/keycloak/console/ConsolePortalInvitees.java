package dev.firmaccess.keycloak.console;

import dev.firmaccess.keycloak.mail.Invitee;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The portal invite form's people field: the staff form's layout ({@link ConsoleInvitees}), where
 * a line may also hold several addresses separated by commas or semicolons (then without names).
 */
final class ConsolePortalInvitees {

    private ConsolePortalInvitees() {
    }

    static List<Invitee> parse(String text) {
        if (text == null) {
            return List.of();
        }
        return ConsoleInvitees.parse(text.lines()
                .map(line -> addresses(line).size() > 1 ? String.join("\n", addresses(line)) : line)
                .collect(Collectors.joining("\n")));
    }

    /** The parts of a line when every one looks like an address, so none of them is a name; else none. */
    private static List<String> addresses(String line) {
        List<String> parts = Arrays.stream(line.split("[,;]")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        return parts.stream().allMatch(part -> part.contains("@")) ? parts : List.of();
    }
}
