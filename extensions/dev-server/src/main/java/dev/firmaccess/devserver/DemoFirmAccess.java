package dev.firmaccess.devserver;

import dev.firmaccess.testing.HttpJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.representations.idm.ClientScopeRepresentation;

/** The demo data of realm-config/demo-firm-access.json: what the realm import cannot express. */
record DemoFirmAccess(String realm, List<ClientScope> clientScopes, Map<String, Object> settings, List<Firm> firms) {

    /**
     * A client scope the realm import cannot hold (scopes in the file would replace Keycloak's
     * built-in ones), and the clients it is a default scope of.
     */
    record ClientScope(ClientScopeRepresentation scope, List<String> defaultFor) {
    }

    record Firm(String alias, List<Staff> staff, List<Business> businesses, List<Grant> grants,
            List<Invitation> invitations, List<PortalInvitation> portalInvitations) {
    }

    record Staff(String username, String role) {
    }

    /** A business, identified across restarts by its external reference. */
    record Business(String externalRef, String name) {
    }

    /** A staff invitation, sent (and so visible in the mail inbox) unless already pending or accepted. */
    record Invitation(String email, String firstName, String lastName, String role) {
    }

    /** A client-portal invitation into one business (by external reference), sent unless already pending or active. */
    record PortalInvitation(String business, String email, String firstName, String lastName, String role,
            String message) {
    }

    /** A share of a business (by external reference) with a user (by username) or a team (by name). */
    record Grant(String business, String username, String team, String level) {
    }

    static DemoFirmAccess read(Path file) {
        try {
            return HttpJson.MAPPER.readValue(file.toFile(), DemoFirmAccess.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    /** The person's portal invitations for people, e.g. "invited as portal owner of Copperleaf Cafe". */
    List<String> portalInvitationsOf(String email) {
        return firms.stream()
                .flatMap(firm -> firm.portalInvitations().stream()
                        .filter(invitation -> invitation.email().equalsIgnoreCase(email))
                        .map(invitation -> "invited as portal " + invitation.role() + " of "
                                + firm.businesses().stream()
                                        .filter(business -> business.externalRef().equals(invitation.business()))
                                        .map(Business::name)
                                        .findFirst()
                                        .orElse(invitation.business())))
                .toList();
    }

    Optional<String> roleOf(String firmAlias, String username) {
        return firms.stream()
                .filter(firm -> firm.alias().equals(firmAlias))
                .flatMap(firm -> firm.staff().stream())
                .filter(staff -> staff.username().equals(username))
                .map(Staff::role)
                .findFirst();
    }
}
