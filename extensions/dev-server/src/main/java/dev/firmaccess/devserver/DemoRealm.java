package dev.firmaccess.devserver;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.testing.HttpJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * What the demo realm file offers a developer: its name, a client for the password grant and the
 * sign-ins. Read from the file itself so the banner never advertises a login the import did not create.
 */
record DemoRealm(String name, Optional<String> passwordGrantClient, List<Login> logins) {

    /** {@code firms} describes the user's firm memberships for people, e.g. "owner of demo-firm". */
    record Login(String username, String password, String firms) {
    }

    static DemoRealm read(Path realmFile, DemoFirmAccess firmAccess) {
        JsonNode realm;
        try {
            realm = HttpJson.MAPPER.readTree(realmFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + realmFile, e);
        }
        List<Login> logins = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            String username = user.path("username").asText();
            logins.add(new Login(username, password(user), firms(realm, username, firmAccess)
                    + portal(user.path("email").asText(), firmAccess)));
        }
        Optional<String> client = nodes(realm.path("clients"))
                .filter(c -> c.path("publicClient").asBoolean() && c.path("directAccessGrantsEnabled").asBoolean())
                .map(c -> c.path("clientId").asText())
                .findFirst();
        return new DemoRealm(realm.path("realm").asText(), client, logins);
    }

    private static String password(JsonNode user) {
        return nodes(user.path("credentials"))
                .filter(credential -> credential.path("type").asText().equals("password"))
                .map(credential -> credential.path("value").asText())
                .findFirst().orElse("(none)");
    }

    /** Organization members without a staff role are plain members, as the firms API reports them. */
    private static String firms(JsonNode realm, String username, DemoFirmAccess firmAccess) {
        List<String> firms = new ArrayList<>();
        for (JsonNode org : realm.path("organizations")) {
            String alias = org.path("alias").asText();
            nodes(org.path("members"))
                    .filter(member -> member.path("username").asText().equals(username))
                    .findFirst()
                    .ifPresent(member -> firms.add(firmAccess.roleOf(alias, username).orElse("member") + " of " + alias
                            + teams(org, member)));
        }
        return firms.isEmpty() ? "in no firm" : String.join(", ", firms);
    }

    private static String portal(String email, DemoFirmAccess firmAccess) {
        List<String> invitations = firmAccess.portalInvitationsOf(email);
        return invitations.isEmpty() ? "" : "; " + String.join(", ", invitations) + " (activation mail in the inbox)";
    }

    /** Organization groups are the firm's teams; the import names a member's groups by id. */
    private static String teams(JsonNode org, JsonNode member) {
        List<String> ids = nodes(member.path("groups")).map(JsonNode::asText).toList();
        String names = nodes(org.path("groups"))
                .filter(group -> ids.contains(group.path("id").asText()))
                .map(group -> group.path("name").asText())
                .collect(Collectors.joining(", "));
        return names.isEmpty() ? "" : " (team " + names + ")";
    }

    private static Stream<JsonNode> nodes(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
