package dev.firmaccess.benchmarks;

import static dev.firmaccess.benchmarks.FirmLoader.ok;

import dev.firmaccess.benchmarks.FirmLoader.LoadedFirm;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.TestEnvironment;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The firms besides the benchmark firm: nine small firms and a portal firm of 100 workspaces for
 * one member of the benchmark firm (staff of 10 firms, portal user in 100 workspaces), and two
 * firms that differ only in size (1,000 and 100,000 businesses; members with a team sharing 100
 * businesses and 20 direct grants each). Firms, people and teams go through the APIs; businesses,
 * grants and workspaces are set-up rows (SqlRows).
 */
final class ExtraFirms {

    static final int SIDE_FIRMS = 9;
    static final int WORKSPACES = 100;
    private static final int SIZED_MEMBERS = 5;
    private static final int TEAM_SHARE = 100;

    /** A firm of one size: its signed-in members and its businesses. */
    record SizedFirm(List<String> members, List<String> businessIds) {
    }

    private final TestEnvironment env;
    private final HttpJson http;
    private final Supplier<Connection> connections;
    private final FirmLoader loader;
    private final String multiFirmUser;
    private final List<SizedFirm> sized = new ArrayList<>();

    ExtraFirms(TestEnvironment env, Supplier<Connection> connections, LoadedFirm firm) {
        this.env = env;
        this.http = env.http();
        this.connections = connections;
        this.loader = new FirmLoader(env);
        this.multiFirmUser = firm.staffIds().get(FirmLoader.ADMINS + FirmLoader.SIGNED_IN_MEMBERS + 1);
    }

    ExtraFirms load() {
        long start = System.nanoTime();
        RealmResource realm = env.admin().realm(FirmLoader.REALM);
        SqlRows rows = new SqlRows(connections, realm.toRepresentation().getId());
        for (int f = 0; f < SIDE_FIRMS; f++) {
            String firmId = firm(realm, "side-" + f);
            join(firmId, multiFirmUser);
            rows.grants(firmId, rows.businesses(firmId, 3), "USER", multiFirmUser, "full");
        }
        String portalFirm = firm(realm, "portal-hub");
        rows.portalWorkspaces(portalFirm, rows.businesses(portalFirm, WORKSPACES), multiFirmUser,
                realm.users().get(multiFirmUser).toRepresentation().getEmail());
        for (int size : new int[] {Scale.CURRENT.smallFirm(), Scale.CURRENT.largeFirm()}) {
            sized.add(sized(realm, rows, size));
        }
        rows.analyze();
        System.out.printf("Loaded %d side firms, %d portal workspaces and firms of %,d and %,d businesses in %.0f s%n",
                SIDE_FIRMS, WORKSPACES, Scale.CURRENT.smallFirm(), Scale.CURRENT.largeFirm(),
                (System.nanoTime() - start) / 1e9);
        return this;
    }

    String multiFirmUser() {
        return multiFirmUser;
    }

    int workspaces() {
        return WORKSPACES;
    }

    /** The smaller firm first. */
    List<SizedFirm> sized() {
        return sized;
    }

    private SizedFirm sized(RealmResource realm, SqlRows rows, int size) {
        String alias = "size-" + size;
        String firmId = firm(realm, alias);
        String api = "/admin/realms/" + FirmLoader.REALM + "/firm-access/firms/" + alias;
        String team = ok(http.post(api + "/teams", loader.admin(), Map.of("name", "Team"))).json().get("id").asText();
        List<String> members = new ArrayList<>();
        for (int m = 0; m < SIZED_MEMBERS; m++) {
            String userId = user(realm, alias + "-member-" + m);
            join(firmId, userId);
            ok(http.put(api + "/teams/" + team + "/members/" + userId, loader.admin(), ""));
            members.add(userId);
        }
        List<String> businesses = rows.businesses(firmId, size);
        rows.grants(firmId, businesses.subList(0, TEAM_SHARE), "TEAM", team, "full");
        int direct = FirmLoader.DIRECT_GRANTS_PER_MEMBER;
        for (int m = 0; m < SIZED_MEMBERS; m++) {
            rows.grants(firmId, businesses.subList(TEAM_SHARE + m * direct, TEAM_SHARE + (m + 1) * direct), "USER",
                    members.get(m), "read-only");
        }
        return new SizedFirm(members, businesses);
    }

    private String firm(RealmResource realm, String alias) {
        return FirmLoader.createFirm(realm, "Firm " + alias, alias);
    }

    private void join(String firmId, String userId) {
        ok(http.post("/admin/realms/" + FirmLoader.REALM + "/organizations/" + firmId + "/members", loader.admin(),
                "\"" + userId + "\""));
    }

    private String user(RealmResource realm, String username) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@sized.example.test");
        user.setEmailVerified(true);
        user.setFirstName("Sized");
        user.setLastName(username);
        user.setEnabled(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(FirmLoader.PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        return FirmLoader.created(realm.users().create(user));
    }
}
