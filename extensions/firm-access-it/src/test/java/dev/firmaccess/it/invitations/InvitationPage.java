package dev.firmaccess.it.invitations;

import java.util.Map;
import org.jsoup.nodes.Element;

/** The invitation pages of the login theme, as an invitee meets them. */
public final class InvitationPage {

    private final Browser browser;
    private final Browser.Page page;

    InvitationPage(Browser browser, Browser.Page page) {
        this.browser = browser;
        this.page = page;
    }

    public static InvitationPage open(Browser browser, String link) {
        return new InvitationPage(browser, browser.open(link));
    }

    public int status() {
        return page.status();
    }

    /** confirm, signIn, register, wrongUser or problem. */
    public String kind() {
        Element root = page.html().getElementById("firm-access-invitation");
        if (root == null) {
            throw new AssertionError("Not an invitation page: " + page + "\n" + page.body());
        }
        return root.attr("data-page");
    }

    /** The message key of the problem shown, e.g. firmAccessInvitationExpired. */
    String problem() {
        return page.html().getElementById("fa-problem").attr("data-problem");
    }

    String text() {
        return page.html().text();
    }

    /** Creates the account on the register page; answers the raw reply (a redirect when it worked). */
    public Browser.Page register(String firstName, String lastName, String password) {
        return browser.submitNoFollow(page.formAction("fa-register"), Map.of(
                "firstName", firstName, "lastName", lastName, "password", password, "password-confirm", password));
    }

    /**
     * Follows "sign in", signs in on Keycloak's login page as the given user (the page suggests
     * the invited address, a person may type another) and lands back on the invitation.
     */
    public InvitationPage signIn(String username, String password) {
        String signInUrl = page.html().getElementById("fa-sign-in").absUrl("href")
                .replaceAll("login_hint=[^&]*", "login_hint="
                        + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8));
        Browser.Page login = browser.open(signInUrl);
        String action = login.html().getElementById("kc-form-login").absUrl("action");
        return new InvitationPage(browser, browser.submit(action, Map.of("username", username, "password", password)));
    }

    /** Presses "accept"; answers the raw reply (a redirect to the landing page when it worked). */
    public Browser.Page accept() {
        return acceptAt(acceptUrl());
    }

    /** Presses "accept" with the form sent to another address, e.g. another node of a cluster. */
    public Browser.Page acceptAt(String url) {
        return browser.submitNoFollow(url, Map.of());
    }

    public String acceptUrl() {
        return page.formAction("fa-accept");
    }

    InvitationPage switchAccount() {
        return new InvitationPage(browser, browser.submit(page.formAction("fa-switch"), Map.of()));
    }
}
