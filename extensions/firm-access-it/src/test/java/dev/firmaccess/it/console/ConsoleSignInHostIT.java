package dev.firmaccess.it.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firmaccess.it.portal.PortalBrowser;
import dev.firmaccess.testing.TestEnvironment;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.WithSharedServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The console's sign-in trusts no Host header a client sends: the authorization code goes nowhere else. */
@WithSharedServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleSignInHostIT {

    private TestRealm realm;
    private String consoleUrl;
    private int port;

    @BeforeAll
    void setUp(TestEnvironment env) {
        realm = env.newRealm("console-host");
        realm.addMember(realm.createFirm("Host Partners", "host"), realm.createUser("hana"));
        consoleUrl = env.server().baseUrl() + "/realms/" + realm.name() + "/firm-access/console/";
        port = env.server().httpPort();
    }

    @Test
    void aSignInUnderAForgedHostHeaderSendsTheCodeNowhere() throws IOException {
        try (ServerSocket forgedHost = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ForgedHostClient client = new ForgedHostClient(port, "127.0.0.1:" + forgedHost.getLocalPort());
            ForgedHostClient.Answer toLogin = client.send("GET", path(consoleUrl), null);
            ForgedHostClient.Answer login = client.send("GET", path(toLogin.location()) + "&login_hint=hana", null);
            String action = Jsoup.parse(login.body(), toLogin.location()).getElementById("kc-form-login")
                    .absUrl("action");
            ForgedHostClient.Answer back = client.send("POST", path(action),
                    "username=hana&password=" + URLEncoder.encode(TestRealm.PASSWORD, StandardCharsets.UTF_8));
            assertThat(back.location()).as(back.toString()).contains("/firm-access/console/callback?", "code=");

            ForgedHostClient.Answer signedIn = client.send("GET", path(back.location()), null);

            // The code is redeemed inside the server; a call to the forged host would wait in its backlog by now.
            forgedHost.setSoTimeout(1);
            assertThatThrownBy(forgedHost::accept).isInstanceOf(SocketTimeoutException.class);
            assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(303);
        }
    }

    @Test
    void aCallbackToTheServersOwnAddressSignsIn() {
        PortalBrowser browser = new PortalBrowser();
        URI callback = signInUpToTheCallback(browser);

        PortalBrowser.Answer console = browser.open(callback.toString());

        assertThat(console.status()).isEqualTo(200);
        assertThat(console.html().getElementById("page-title")).as(console.body()).isNotNull();
    }

    /** Starts at the console, signs in on the realm's login page, and stops before following the callback. */
    private URI signInUpToTheCallback(PortalBrowser browser) {
        PortalBrowser.Answer toLogin = browser.get(consoleUrl);
        assertThat(toLogin.redirect()).as(toLogin.toString()).isNotNull();
        PortalBrowser.Answer login = browser.open(toLogin.redirect() + "&login_hint="
                + URLEncoder.encode("hana", StandardCharsets.UTF_8));
        String action = login.html().getElementById("kc-form-login").absUrl("action");
        PortalBrowser.Answer back = browser.post(action, Map.of("username", "hana", "password", TestRealm.PASSWORD));
        assertThat(back.redirect()).as(back.toString()).isNotNull();
        assertThat(back.redirect().getPath()).endsWith("/firm-access/console/callback");
        return back.redirect();
    }

    private static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
