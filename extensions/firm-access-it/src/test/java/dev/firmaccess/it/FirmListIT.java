package dev.firmaccess.it;

import static dev.firmaccess.it.support.Replies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.it.support.OwnRealmTest;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.WithSharedServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@WithSharedServer
class FirmListIT extends OwnRealmTest {

    /** Calls whose replies are held to the OpenAPI document. */
    private String firmsPath;
    private String firmId;

    FirmListIT() {
        super("firms");
    }

    @BeforeAll
    void setUp() {
        firmsPath = "/realms/" + realm.name() + "/firm-access/api/v1/firms";
        firmId = firmOwnedByOlivia("Ledger & Co", "ledger");
        newStaff(firmId, "max");
        realm.createUser("nobody");
    }

    @Nested
    class GivenNoToken {
        @Test
        void answers401WithTheJsonErrorShape() {
            HttpJson.Reply reply = checked.get(firmsPath, null);

            assertError(reply, 401, "invalid_token");
            assertThat(reply.json().get("error_description").asText()).isNotBlank();
            assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        }

        @Test
        void aForgedTokenIsRefusedAlike() {
            HttpJson.Reply reply = checked.get(firmsPath, "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl");

            assertError(reply, 401, "invalid_token");
        }
    }

    @Nested
    class GivenAStaffMember {
        @Test
        void theOwnerSeesTheFirmWithRoleAndLabel() {
            JsonNode firms = checked.get(firmsPath, realm.accessToken("olivia")).json();

            assertThat(firms).hasSize(1);
            assertThat(firms.get(0).get("id").asText()).isEqualTo(firmId);
            assertThat(firms.get(0).get("alias").asText()).isEqualTo("ledger");
            assertThat(firms.get(0).get("name").asText()).isEqualTo("Ledger & Co");
            assertThat(firms.get(0).get("role").asText()).isEqualTo("owner");
            assertThat(firms.get(0).get("roleLabel").asText()).isEqualTo("PartnerAdmin");
        }

        @Test
        void aMemberWithoutAStaffRoleIsAPlainMember() {
            JsonNode firms = checked.get(firmsPath, realm.accessToken("max")).json();

            assertThat(firms).hasSize(1);
            assertThat(firms.get(0).get("role").asText()).isEqualTo("member");
            assertThat(firms.get(0).get("roleLabel").asText()).isEqualTo("PartnerUser");
        }

        @Test
        void aPageBeyondTheEndIsEmptyAndAnOversizedPageIsRefused() {
            String token = realm.accessToken("max");

            assertThat(checked.get(firmsPath + "?first=1", token).json()).isEmpty();
            HttpJson.Reply oversized = checked.get(firmsPath + "?max=100000", token);
            assertError(oversized, 400, "invalid_request");
        }
    }

    @Nested
    class GivenAUserOutsideEveryFirm {
        @Test
        void seesNoFirm() {
            HttpJson.Reply reply = checked.get(firmsPath, realm.accessToken("nobody"));

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json()).isEmpty();
        }
    }

    @Nested
    class GivenTheRealmAdminApi {
        @Test
        void anUnknownRoleIsRefusedAndChangesNothing() {
            String max = realm.admin().users().searchByUsername("max", true).get(0).getId();
            HttpJson.Reply reply = checked.put("/admin/realms/" + realm.name() + "/firm-access/firms/ledger/staff/" + max + "/role",
                    realm.adminToken(), Map.of("role", "emperor"));

            assertError(reply, 400, "invalid_request");
            assertThat(checked.get(firmsPath, realm.accessToken("max")).json().get(0).get("role").asText()).isEqualTo("member");
        }

        @Test
        void malformedJsonIsRefusedWithTheErrorShape() {
            String max = realm.admin().users().searchByUsername("max", true).get(0).getId();
            HttpJson.Reply reply = checked.put("/admin/realms/" + realm.name() + "/firm-access/firms/ledger/staff/" + max + "/role",
                    realm.adminToken(), "{\"role\": ");

            assertError(reply, 400, "invalid_request");
        }

        @Test
        void aUserOfTheRealmWhoIsNotInTheFirmIsNotFound() {
            String nobody = realm.admin().users().searchByUsername("nobody", true).get(0).getId();
            HttpJson.Reply reply = checked.put("/admin/realms/" + realm.name() + "/firm-access/firms/ledger/staff/" + nobody + "/role",
                    realm.adminToken(), Map.of("role", "admin"));

            assertThat(reply.status()).isEqualTo(404);
            assertThat(checked.get(firmsPath, realm.accessToken("nobody")).json()).isEmpty();
        }

        @Test
        void aNonAdminUserIsForbidden() {
            String max = realm.admin().users().searchByUsername("max", true).get(0).getId();
            HttpJson.Reply reply = checked.put("/admin/realms/" + realm.name() + "/firm-access/firms/ledger/staff/" + max + "/role",
                    realm.accessToken("olivia"), Map.of("role", "owner"));

            assertThat(reply.status()).isEqualTo(403);
        }
    }
}
