package dev.firmaccess.keycloak.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.keycloak.access.AccessLevels;
import dev.firmaccess.keycloak.evaluation.AccessSearch.Found;
import dev.firmaccess.keycloak.evaluation.AuthZenModel.Evaluation;
import dev.firmaccess.keycloak.firm.StaffRepository;
import dev.firmaccess.keycloak.settings.FirmAccessSettings;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * The access evaluation API, OpenID AuthZEN Authorization API 1.0, at
 * {@code /realms/{realm}/firm-access/access/v1}. Every call is decided from the database as it
 * is at that moment: nothing is cached between requests.
 */
public class AccessEvaluationResource {

    private final KeycloakSession session;
    private final Supplier<AuthResult> bearer;

    /** {@code bearer} authenticates the request's bearer token, or refuses it as unauthorized. */
    public AccessEvaluationResource(KeycloakSession session, Supplier<AuthResult> bearer) {
        this.session = session;
        this.bearer = bearer;
    }

    @POST
    @Path("evaluation")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public Response evaluation(@HeaderParam(AuthZenErrors.REQUEST_ID) String requestId, String body) {
        return AuthZenErrors.answer(requestId, () -> {
            EvaluationCaller caller = EvaluationCaller.of(session, bearer.get());
            Evaluation request = AuthZenRequests.evaluation(AuthZenRequests.body(body));
            caller.requireMayAskAbout(request.subject());
            return new Engine(caller).evaluator.evaluate(request);
        });
    }

    @POST
    @Path("evaluations")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public Response evaluations(@HeaderParam(AuthZenErrors.REQUEST_ID) String requestId, String body) {
        return AuthZenErrors.answer(requestId, () -> {
            EvaluationCaller caller = EvaluationCaller.of(session, bearer.get());
            JsonNode root = AuthZenRequests.body(body);
            JsonNode items = root.get(AuthZenRequests.EVALUATIONS);
            if (items == null || items.isNull() || items.isArray() && items.isEmpty()) {
                Evaluation single = AuthZenRequests.evaluation(root);
                caller.requireMayAskAbout(single.subject());
                return new Engine(caller).evaluator.evaluate(single);
            }
            EvaluationSemantic semantic = AuthZenRequests.semantic(root);
            List<Evaluation> batch = AuthZenRequests.evaluations(root);
            batch.forEach(item -> caller.requireMayAskAbout(item.subject()));
            Evaluator evaluator = new Engine(caller).evaluator;
            evaluator.prefetch(batch);
            List<Decision> decisions = new ArrayList<>();
            for (Evaluation item : batch) {
                Decision decision = evaluator.evaluate(item);
                decisions.add(decision);
                if (semantic.stopsAfter(decision.decision())) {
                    break;
                }
            }
            return Map.of(AuthZenRequests.EVALUATIONS, decisions);
        });
    }

    @POST
    @Path("search/subject")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public Response searchSubjects(@HeaderParam(AuthZenErrors.REQUEST_ID) String requestId, String body) {
        return search(requestId, body, SearchShape.SUBJECT, (caller, engine, request, cursor) -> {
            caller.requireEvaluator();
            return engine.search.subjects(request.subject(), request.action().name(), request.resource(), cursor);
        });
    }

    @POST
    @Path("search/resource")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public Response searchResources(@HeaderParam(AuthZenErrors.REQUEST_ID) String requestId, String body) {
        return search(requestId, body, SearchShape.RESOURCE, (caller, engine, request, cursor) -> {
            caller.requireMayAskAbout(request.subject());
            return engine.search.resources(request.subject(), request.action().name(), request.resource(), cursor);
        });
    }

    @POST
    @Path("search/action")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public Response searchActions(@HeaderParam(AuthZenErrors.REQUEST_ID) String requestId, String body) {
        return search(requestId, body, SearchShape.ACTION, (caller, engine, request, cursor) -> {
            caller.requireMayAskAbout(request.subject());
            return engine.search.actions(request.subject(), request.resource());
        });
    }

    /** What each search reads: the searched entity comes without an id, and an action search has no action. */
    private enum SearchShape {
        SUBJECT, RESOURCE, ACTION
    }

    /** One search, given the caller, the request's engine, the parsed request and the page. */
    @FunctionalInterface
    private interface SearchCall {
        Found run(EvaluationCaller caller, Engine engine, Evaluation request, PageCursor cursor);
    }

    private Response search(String requestId, String body, SearchShape shape, SearchCall call) {
        return AuthZenErrors.answer(requestId, () -> {
            EvaluationCaller caller = EvaluationCaller.of(session, bearer.get());
            JsonNode root = AuthZenRequests.body(body);
            Evaluation request = new Evaluation(
                    AuthZenRequests.entity(root, "subject", shape != SearchShape.SUBJECT),
                    shape == SearchShape.ACTION ? null : AuthZenRequests.action(root),
                    AuthZenRequests.entity(root, "resource", shape != SearchShape.RESOURCE),
                    AuthZenRequests.context(root));
            PageCursor cursor = PageCursor.of(AuthZenRequests.page(root), root);
            Found found = call.run(caller, new Engine(caller), request, cursor);
            return SearchResponse.of(found.results(), found.total(), cursor, root);
        });
    }

    /** The evaluator and the searches of one request, sharing its lookups. */
    private final class Engine {

        private final Evaluator evaluator;
        private final AccessSearch search;

        Engine(EvaluationCaller caller) {
            RealmModel realm = session.getContext().getRealm();
            EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
            AccessLevels levels = new AccessLevels(FirmAccessSettings.of(realm).accessLevels());
            Standings standings = new Standings(session, realm, session.getProvider(OrganizationProvider.class),
                    new StaffRepository(em));
            this.evaluator = new Evaluator(realm, em, levels, standings, caller.programmatic());
            this.search = new AccessSearch(session, em, levels, standings, evaluator, caller.programmatic());
        }
    }
}
