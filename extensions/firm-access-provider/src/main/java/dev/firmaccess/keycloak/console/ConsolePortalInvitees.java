package dev.firmaccess.keycloak.console;

import dev.firmaccess.keycloak.invitation.InvitationViews.Invitee;
import java.util.Arrays;
import java.util.List;

/**
 * The portal invite form's people field. A line is either one person, {@code email[, first name[, last name]]}
 * as on the staff invite form, or several addresses separated by commas or semicolons (then without names).
 * Only the layout is read here; the portal service validates addresses and names as for the API.
 */
final class ConsolePortalInvitees {

    private ConsolePortalInvitees() {
    }

    static List<Invitee> parse(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .flatMap(line -> addressesOnly(line)
                        ? Arrays.stream(line.split("[,;]")).map(String::strip).filter(part -> !part.isEmpty())
                                .map(address -> new Invitee(address, null, null))
                        : ConsoleInvitees.parse(line).stream())
                .toList();
    }

    /** Whether every part of a line with several parts looks like an address, so none of them is a name. */
    private static boolean addressesOnly(String line) {
        List<String> parts = Arrays.stream(line.split("[,;]")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        return parts.size() > 1 && parts.stream().allMatch(part -> part.contains("@"));
    }
}
