package dev.firmaccess.keycloak.admin;

import dev.firmaccess.keycloak.settings.SettingsView;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.representations.idm.ComponentRepresentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTabTest {

    @Test
    void emptyFieldsKeepTheirValues() {
        SettingsView change = SettingsTab.view(new ComponentModel(), List.of());

        assertThat(change).isEqualTo(SettingsView.UNCHANGED);
    }

    @Test
    void theMaskedOrEmptySecretKeepsTheCurrentOneAndANewOneReplacesIt() {
        ComponentModel form = new ComponentModel();
        form.put(SettingsTab.WEBHOOK_SECRET, ComponentRepresentation.SECRET_VALUE);
        assertThat(SettingsTab.view(form, List.of()).invitationWebhookSecret()).isNull();

        form.put(SettingsTab.WEBHOOK_SECRET, "");
        assertThat(SettingsTab.view(form, List.of()).invitationWebhookSecret()).isNull();

        form.put(SettingsTab.WEBHOOK_SECRET, "a-new-secret-of-enough-length");
        assertThat(SettingsTab.view(form, List.of()).invitationWebhookSecret()).isEqualTo("a-new-secret-of-enough-length");
    }

    @Test
    void numbersAreReadAndANonNumberIsRefused() {
        ComponentModel form = new ComponentModel();
        form.put(SettingsTab.RESEND_COOLDOWN, " 25 ");
        assertThat(SettingsTab.view(form, List.of()).resendCooldownMinutes()).isEqualTo(25);
        form.put(SettingsTab.MAILS_PER_FIRM, "40");
        form.put(SettingsTab.MAILS_PER_USER, "8");
        assertThat(SettingsTab.view(form, List.of()).mailsPerFirmPerHour()).isEqualTo(40);
        assertThat(SettingsTab.view(form, List.of()).mailsPerUserPerHour()).isEqualTo(8);

        form.put(SettingsTab.RESEND_COOLDOWN, "soon");
        assertThatThrownBy(() -> SettingsTab.view(form, List.of())).isInstanceOf(ComponentValidationException.class)
                .hasMessageContaining("resendCooldownMinutes");
    }

    @Test
    void theConsoleFieldAndTheAdminConsolesRouteParametersAreNoSettings() {
        ComponentModel form = new ComponentModel();
        form.put(SettingsTab.FIRM_CONSOLE, "/realms/acme/firm-access/console/");
        form.put("realm", "acme");
        form.put("tab", "firm-access");

        assertThat(SettingsTab.view(form, List.of())).isEqualTo(SettingsView.UNCHANGED);
    }

    @Test
    void accessLevelsReadBackInAnyOrderFollowTheKeptOrder() {
        ComponentModel stored = new ComponentModel();
        stored.getConfig().put(SettingsTab.ACCESS_LEVELS, List.of("read-only", "full", "confidential"));
        stored.put(SettingsTab.ACCESS_LEVEL_ORDER, "full,confidential,read-only");

        assertThat(SettingsTab.view(stored, List.of("full")).accessLevels())
                .containsExactly("full", "confidential", "read-only");
    }

    @Test
    void accessLevelsStoredWithoutTheirOrderFollowTheRealmsLevels() {
        ComponentModel stored = new ComponentModel();
        stored.getConfig().put(SettingsTab.ACCESS_LEVELS, List.of("audit", "read-only", " full"));

        assertThat(SettingsTab.orderedLevels(stored, List.of("full", "audit", "read-only")))
                .containsExactly("full", "audit", "read-only");
    }

    @Test
    void levelsOtherThanTheKeptOnesKeepTheOrderGivenSoAWrongOrderIsRefused() {
        ComponentModel form = new ComponentModel();
        form.getConfig().put(SettingsTab.ACCESS_LEVELS, List.of("read", "full"));
        form.put(SettingsTab.ACCESS_LEVEL_ORDER, "full");

        assertThat(SettingsTab.view(form, List.of("full")).accessLevels()).containsExactly("read", "full");
    }
}
