package dev.firmaccess.it.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firmaccess.it.portal.PortalBrowser;
import dev.firmaccess.testing.TestEnvironment;
import dev.firmaccess.testing.TestRealm;
import dev.firmaccess.testing.WithSharedServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
    void aCallbackWithAForgedHostHeaderSendsTheCodeNowhereAndSignsNobodyIn() throws IOException {
        try (ServerSocket forgedHost = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            PortalBrowser browser = new PortalBrowser();
            URI callback = signInUpToTheCallback(browser);

            String status = rawGet(callback.getRawPath() + "?" + callback.getRawQuery(),
                    "127.0.0.1:" + forgedHost.getLocalPort(), browser.cookieHeader());

            assertThat(status).contains(" 400 ");
            // Any call the server made while answering would wait in the backlog already.
            forgedHost.setSoTimeout(1);
            assertThatThrownBy(forgedHost::accept).isInstanceOf(SocketTimeoutException.class);
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

    /** A GET with a Host header of our choosing, which java.net.http does not allow; answers the status line. */
    private String rawGet(String pathAndQuery, String host, String cookies) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + "\r\nCookie: " + cookies
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
                    .readLine();
        }
    }
}
