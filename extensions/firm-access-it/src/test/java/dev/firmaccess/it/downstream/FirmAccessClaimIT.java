package dev.firmaccess.it.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.TestEnvironment;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.WithSharedServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@WithSharedServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirmAccessClaimIT {

    private HttpJson http;
    private TestRealm realm;
    private Downstream setup;
    private String ledger;
    private String harbor;
    private String b1;
    private String b2;
    private String b3;
    private String maxId;

    @BeforeAll
    void setUp(TestEnvironment env) {
        http = env.http();
        realm = env.newRealm("claims");
        setup = new Downstream(http, realm);
        ledger = realm.createFirm("Ledger & Co", "ledger");
        harbor = realm.createFirm("Harbor Books", "harbor");
        String olivia = realm.createUser("olivia");
        String adam = realm.createUser("adam");
        maxId = realm.createUser("max");
        String many = realm.createUser("many");
        realm.createUser("nobody");
        for (String user : List.of(olivia, adam, maxId, many)) {
            realm.addMember(ledger, user);
        }
        realm.addMember(harbor, maxId);
        setup.role("ledger", olivia, "owner");
        setup.role("ledger", adam, "admin");
        setup.settings(Map.of("accessLevels", List.of("full", "read-only"), "claimBusinessCap", 3));
        b1 = setup.business("ledger", "Alpha Bakery");
        b2 = setup.business("ledger", "Beta Builders");
        b3 = setup.business("ledger", "Gamma Garage");
        setup.grantUser("ledger", b1, maxId, "read-only");
        setup.grantUser("ledger", b2, maxId, "read-only");
        setup.grantTeam("ledger", b2, setup.team("ledger", "Payroll", maxId), "full");
        for (int i = 0; i < 4; i++) {
            setup.grantUser("ledger", setup.business("ledger", "Many " + i), many, "full");
        }
        setup.installClaimScope(Map.of());
        setup.offerOrganizationScope();
    }

    private JsonNode claim(String username, String scope) {
        return Downstream.payload(setup.signIn(username, scope).get("access_token").asText()).get("firm_access");
    }

    private JsonNode firm(JsonNode claim, String alias) {
        for (JsonNode firm : claim) {
            if (alias.equals(firm.get("alias").asText())) {
                return firm;
            }
        }
        throw new AssertionError("No firm " + alias + " in " + claim);
    }

    private static List<String> aliases(JsonNode claim) {
        List<String> aliases = new ArrayList<>();
        claim.forEach(firm -> aliases.add(firm.get("alias").asText()));
        return aliases;
    }

    @Nested
    class GivenOwnersAndAdmins {
        @Test
        void theOwnerReachesEveryBusinessWithoutAList() {
            JsonNode firm = firm(claim("olivia", "openid"), "ledger");

            assertThat(firm.get("id").asText()).isEqualTo(ledger);
            assertThat(firm.get("name").asText()).isEqualTo("Ledger & Co");
            assertThat(firm.get("role").asText()).isEqualTo("owner");
            assertThat(firm.get("roleLabel").asText()).isEqualTo("PartnerAdmin");
            assertThat(firm.get("programmaticAccess").asBoolean()).isTrue();
            assertThat(firm.get("businesses").asText()).isEqualTo("*");
            assertThat(firm.get("businessesCapped").asBoolean()).isFalse();
        }

        @Test
        void anAdminAlsoReachesEveryBusiness() {
            JsonNode firm = firm(claim("adam", "openid"), "ledger");

            assertThat(firm.get("role").asText()).isEqualTo("admin");
            assertThat(firm.get("businesses").asText()).isEqualTo("*");
        }
    }

    @Nested
    class GivenAMember {
        @Test
        void listsTheReachedBusinessesAtTheStrongestLevelOfDirectAndTeamGrants() {
            JsonNode firm = firm(claim("max", "openid"), "ledger");

            assertThat(firm.get("role").asText()).isEqualTo("member");
            assertThat(firm.get("roleLabel").asText()).isEqualTo("PartnerUser");
            Map<String, String> levels = new java.util.HashMap<>();
            firm.get("businesses").forEach(b -> levels.put(b.get("id").asText(), b.get("level").asText()));
            assertThat(levels).containsExactlyInAnyOrderEntriesOf(Map.of(b1, "read-only", b2, "full"));
            assertThat(levels).doesNotContainKey(b3);
            assertThat(firm.get("businessesCapped").asBoolean()).isFalse();
        }

        @Test
        void theIdTokenNamesFirmsAndRolesWithoutBusinessesAndUserinfoCarriesTheWholeClaim() {
            JsonNode tokens = setup.signIn("max", "openid");
            JsonNode access = Downstream.payload(tokens.get("access_token").asText()).get("firm_access");
            JsonNode id = Downstream.payload(tokens.get("id_token").asText()).get("firm_access");
            JsonNode userinfo = http.get("/realms/" + realm.name() + "/protocol/openid-connect/userinfo",
                    tokens.get("access_token").asText()).json().get("firm_access");

            assertThat(userinfo).isEqualTo(access);
            assertThat(aliases(id)).isEqualTo(aliases(access)).containsExactly("harbor", "ledger");
            for (JsonNode firm : id) {
                ObjectNode expected = firm(access, firm.get("alias").asText()).deepCopy();
                expected.remove(List.of("businesses", "businessesCapped"));
                assertThat(firm).isEqualTo(expected);
            }
            assertThat(firm(access, "ledger").get("businesses")).hasSize(2);
        }

        @Test
        void theCapIsOneBudgetForTheWholeClaim() {
            String spread = realm.createUser("spread");
            realm.addMember(ledger, spread);
            realm.addMember(harbor, spread);
            for (int i = 0; i < 2; i++) {
                setup.grantUser("harbor", setup.business("harbor", "Harbor " + i), spread, "full");
                setup.grantUser("ledger", setup.business("ledger", "Ledger " + i), spread, "full");
            }

            JsonNode claim = claim("spread", "openid");

            assertThat(firm(claim, "harbor").get("businesses")).hasSize(2);
            assertThat(firm(claim, "harbor").get("businessesCapped").asBoolean()).isFalse();
            assertThat(firm(claim, "ledger").get("businesses")).hasSize(1);
            assertThat(firm(claim, "ledger").get("businessesCapped").asBoolean()).isTrue();
        }

        @Test
        void aFirmLeftNothingOfTheBudgetListsNoneAndSaysWhetherItCutAny() {
            String spent = realm.createUser("spent");
            String idle = realm.createUser("idle");
            for (String user : List.of(spent, idle)) {
                realm.addMember(ledger, user);
                realm.addMember(harbor, user);
            }
            for (int i = 0; i < 3; i++) {
                String business = setup.business("harbor", "Spent " + i);
                setup.grantUser("harbor", business, spent, "full");
                setup.grantUser("harbor", business, idle, "full");
            }
            setup.grantUser("ledger", setup.business("ledger", "Spent Ledger"), spent, "read-only");

            JsonNode spentLedger = firm(claim("spent", "openid"), "ledger");
            JsonNode idleLedger = firm(claim("idle", "openid"), "ledger");

            assertThat(spentLedger.get("businesses")).isEmpty();
            assertThat(spentLedger.get("businessesCapped").asBoolean()).isTrue();
            assertThat(idleLedger.get("businesses")).isEmpty();
            assertThat(idleLedger.get("businessesCapped").asBoolean()).isFalse();
        }

        @Test
        void moreBusinessesThanTheCapAreCutAndFlagged() {
            JsonNode firm = firm(claim("many", "openid"), "ledger");

            assertThat(firm.get("businesses")).hasSize(3);
            assertThat(firm.get("businessesCapped").asBoolean()).isTrue();
        }

        @Test
        void aRemovedGrantIsGoneFromTheVeryNextRefresh() {
            String member = realm.createUser("refresher");
            realm.addMember(ledger, member);
            String business = setup.business("ledger", "Refresh Ltd");
            setup.grantUser("ledger", business, member, "full");
            String refreshToken = setup.signIn("refresher", "openid").get("refresh_token").asText();

            setup.revokeUser("ledger", business, member);
            HttpJson.Reply refreshed = realm.refresh(refreshToken);

            assertThat(refreshed.status()).isEqualTo(200);
            JsonNode firm = firm(Downstream.payload(refreshed.json().get("access_token").asText()).get("firm_access"),
                    "ledger");
            assertThat(firm.get("businesses")).isEmpty();
        }

        @Test
        void aBusinessArchivedAfterSignInIsGoneFromTheVeryNextRefreshOfATeamMember() {
            String member = realm.createUser("archivist");
            realm.addMember(ledger, member);
            String business = setup.business("ledger", "Archive Ltd");
            setup.grantTeam("ledger", business, setup.team("ledger", "Archivists", member), "full");
            JsonNode signedIn = setup.signIn("archivist", "openid");
            assertThat(firm(Downstream.payload(signedIn.get("access_token").asText()).get("firm_access"), "ledger")
                    .get("businesses").get(0).get("id").asText()).isEqualTo(business);

            setup.ok(setup.asAdmin("POST", setup.admin("ledger") + "/businesses/" + business + "/archive", null));
            HttpJson.Reply refreshed = realm.refresh(signedIn.get("refresh_token").asText());

            assertThat(refreshed.status()).isEqualTo(200);
            assertThat(firm(Downstream.payload(refreshed.json().get("access_token").asText()).get("firm_access"),
                    "ledger").get("businesses")).isEmpty();
        }

        @Test
        void aRoleChangedAfterSignInShowsInTheVeryNextRefresh() {
            String member = realm.createUser("promoted");
            realm.addMember(ledger, member);
            JsonNode signedIn = setup.signIn("promoted", "openid");
            assertThat(firm(Downstream.payload(signedIn.get("access_token").asText()).get("firm_access"), "ledger")
                    .get("role").asText()).isEqualTo("member");

            setup.role("ledger", member, "admin");
            HttpJson.Reply refreshed = realm.refresh(signedIn.get("refresh_token").asText());

            JsonNode firm = firm(Downstream.payload(refreshed.json().get("access_token").asText()).get("firm_access"),
                    "ledger");
            assertThat(firm.get("role").asText()).isEqualTo("admin");
            assertThat(firm.get("businesses").asText()).isEqualTo("*");
        }

        @Test
        void theProgrammaticAccessSwitchShowsPerFirm() {
            String member = realm.createUser("scripter");
            realm.addMember(ledger, member);
            setup.programmaticAccess("ledger", member, false);

            assertThat(firm(claim("scripter", "openid"), "ledger").get("programmaticAccess").asBoolean()).isFalse();
            setup.programmaticAccess("ledger", member, true);
            assertThat(firm(claim("scripter", "openid"), "ledger").get("programmaticAccess").asBoolean()).isTrue();
        }
    }

    @Nested
    class GivenAUserInNoFirm {
        @Test
        void theClaimIsAnEmptyList() {
            JsonNode claim = claim("nobody", "openid");

            assertThat(claim.isArray()).isTrue();
            assertThat(claim).isEmpty();
        }
    }

    @Nested
    class GivenTheOrganizationScope {
        @Test
        void withoutItEveryFirmOfTheUserIsListed() {
            assertThat(aliases(claim("max", "openid"))).containsExactly("harbor", "ledger");
        }

        @Test
        void namingAFirmListsOnlyThatFirm() {
            JsonNode claim = claim("max", "openid organization:harbor");

            assertThat(aliases(claim)).containsExactly("harbor");
            assertThat(firm(claim, "harbor").get("businesses")).isEmpty();
        }

        @Test
        void theWildcardListsEveryFirm() {
            assertThat(aliases(claim("max", "openid organization:*"))).containsExactly("harbor", "ledger");
        }

        @Test
        void thePlainScopeNamesTheOnlyFirmOfASingleFirmUser() {
            assertThat(aliases(claim("olivia", "openid organization"))).containsExactly("ledger");
        }

        @Test
        void aFirmTheUserIsNotInIsNotGrantedAsAScopeAndNeverListed() {
            JsonNode tokens = setup.signIn("olivia", "openid organization:harbor");

            assertThat(tokens.get("scope").asText()).doesNotContain("organization:harbor");
            assertThat(aliases(Downstream.payload(tokens.get("access_token").asText()).get("firm_access")))
                    .containsExactly("ledger");
        }
    }
}
