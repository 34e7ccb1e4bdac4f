package dev.firmaccess.keycloak.mail;

import dev.firmaccess.keycloak.web.FormBody;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.keycloak.models.ClientModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.ValidationException;

/**
 * What the pages behind a staff invitation link and a portal activation link do alike: who is
 * signed in decides the page (the addressee confirms, someone else is offered to switch account,
 * nobody is asked to sign in to the existing account or to create one for the address); the
 * addressee joins signed in or with a new account; a switch signs the current user out of this
 * browser. Every post must carry the form token of the link's page. A kind of link says how a
 * link is checked, its pages and their address, how joining works and where it lands; the realm
 * resource mounts each kind under its own path ({@code .../invitations/accept/{token}},
 * {@code .../portal/activate/{token}}).
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

    /**
     * Joins with the account the supplier gives, or answers why not and changes nothing; the
     * supplier is called only for a usable link, so a new account is created only then.
     */
    protected abstract C join(String token, Supplier<UserModel> account, ClientModel client);

    /** The identity provider that serves a usable link's address, where signing in must go through it. */
    protected Optional<IdentityProviderModel> identityProviderOf(C checked) {
        return Optional.empty();
    }

    /**
     * Whether the signed-in user is the one who already joined by this link's invitation, as signing
     * in on the way to its page may do: they land where joining leads, not on a used link's page.
     */
    protected boolean joinedAlready(C checked, UserModel signedIn) {
        return false;
    }

    /** Where the addressee lands after joining. */
    protected abstract URI afterJoining(C joined);

    /** The page that fits who is signed in. */
    @GET
    @Path("{token}")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("token") String token) {
        LinkPages.useFirmAccessClient(session, realm);
        LinkPageForms<C> pages = pages(token);
        C checked = check(token);
        UserModel signedIn = LinkPages.signedInUser(session, realm);
        if (!checked.ok()) {
            return signedIn != null && joinedAlready(checked, signedIn)
                    ? Response.seeOther(afterJoining(checked)).build()
                    : pages.problem(checked.problem(), signedIn);
        }
        if (signedIn != null) {
            if (!EmailIdentity.same(checked.email(), signedIn.getEmail())) {
                return pages.wrongUser(checked, signedIn, action(token, "switch"));
            }
            return signedIn.isEmailVerified()
                    ? pages.confirm(checked, pageAddress(token))
                    : pages.problem(AcceptProblem.EMAIL_NOT_VERIFIED, signedIn);
        }
        Optional<IdentityProviderModel> provider = identityProviderOf(checked);
        if (provider.isPresent()) {
            // The address is served by an identity provider of the firm: it vouches for the address,
            // and the first sign-in there creates or links the account.
            URI signIn = UriBuilder.fromUri(signIn(token, checked.email()))
                    .queryParam("kc_idp_hint", provider.get().getAlias()).build();
            return pages.signInThrough(checked, provider.get(), signIn);
        }
        if (session.users().getUserByEmail(realm, checked.email()) != null) {
            return pages.signIn(checked, signIn(token, checked.email()));
        }
        return pages.register(checked, action(token, "register"), null, Map.of());
    }

    /** The signed-in addressee joins with their account. */
    @POST
    @Path("{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(@PathParam("token") String token, String body) {
        return posted(token, body, true, post -> {
            UserModel signedIn = post.signedIn();
            if (signedIn == null) {
                return Response.seeOther(pageAddress(token)).build();
            }
            C result = join(token, () -> signedIn, post.client());
            return result.ok()
                    ? Response.seeOther(afterJoining(result)).build()
                    : post.pages().problem(result.problem(), signedIn);
        });
    }

    /** A new person creates the account of the link's address (names and password), and joins with it. */
    @POST
    @Path("{token}/register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response register(@PathParam("token") String token, String body) {
        return posted(token, body, false, post -> registered(token, post));
    }

    /** The registration once the form token is accepted: names, password, the new account, joining. */
    private Response registered(String token, Post<C> post) {
        MultivaluedMap<String, String> form = post.form();
        LinkPageForms<C> pages = post.pages();
        C checked = check(token);
        if (!checked.ok()) {
            return pages.problem(checked.problem(), null);
        }
        if (session.users().getUserByEmail(realm, checked.email()) != null) {
            return pages.signIn(checked, signIn(token, checked.email()));
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("firstName", form.getFirst("firstName"));
        values.put("lastName", form.getFirst("lastName"));
        if (!isTheLinksAddress(checked, form.getFirst("email"))) {
            return pages.register(checked, action(token, "register"), "firmAccessRegisterOtherEmail", values);
        }
        String password = form.getFirst("password");
        String error = LinkPages.passwordProblem(session, checked.email(), password, form.getFirst("password-confirm"));
        if (error != null) {
            return pages.register(checked, action(token, "register"), error, values);
        }
        C result;
        try {
            result = join(token, () -> {
                UserModel user = LinkPages.createUser(session, checked.email().toLowerCase(Locale.ROOT), values);
                user.credentialManager().updateCredential(UserCredentialModel.password(password, false));
                return user;
            }, post.client());
        } catch (ValidationException invalid) {
            return pages.register(checked, action(token, "register"),
                    invalid.getErrors().isEmpty() ? "invalidUserMessage" : invalid.getErrors().get(0).getMessage(),
                    values);
        }
        return result.ok() ? Response.seeOther(afterJoining(result)).build() : pages.problem(result.problem(), null);
    }

    /**
     * Whether an address sent with the registration form is the link's. The page shows the link's
     * address fixed and sends none; one sent anyway (from a page changed in the browser) is refused
     * rather than ignored, so nobody believes they joined with an address the link was not sent to.
     */
    private static boolean isTheLinksAddress(LinkCheck checked, String posted) {
        return posted == null || posted.isBlank() || EmailIdentity.same(checked.email(), posted.strip());
    }

    /**
     * Signs the current user out of this browser, then shows the link's page again, so the
     * addressee can sign in. Only from the page of a usable link: another site cannot sign anyone out.
     */
    @POST
    @Path("{token}/switch")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response switchAccount(@PathParam("token") String token, String body) {
        return posted(token, body, true, post -> {
            C checked = check(token);
            if (!checked.ok()) {
                return post.pages().problem(checked.problem(), post.signedIn());
            }
            LinkPages.signOut(session, realm);
            return Response.seeOther(pageAddress(token)).build();
        });
    }

    /** A post from a link's page whose form token was accepted. */
    private record Post<C extends LinkCheck>(MultivaluedMap<String, String> form, ClientModel client,
            LinkPageForms<C> pages, UserModel signedIn) {
    }

    /**
     * Answers a post from a link's page: a post without the page's form token gets the expired-form
     * page and changes nothing. The registration form names no signed-in user on its pages, as it
     * is for a person who has no account yet.
     */
    private Response posted(String token, String body, boolean namesSignedIn, Function<Post<C>, Response> answer) {
        MultivaluedMap<String, String> form = FormBody.parse(body);
        ClientModel client = LinkPages.useFirmAccessClient(session, realm);
        LinkPageForms<C> pages = pages(token);
        UserModel signedIn = namesSignedIn ? LinkPages.signedInUser(session, realm) : null;
        if (!formAccepted(token, form)) {
            return pages.problem(AcceptProblem.FORM_EXPIRED, signedIn);
        }
        return answer.apply(new Post<>(form, client, pages, signedIn));
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
