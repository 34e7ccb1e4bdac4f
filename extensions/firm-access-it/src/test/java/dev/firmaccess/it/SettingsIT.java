package dev.firmaccess.it;

import static dev.firmaccess.it.support.Replies.assertError;
import static dev.firmaccess.it.support.Replies.assertStatus;
import static dev.firmaccess.it.support.Replies.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.it.support.Client;
import dev.firmaccess.it.support.OneFirmTest;
import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.WithSharedServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The realm's settings: validated whole before anything changes, and their role labels show everywhere. */
@WithSharedServer
class SettingsIT extends OneFirmTest {

    private static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("enabled", true),
            Map.entry("invitationWebhookSecretSet", false),
            Map.entry("invitationWebhookPreviousSecretSet", false),
            Map.entry("roleLabels", Map.of("owner", "PartnerAdmin", "admin", "PartnerAdmin", "member", "PartnerUser")),
            Map.entry("accessLevels", List.of("full")),
            Map.entry("membersMayCreateBusinesses", true),
            Map.entry("staffInvitationExpiryDays", 7),
            Map.entry("portalInvitationExpiryDays", 30),
            Map.entry("resendCooldownMinutes", 10),
            Map.entry("claimBusinessCap", 30),
            Map.entry("mailsPerFirmPerHour", 500),
            Map.entry("mailsPerUserPerHour", 200));

    private Client settings;

    SettingsIT() {
        super("settings", "Settings Partners");
    }

    @BeforeAll
    void setUp() {
        settings = setup.realmAdmin();
        setup.colleague(firm, "admin");
        setup.colleague(firm, "member");
    }

    @AfterEach
    void restoreTheDefaults() {
        setup.updateSettings(DEFAULTS);
    }

    @Nested
    class GivenANewRealm {

        @Test
        void theSettingsAreTheDefaults() {
            assertThat(current()).isEqualTo(json(DEFAULTS));
        }
    }

    @Nested
    class GivenAnInvalidChange {

        @Test
        void accessLevelsThatDoNotStartWithFullAreRefusedAndNothingChanges() {
            assertError(settings.put("/settings", Map.of("accessLevels", List.of("read-only", "full"),
                    "resendCooldownMinutes", 20)), 400, "invalid_request");

            assertThat(current()).isEqualTo(json(DEFAULTS));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "{\"accessLevels\": []}",
                "{\"accessLevels\": [\"full\", \"full\"]}",
                "{\"accessLevels\": [\"full\", \"Read Only\"]}",
                "{\"roleLabels\": {\"owner\": \"\", \"admin\": \"A\", \"member\": \"M\"}}",
                "{\"claimBusinessCap\": 0}",
                "{\"staffInvitationExpiryDays\": 366}",
                "{\"resendCooldownMinutes\": 20, \"portalInvitationExpiryDays\": -1}"})
        void itIsRefusedAndNothingChanges(String change) {
            assertError(settings.put("/settings", change), 400, "invalid_request");

            assertThat(current()).isEqualTo(json(DEFAULTS));
        }
    }

    @Nested
    class GivenAPartialChange {

        @Test
        void omittedFieldsKeepTheirValues() {
            JsonNode changed = assertStatus(settings.put("/settings", Map.of("claimBusinessCap", 50)), 200).json();

            assertThat(changed.get("claimBusinessCap").asInt()).isEqualTo(50);
            assertThat(changed.get("resendCooldownMinutes").asInt()).isEqualTo(10);
            assertThat(current()).isEqualTo(changed);
        }
    }

    @Nested
    class GivenNewRoleLabels {

        @Test
        void staffListsAndFirmListsShowThem() {
            setup.updateSettings(Map.of("roleLabels", Map.of("owner", "Partner", "admin", "Manager", "member", "Associate")));

            JsonNode staff = assertStatus(setup.as(olivia, firm).get("/staff"), 200).json();
            Map<String, String> labels = new HashMap<>();
            staff.forEach(person -> labels.put(person.get("role").asText(), person.get("roleLabel").asText()));
            assertThat(labels).containsExactlyInAnyOrderEntriesOf(
                    Map.of("owner", "Partner", "admin", "Manager", "member", "Associate"));
            assertThat(texts(setup.firmApiAs(olivia).get("/firms"), "roleLabel")).containsExactly("Partner");
            assertThat(setup.as(olivia, firm).get("").json().get("roleLabel").asText()).isEqualTo("Partner");
        }
    }

    private JsonNode current() {
        return assertStatus(settings.get("/settings"), 200).json();
    }

    private static JsonNode json(Map<String, Object> settings) {
        return HttpJson.MAPPER.valueToTree(settings);
    }
}
