package dev.firmaccess.devserver;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.testing.HttpJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Applies the firm-access demo data through the public admin API, as an operator would. It runs on
 * every start and only sets values, so repeating it changes nothing.
 */
record DemoSeeder(Keycloak admin, HttpJson http) {

    /**
     * Answers what could not be applied. Drift such as a demo user removed in the admin console is
     * reported rather than fatal: the server is still useful, and {@code --fresh} restores the demo.
     */
    List<String> seed(DemoFirmAccess demo) {
        List<String> problems = new ArrayList<>();
        for (DemoFirmAccess.ClientScope scope : demo.clientScopes()) {
            ensureClientScope(demo.realm(), scope).ifPresent(problems::add);
        }
        String base = "/admin/realms/" + demo.realm() + "/firm-access";
        if (demo.settings() != null) {
            expect(http.put(base + "/settings", adminToken(), demo.settings()), "apply the realm settings")
                    .ifPresent(problems::add);
        }
        for (DemoFirmAccess.Firm firm : demo.firms()) {
            String firmPath = base + "/firms/" + firm.alias();
            Map<String, String> userIds = new HashMap<>();
            for (DemoFirmAccess.Staff staff : firm.staff()) {
                Optional<String> userId = userId(demo.realm(), staff.username());
                if (userId.isEmpty()) {
                    problems.add("user " + staff.username() + " not found in realm " + demo.realm());
                    continue;
                }
                userIds.put(staff.username(), userId.get());
                expect(http.put(firmPath + "/staff/" + userId.get() + "/role", adminToken(),
                        Map.of("role", staff.role())), "make " + staff.username() + " " + staff.role())
                        .ifPresent(problems::add);
            }
            Map<String, String> businessIds = ensureBusinesses(firmPath, firm.businesses(), problems);
            Map<String, String> teamIds = idsByField(http.get(firmPath + "/teams?max=1000", adminToken()), "name");
            List<Map<String, String>> grants = new ArrayList<>();
            for (DemoFirmAccess.Grant grant : firm.grants()) {
                String subjectId = grant.team() != null ? teamIds.get(grant.team()) : userIds.get(grant.username());
                String businessId = businessIds.get(grant.business());
                if (subjectId == null || businessId == null) {
                    problems.add("grant " + grant + " names an unknown business, user or team");
                    continue;
                }
                grants.add(Map.of("businessId", businessId, "subjectType", grant.team() != null ? "team" : "user",
                        "subjectId", subjectId, "level", grant.level()));
            }
            expect(http.post(firmPath + "/grants", adminToken(), Map.of("grants", grants)), "share the businesses")
                    .ifPresent(problems::add);
            for (DemoFirmAccess.Invitation invitation : firm.invitations()) {
                invite(firmPath, invitation).ifPresent(problems::add);
            }
            for (DemoFirmAccess.PortalInvitation invitation : firm.portalInvitations()) {
                invite(firmPath, invitation, businessIds).ifPresent(problems::add);
            }
        }
        return problems;
    }

    /** Creates a client scope once and makes it a default scope of its demo clients. */
    private Optional<String> ensureClientScope(String realmName, DemoFirmAccess.ClientScope wanted) {
        RealmResource realm = admin.realm(realmName);
        String name = wanted.scope().getName();
        Optional<String> existing = realm.clientScopes().findAll().stream()
                .filter(scope -> scope.getName().equals(name)).map(ClientScopeRepresentation::getId).findFirst();
        String scopeId;
        if (existing.isPresent()) {
            scopeId = existing.get();
        } else {
            try (Response created = realm.clientScopes().create(wanted.scope())) {
                if (created.getStatus() != 201) {
                    return Optional.of("could not create client scope " + name + ": " + created.getStatus());
                }
                String location = created.getLocation().getPath();
                scopeId = location.substring(location.lastIndexOf('/') + 1);
            }
        }
        for (String clientId : wanted.defaultFor()) {
            List<ClientRepresentation> clients = realm.clients().findByClientId(clientId);
            if (clients.isEmpty()) {
                return Optional.of("client " + clientId + " not found for scope " + name);
            }
            realm.clients().get(clients.get(0).getId()).addDefaultClientScope(scopeId);
        }
        return Optional.empty();
    }

    /** 409 means the person is already invited or already staff: the demo state holds either way. */
    private Optional<String> invite(String firmPath, DemoFirmAccess.Invitation invitation) {
        Map<String, String> invitee = new LinkedHashMap<>();
        invitee.put("email", invitation.email());
        invitee.put("firstName", invitation.firstName());
        invitee.put("lastName", invitation.lastName());
        HttpJson.Reply reply = http.post(firmPath + "/invitations", adminToken(),
                Map.of("invitees", List.of(invitee), "role", invitation.role()));
        return reply.status() == 409 ? Optional.empty() : expect(reply, "invite " + invitation.email());
    }

    /** 409 means the person is already invited into or active in that workspace. */
    private Optional<String> invite(String firmPath, DemoFirmAccess.PortalInvitation invitation,
            Map<String, String> businessIds) {
        String businessId = businessIds.get(invitation.business());
        if (businessId == null) {
            return Optional.of("portal invitation " + invitation + " names an unknown business");
        }
        Map<String, String> invitee = new LinkedHashMap<>();
        invitee.put("email", invitation.email());
        invitee.put("firstName", invitation.firstName());
        invitee.put("lastName", invitation.lastName());
        HttpJson.Reply reply = http.post(firmPath + "/portal/invitations", adminToken(), Map.of("businessId", businessId,
                "role", invitation.role(), "message", invitation.message(), "invitees", List.of(invitee)));
        return reply.status() == 409 ? Optional.empty()
                : expect(reply, "invite " + invitation.email() + " to the portal");
    }

    /** Creates the businesses that do not exist yet; answers the ids of all by external reference. */
    private Map<String, String> ensureBusinesses(String firmPath, List<DemoFirmAccess.Business> businesses,
            List<String> problems) {
        Map<String, String> ids = idsByField(http.get(firmPath + "/businesses?archived=any&max=1000", adminToken()),
                "externalRef");
        for (DemoFirmAccess.Business business : businesses) {
            if (!ids.containsKey(business.externalRef())) {
                HttpJson.Reply created = http.post(firmPath + "/businesses", adminToken(),
                        Map.of("name", business.name(), "externalRef", business.externalRef()));
                expect(created, "create business " + business.name()).ifPresentOrElse(problems::add,
                        () -> ids.put(business.externalRef(), created.json().get("id").asText()));
            }
        }
        return ids;
    }

    private static Map<String, String> idsByField(HttpJson.Reply list, String field) {
        Map<String, String> ids = new LinkedHashMap<>();
        if (list.status() == 200) {
            for (JsonNode item : list.json()) {
                if (item.hasNonNull(field)) {
                    ids.put(item.get(field).asText(), item.get("id").asText());
                }
            }
        }
        return ids;
    }

    private Optional<String> userId(String realm, String username) {
        List<UserRepresentation> users = admin.realm(realm).users().searchByUsername(username, true);
        return users.isEmpty() ? Optional.empty() : Optional.of(users.get(0).getId());
    }

    private static Optional<String> expect(HttpJson.Reply reply, String what) {
        return reply.status() / 100 == 2 ? Optional.empty() : Optional.of("could not " + what + ": " + reply);
    }

    /** Asked for on each call: the token manager renews the short-lived master-realm token. */
    private String adminToken() {
        return admin.tokenManager().getAccessTokenString();
    }
}
