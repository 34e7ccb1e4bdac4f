package dev.firmaccess.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.it.support.StaffRoles;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.TestEnvironment;
import dev.firmaccess.testing.TestRealm;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the console's browser tests start from: a new realm with one firm, its owner and other
 * staff (members), and the console's and the firm API's addresses in that realm.
 */
final class ConsoleFirm {

    private final HttpJson http;
    private final TestRealm realm;
    private final String alias;
    private final String owner;
    private final Map<String, String> userIds = new LinkedHashMap<>();

    private ConsoleFirm(TestEnvironment env, String realmPrefix, String firmName, String alias, String owner,
            List<String> members) {
        this.http = env.http();
        this.realm = env.newRealm(realmPrefix);
        this.alias = alias;
        this.owner = owner;
        String firmId = realm.createFirm(firmName, alias);
        userIds.put(owner, realm.createUser(owner));
        members.forEach(member -> userIds.put(member, realm.createUser(member)));
        userIds.values().forEach(userId -> realm.addMember(firmId, userId));
        StaffRoles.set(http, realm, alias, userIds.get(owner), "owner");
    }

    /** A firm whose first person is its owner and every other one a member. */
    static ConsoleFirm create(TestEnvironment env, String realmPrefix, String firmName, String alias, String owner,
            String... members) {
        return new ConsoleFirm(env, realmPrefix, firmName, alias, owner, List.of(members));
    }

    TestRealm realm() {
        return realm;
    }

    String userId(String username) {
        return userIds.get(username);
    }

    /** The console's root, where sign-in starts. */
    String consoleUrl() {
        return http.url("/realms/" + realm.name() + "/firm-access/console/");
    }

    /** The firm's console pages; a page's path follows. */
    String firmUrl() {
        return consoleUrl() + "firms/" + alias + "/";
    }

    /** The firm API's path for this firm. */
    String api() {
        return "/realms/" + realm.name() + "/firm-access/api/v1/firms/" + alias;
    }

    String ownerToken() {
        return realm.accessToken(owner);
    }

    /** Creates a business as the owner and answers its id. */
    String createBusiness(String name) {
        HttpJson.Reply created = http.post(api() + "/businesses", ownerToken(), Map.of("name", name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }
}
