package dev.firmaccess.keycloak.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firmaccess.keycloak.core.FirmAccessException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubscriberTargetTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/events", "http://[::1]/events", "http://10.1.2.3/events",
            "https://172.16.0.9/events", "http://192.168.1.20:8080/events", "http://169.254.169.254/latest/meta-data",
            "http://0.0.0.0/events", "http://[fd12:3456::1]/events", "http://100.64.0.7/events",
            "http://localhost/events"})
    void anInternalAddressIsRefusedUnlessTheOperatorAllowsIt(String url) {
        assertThatThrownBy(() -> SubscriberTarget.require(url, false))
                .isInstanceOfSatisfying(FirmAccessException.class, refused -> assertThat(refused.description())
                        .contains("internal address"));

        assertThat(SubscriberTarget.require(url, true).toString()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.215.14/events", "http://8.8.8.8:8080/hook", "https://[2606:4700::1111]/x"})
    void aPublicAddressIsAccepted(String url) {
        assertThat(SubscriberTarget.require(url, false).toString()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://8.8.8.8/events", "8.8.8.8/events", "https://user:pw@8.8.8.8/events",
            "https://8.8.8.8/events#part", "not a url", "", "mailto:ops@example.com"})
    void aUrlThatIsNotAPlainHttpOrHttpsUrlIsRefused(String url) {
        assertThatThrownBy(() -> SubscriberTarget.require(url, true))
                .isInstanceOfSatisfying(FirmAccessException.class, refused -> assertThat(refused.description())
                        .startsWith("'url'"));
    }
}
