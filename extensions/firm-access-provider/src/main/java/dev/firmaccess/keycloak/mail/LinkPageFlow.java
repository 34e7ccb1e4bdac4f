package dev.firmaccess.keycloak.mail;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * What the pages behind a staff invitation link and a portal activation link do alike: who is
 * signed in decides the page (the addressee confirms, someone else is offered to switch account,
 * nobody is asked to sign in to the existing account or to create one for the address), and a
 * switch signs the current user out of this browser. A kind of link says how a link is checked,
 * its pages, and the address of its page.
 *
 * @param <C> what checking a link answers
 */
public abstract class LinkPageFlow<C extends LinkCheck> {

    protected final KeycloakSession session;
    protected final RealmModel realm;

    protected LinkPageFlow(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    /** Checks a link without changing anything. */
    protected abstract C check(String token);

    /** The pages of one link. */
    protected abstract LinkPageForms<C> pages(String token);

    /** The address of a link's page. */
    protected abstract URI pageAddress(String token);

    /** The page that fits who is signed in. */
    protected Response pageFor(String token) {
        LinkPages.useFirmAccessClient(session, realm);
        LinkPageForms<C> pages = pages(token);
        C checked = check(token);
        UserModel signedIn = LinkPages.signedInUser(session, realm);
        if (!checked.ok()) {
            return pages.problem(checked.problem(), signedIn);
        }
        if (signedIn != null) {
            if (!EmailIdentity.same(checked.email(), signedIn.getEmail())) {
                return pages.wrongUser(checked, signedIn, action(token, "switch"));
            }
            return signedIn.isEmailVerified()
                    ? pages.confirm(checked, pageAddress(token))
                    : pages.problem(AcceptProblem.EMAIL_NOT_VERIFIED, signedIn);
        }
        if (session.users().getUserByEmail(realm, checked.email()) != null) {
            return pages.signIn(checked, signIn(token, checked.email()));
        }
        return pages.register(checked, action(token, "register"), null, Map.of());
    }

    /**
     * Signs the current user out of this browser, then shows the link's page again, so the
     * addressee can sign in. Only from the page of a usable link: another site cannot sign anyone out.
     */
    protected Response signOutAndShowAgain(String token, MultivaluedMap<String, String> form) {
        LinkPages.useFirmAccessClient(session, realm);
        LinkPageForms<C> pages = pages(token);
        UserModel signedIn = LinkPages.signedInUser(session, realm);
        if (!formAccepted(token, form)) {
            return pages.problem(AcceptProblem.FORM_EXPIRED, signedIn);
        }
        C checked = check(token);
        if (!checked.ok()) {
            return pages.problem(checked.problem(), signedIn);
        }
        LinkPages.signOut(session, realm);
        return Response.seeOther(pageAddress(token)).build();
    }

    /** Whether a post carries the form token that the link's page gave this browser. */
    protected boolean formAccepted(String token, MultivaluedMap<String, String> form) {
        return new LinkForms(session, realm).accepts(token, form.getFirst(LinkForms.FIELD));
    }

    /** Sends the addressee to the realm's sign-in, back to the link's page afterwards. */
    protected URI signIn(String token, String email) {
        return LinkPages.signIn(session, realm, pageAddress(token), email);
    }

    /** The address a form of the link's page posts to. */
    protected URI action(String token, String action) {
        return UriBuilder.fromUri(pageAddress(token)).path(action).build();
    }
}
