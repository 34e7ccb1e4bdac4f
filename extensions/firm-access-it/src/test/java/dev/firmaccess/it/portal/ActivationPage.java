package dev.firmaccess.it.portal;

import dev.firmaccess.it.support.FormFields;
import dev.firmaccess.testing.MailCatcher;
import dev.firmaccess.testing.TestRealm;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.nodes.Element;

/** The portal activation pages of the login theme, as an invited customer meets them. */
public final class ActivationPage {

    private final PortalBrowser browser;
    private final PortalBrowser.Answer answer;

    private ActivationPage(PortalBrowser browser, PortalBrowser.Answer answer) {
        this.browser = browser;
        this.answer = answer;
    }

    public static ActivationPage open(PortalBrowser browser, String link) {
        return new ActivationPage(browser, browser.open(link));
    }

    /** The activation link in the mail of a portal invitation. */
    public static String linkIn(MailCatcher.ReceivedMail message) {
        String line = message.text().lines().filter(text -> text.contains("/firm-access/portal/activate/"))
                .findFirst().orElseThrow(() -> new AssertionError("No activation link in: " + message.text()));
        return line.substring(line.indexOf("http")).strip().split("\\s+")[0];
    }

    /** Follows an activation link in a fresh browser and signs up with the test password; the raw answer. */
    public static PortalBrowser.Answer signUp(String link) {
        return open(new PortalBrowser(), link).register("Gina", "Guest", TestRealm.PASSWORD, TestRealm.PASSWORD);
    }

    /** The page another answer of the same browser shows. */
    static ActivationPage of(ActivationPage before, PortalBrowser.Answer answer) {
        return new ActivationPage(before.browser, answer);
    }

    /** Opens this page's address again in the same browser. */
    ActivationPage reopen() {
        return open(browser, answer.uri().toString());
    }

    public int status() {
        return answer.status();
    }

    /** confirm, signIn, register, wrongUser or problem. */
    String kind() {
        Element root = answer.html().getElementById("firm-access-portal-activation");
        if (root == null) {
            throw new AssertionError("Not an activation page: " + answer + "\n" + answer.body());
        }
        return root.attr("data-page");
    }

    /** The message key of the problem shown, e.g. firmAccessPortalProblem.EXPIRED. */
    public String problem() {
        Element problem = answer.html().getElementById("fa-problem");
        if (problem == null) {
            throw new AssertionError("No problem shown: " + answer + "\n" + answer.body());
        }
        return problem.attr("data-problem");
    }

    public boolean offersRegistration() {
        return answer.html().getElementById("fa-register") != null;
    }

    String text() {
        return answer.html().text();
    }

    /** Submits the new-account form; the raw answer (a redirect into the portal when it worked). */
    public PortalBrowser.Answer register(String firstName, String lastName, String password, String confirmation) {
        return submitRegistration(Map.of("firstName", firstName, "lastName", lastName, "password", password,
                "password-confirm", confirmation));
    }

    /**
     * Submits the new-account form with an email of its own, as a page edited in the browser would
     * send (the page shows the invited address, fixed); the raw answer.
     */
    public PortalBrowser.Answer registerWithEmail(String email, String firstName, String lastName, String password) {
        return submitRegistration(Map.of("email", email, "firstName", firstName, "lastName", lastName,
                "password", password, "password-confirm", password));
    }

    private PortalBrowser.Answer submitRegistration(Map<String, String> typed) {
        return browser.post(action("fa-register"), FormFields.of(answer.html(), "fa-register", typed));
    }

    /** Follows "sign in", signs in on the realm's login page and lands back on the activation page. */
    public ActivationPage signIn(String username, String password) {
        String signIn = answer.html().getElementById("fa-sign-in").absUrl("href")
                .replaceAll("login_hint=[^&]*", "login_hint=" + URLEncoder.encode(username, StandardCharsets.UTF_8));
        PortalBrowser.Answer login = browser.open(signIn);
        String action = login.html().getElementById("kc-form-login").absUrl("action");
        return new ActivationPage(browser,
                browser.followed(browser.post(action, Map.of("username", username, "password", password))));
    }

    /** Presses "activate"; the raw answer. */
    public PortalBrowser.Answer activate() {
        return browser.post(action("fa-activate"), FormFields.of(answer.html(), "fa-activate", Map.of()));
    }

    /** Posts to a form of the page exactly the given fields, as another site could; the raw answer. */
    PortalBrowser.Answer postWithOnly(String formId, Map<String, String> fields) {
        return browser.post(action(formId), fields);
    }

    ActivationPage switchAccount() {
        return new ActivationPage(browser, browser.followed(browser.post(action("fa-switch"),
                FormFields.of(answer.html(), "fa-switch", Map.of()))));
    }

    private String action(String formId) {
        Element form = answer.html().getElementById(formId);
        if (form == null) {
            throw new AssertionError("No form " + formId + " on " + answer + "\n" + answer.body());
        }
        return form.absUrl("action");
    }
}
