package dev.firmaccess.keycloak.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.evaluation.AccessSearch.Found;
import dev.firmaccess.keycloak.evaluation.AuthZenModel.Evaluation;
import dev.firmaccess.keycloak.evaluation.AuthZenRequests.BatchItem;
import dev.firmaccess.keycloak.firm.StaffRepository;
import dev.firmaccess.keycloak.settings.FirmAccessSettings;
import dev.firmaccess.keycloak.web.BearerCaller;
import dev.firmaccess.keycloak.web.Limits;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * The access evaluation API, OpenID AuthZEN Authorization API 1.0, at
 * {@code /realms/{realm}/firm-access/access/v1}. Every call is decided on the data as it is at
 * that moment: what the {@link Evaluator} reads from Keycloak's caches is evicted on every node by
 * every change it depends on.
 */
public class AccessEvaluationResource {

    private final KeycloakSession session;
    private final Limits limits;
    private final Supplier<BearerCaller> bearer;

    /** {@code bearer} authenticates the request's bearer token, or refuses it as unauthorized. */
    public AccessEvaluationResource(KeycloakSession session, Limits limits, Supplier<BearerCaller> bearer) {
        this.session = session;
        this.limits = limits;
        this.bearer = bearer;
    }

    @POST
    @Path("evaluation")
    @Produces(MediaType.APPLICATION_JSON)
    public Response evaluation(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        return answer(contentType, body, this::evaluateOne);
    }

    @POST
    @Path("evaluations")
    @Produces(MediaType.APPLICATION_JSON)
    public Response evaluations(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        return answer(contentType, body, (caller, root) -> {
            JsonNode items = root.get(AuthZenRequests.EVALUATIONS);
            if (items == null || items.isNull() || items.isArray() && items.isEmpty()) {
                return evaluateOne(caller, root);
            }
            EvaluationSemantic semantic = AuthZenRequests.semantic(root);
            List<BatchItem> batch = AuthZenRequests.evaluations(root, limits);
            List<Evaluation> readable = batch.stream().map(BatchItem::evaluation).filter(Objects::nonNull).toList();
            readable.forEach(item -> caller.requireMayAskAbout(item.subject()));
            Evaluator evaluator = new Engine(caller).evaluator;
            evaluator.prefetch(readable);
            List<Decision> decisions = new ArrayList<>(batch.size());
            for (BatchItem item : batch) {
                Decision decision = decide(evaluator, item);
                decisions.add(decision);
                if (semantic.stopsAfter(decision.decision())) {
                    break;
                }
            }
            return Map.of(AuthZenRequests.EVALUATIONS, decisions);
        });
    }

    /** Every call: the caller is authenticated first, then the body read as JSON within the size limit. */
    private Response answer(String contentType, String body, BiFunction<EvaluationCaller, JsonNode, Object> call) {
        return AuthZenErrors.answer(() -> {
            EvaluationCaller caller = EvaluationCaller.of(session, bearer.get());
            return call.apply(caller, AuthZenRequests.body(contentType, body, limits));
        });
    }

    /** One evaluation: the caller must be allowed to ask about its subject. */
    private Decision evaluateOne(EvaluationCaller caller, JsonNode root) {
        Evaluation request = AuthZenRequests.evaluation(root);
        caller.requireMayAskAbout(request.subject());
        return new Engine(caller).evaluator.evaluate(request);
    }

    /** One item of a batch: an item that cannot be read or evaluated is denied alone, with its error. */
    private static Decision decide(Evaluator evaluator, BatchItem item) {
        if (item.error() != null) {
            return Decision.failed(item.error());
        }
        try {
            return evaluator.evaluate(item.evaluation());
        } catch (FirmAccessException invalid) {
            return Decision.failed(invalid);
        }
    }

    /**
     * The subject, resource and action searches: each reads the searched entity without an id (an
     * action search reads no action) and answers one page of what it finds.
     */
    @POST
    @Path("search/{entity:subject|resource|action}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response search(@PathParam("entity") String entity, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            String body) {
        SearchShape shape = SearchShape.valueOf(entity.toUpperCase(Locale.ROOT));
        return answer(contentType, body, (caller, root) -> {
            Evaluation request = new Evaluation(
                    AuthZenRequests.entity(root, "subject", shape != SearchShape.SUBJECT),
                    shape == SearchShape.ACTION ? null : AuthZenRequests.action(root),
                    AuthZenRequests.entity(root, "resource", shape != SearchShape.RESOURCE),
                    AuthZenRequests.context(root));
            PageCursor cursor = PageCursor.of(AuthZenRequests.page(root, limits), root);
            Found found = shape.run(caller, new Engine(caller), request, cursor);
            return SearchResponse.of(found.results(), found.total(), cursor, root);
        });
    }

    /** Who may run each search, and what it runs, given the parsed request and the page. */
    private enum SearchShape {
        SUBJECT {
            @Override
            Found run(EvaluationCaller caller, Engine engine, Evaluation request, PageCursor cursor) {
                caller.requireEvaluator();
                return engine.search.subjects(request.subject(), request.action().name(), request.resource(), cursor);
            }
        },
        RESOURCE {
            @Override
            Found run(EvaluationCaller caller, Engine engine, Evaluation request, PageCursor cursor) {
                caller.requireMayAskAbout(request.subject());
                return engine.search.resources(request.subject(), request.action().name(), request.resource(), cursor);
            }
        },
        ACTION {
            @Override
            Found run(EvaluationCaller caller, Engine engine, Evaluation request, PageCursor cursor) {
                caller.requireMayAskAbout(request.subject());
                return engine.search.actions(request.subject(), request.resource(), cursor);
            }
        };

        abstract Found run(EvaluationCaller caller, Engine engine, Evaluation request, PageCursor cursor);
    }

    /** The evaluator and the searches of one request, sharing its lookups. */
    private final class Engine {

        private final Evaluator evaluator;
        private final AccessSearch search;

        Engine(EvaluationCaller caller) {
            RealmModel realm = session.getContext().getRealm();
            EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
            LevelsByFirm levels = new LevelsByFirm(FirmAccessSettings.of(realm));
            Standings standings = new Standings(session, realm, session.getProvider(OrganizationProvider.class),
                    new StaffRepository(em));
            this.evaluator = new Evaluator(realm, em, levels, standings, caller.programmatic(), limits);
            this.search = new AccessSearch(session, em, levels, standings, evaluator, caller.programmatic());
        }
    }
}
