package dev.firmaccess.it.invitations;

import dev.firmaccess.it.support.FormFields;
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

    /** Signs in through the realm's own login for the extension's client, which then returns to the link's page. */
    static InvitationPage signInThenOpen(Browser browser, String link, String username, String password) {
        String realmBase = link.substring(0, link.indexOf("/firm-access/"));
        Browser.Page login = browser.open(realmBase + "/protocol/openid-connect/auth?client_id=firm-access"
                + "&response_type=code&scope=openid&login_hint="
                + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8) + "&redirect_uri="
                + java.net.URLEncoder.encode(link, java.nio.charset.StandardCharsets.UTF_8));
        String action = login.html().getElementById("kc-form-login").absUrl("action");
        return new InvitationPage(browser, browser.submit(action, Map.of("username", username, "password", password)));
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
        return submitRegistration(Map.of("firstName", firstName, "lastName", lastName, "password", password,
                "password-confirm", password));
    }

    /**
     * Creates the account with an email of its own in the form, as a page edited in the browser
     * would send (the page shows the invited address, fixed); answers the raw reply.
     */
    Browser.Page registerWithEmail(String email, String firstName, String lastName, String password) {
        return submitRegistration(Map.of("email", email, "firstName", firstName, "lastName", lastName,
                "password", password, "password-confirm", password));
    }

    private Browser.Page submitRegistration(Map<String, String> typed) {
        return browser.submitNoFollow(page.formAction("fa-register"), FormFields.of(page.html(), "fa-register", typed));
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

    /** The token the page's form carries, bound to this link and this browser. */
    String formToken(String formId) {
        return FormFields.of(page.html(), formId, Map.of()).get("formToken");
    }

    /** Presses "accept" with the form sent to another address, e.g. another node of a cluster. */
    public Browser.Page acceptAt(String url) {
        return browser.submitNoFollow(url, FormFields.of(page.html(), "fa-accept", Map.of()));
    }

    public String acceptUrl() {
        return page.formAction("fa-accept");
    }

    InvitationPage switchAccount() {
        return new InvitationPage(browser, browser.submit(page.formAction("fa-switch"),
                FormFields.of(page.html(), "fa-switch", Map.of())));
    }
}
