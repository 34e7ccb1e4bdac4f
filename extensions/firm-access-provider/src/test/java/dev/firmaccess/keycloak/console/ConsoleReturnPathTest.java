package dev.firmaccess.keycloak.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsoleReturnPathTest {

    private static final String CONSOLE = "/realms/acme/firm-access/console/";

    @ParameterizedTest
    @ValueSource(strings = {
            "/realms/acme/firm-access/console/portal",
            "/realms/acme/firm-access/console/firms/ledger/portal",
            "/realms/acme/firm-access/console/firms/ledger/portal?business=b-1&status=active",
            "/realms/acme/firm-access/console/firms/ledger/portal?search=a%2Fb"})
    void pagesOfTheConsoleAreFollowed(String target) {
        assertThat(ConsoleReturnPath.of(target, CONSOLE)).contains(target);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://evil.example/realms/acme/firm-access/console/portal",
            "//evil.example/realms/acme/firm-access/console/portal",
            "/realms/other/firm-access/console/portal",
            "/realms/acme/account",
            "/realms/acme/firm-access/console//evil.example/",
            "/realms/acme/firm-access/console/\\evil.example",
            "/realms/acme/firm-access/console/%2F%2Fevil.example",
            "/realms/acme/firm-access/console/%5cevil.example",
            "/realms/acme/firm-access/console/../../../admin",
            "/realms/acme/firm-access/console/%2e%2e/%2e%2e/admin",
            "/realms/acme/firm-access/console/firms/..",
            "/realms/acme/firm-access/console/portal\r\nLocation: https://evil.example",
            "/realms/acme/firm-access/console/portal#https://evil.example",
            "/realms/acme/firm-access/console/",
            "/realms/acme/firm-access/console/?return=/realms/acme/firm-access/console/portal",
            "/realms/acme/firm-access/console/callback?code=x&state=y",
            ""})
    void anythingElseIsNoReturnTarget(String target) {
        assertThat(ConsoleReturnPath.of(target, CONSOLE)).isEmpty();
    }

    @Test
    void noTargetAndOverlongTargetsAreNone() {
        assertThat(ConsoleReturnPath.of(null, CONSOLE)).isEmpty();
        assertThat(ConsoleReturnPath.of(CONSOLE + "portal?q=" + "a".repeat(ConsoleReturnPath.MAX_LENGTH), CONSOLE))
                .isEmpty();
    }
}
