package dev.firmaccess.keycloak.admin;

import dev.firmaccess.keycloak.settings.SettingsView;
import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.representations.idm.ComponentRepresentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTabTest {

    @Test
    void emptyFieldsKeepTheirValues() {
        SettingsView change = SettingsTab.view(new ComponentModel());

        assertThat(change).isEqualTo(SettingsView.UNCHANGED);
    }

    @Test
    void theMaskedOrEmptySecretKeepsTheCurrentOneAndANewOneReplacesIt() {
        ComponentModel form = new ComponentModel();
        form.put(SettingsTab.WEBHOOK_SECRET, ComponentRepresentation.SECRET_VALUE);
        assertThat(SettingsTab.view(form).invitationWebhookSecret()).isNull();

        form.put(SettingsTab.WEBHOOK_SECRET, "");
        assertThat(SettingsTab.view(form).invitationWebhookSecret()).isNull();

        form.put(SettingsTab.WEBHOOK_SECRET, "a-new-secret-of-enough-length");
        assertThat(SettingsTab.view(form).invitationWebhookSecret()).isEqualTo("a-new-secret-of-enough-length");
    }

    @Test
    void numbersAreReadAndANonNumberIsRefused() {
        ComponentModel form = new ComponentModel();
        form.put(SettingsTab.RESEND_COOLDOWN, " 25 ");
        assertThat(SettingsTab.view(form).resendCooldownMinutes()).isEqualTo(25);
        form.put(SettingsTab.MAILS_PER_FIRM, "40");
        form.put(SettingsTab.MAILS_PER_USER, "8");
        assertThat(SettingsTab.view(form).mailsPerFirmPerHour()).isEqualTo(40);
        assertThat(SettingsTab.view(form).mailsPerUserPerHour()).isEqualTo(8);

        form.put(SettingsTab.RESEND_COOLDOWN, "soon");
        assertThatThrownBy(() -> SettingsTab.view(form)).isInstanceOf(ComponentValidationException.class)
                .hasMessageContaining("resendCooldownMinutes");
    }

    @Test
    void theConsoleFieldAndTheAdminConsolesRouteParametersAreNoSettings() {
        ComponentModel form = new ComponentModel();
        form.put(SettingsTab.FIRM_CONSOLE, "/realms/acme/firm-access/console/");
        form.put("realm", "acme");
        form.put("tab", "firm-access");

        assertThat(SettingsTab.view(form)).isEqualTo(SettingsView.UNCHANGED);
    }
}
