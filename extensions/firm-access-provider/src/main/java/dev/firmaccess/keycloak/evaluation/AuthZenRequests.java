package dev.firmaccess.keycloak.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.evaluation.AuthZenModel.Action;
import dev.firmaccess.keycloak.evaluation.AuthZenModel.Entity;
import dev.firmaccess.keycloak.evaluation.AuthZenModel.Evaluation;
import dev.firmaccess.keycloak.evaluation.AuthZenModel.PageRequest;
import dev.firmaccess.keycloak.web.JsonBodies;
import dev.firmaccess.keycloak.web.Limits;
import dev.firmaccess.keycloak.web.Paging;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads AuthZEN request bodies. A body that is not {@code application/json}, and required members
 * that are missing or of the wrong JSON type, are a 400: the specification's error table has no
 * 415, and its certification asks for a 400 for another content type. A batch item that lacks a
 * member alone fails; members it does not know are ignored, and so is the id of the searched
 * entity.
 */
final class AuthZenRequests {

    static final String EVALUATIONS = "evaluations";
    /** The members of an evaluation that top-level defaults provide to the items of a batch. */
    private static final List<String> DEFAULTED = List.of("subject", "action", "resource", "context");

    private AuthZenRequests() {
    }

    static FirmAccessException invalid(String description) {
        return FirmAccessException.badInput(description);
    }

    /** One batch item: its evaluation, or why it cannot be evaluated (then it alone is denied). */
    record BatchItem(Evaluation evaluation, FirmAccessException error) {
    }

    static JsonNode body(String contentType, String body, Limits limits) {
        if (!isJson(contentType)) {
            throw invalid("The request body must be application/json");
        }
        JsonNode root = JsonBodies.read(body, JsonNode.class, limits);
        if (!root.isObject()) {
            throw invalid("The request body must be a JSON object");
        }
        return root;
    }

    static Evaluation evaluation(JsonNode root) {
        return new Evaluation(entity(root, "subject", true), action(root), entity(root, "resource", true),
                optionalObject(root, "context", "context"));
    }

    /**
     * The items of a batch, each with the top-level subject, action, resource and context as
     * defaults: an item's own member replaces the default whole, it is never merged into it. An
     * item costs the same whatever the size of the request: it refers to the defaults, never
     * copies them. More items than {@link Limits#batchSize()}, or a default that is no object, are a
     * 400 for the whole batch; an item that is no object or lacks a required member after the
     * defaults fails alone.
     */
    static List<BatchItem> evaluations(JsonNode root, Limits limits) {
        JsonNode items = root.get(EVALUATIONS);
        if (!items.isArray()) {
            throw invalid("'evaluations' must be an array");
        }
        if (items.size() > limits.batchSize()) {
            throw FirmAccessException.of(ErrorCode.BULK_LIMIT,
                    "At most " + limits.batchSize() + " evaluations per request");
        }
        for (String member : DEFAULTED) {
            // A default of the wrong JSON type is the request's own fault, whichever items would use it.
            JsonNode value = root.get(member);
            if (value != null && !value.isNull() && !value.isObject()) {
                throw invalid("'" + member + "' must be an object");
            }
        }
        List<BatchItem> evaluations = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                evaluations.add(new BatchItem(null, invalid("'evaluations[" + i + "]' must be an object")));
                continue;
            }
            ObjectNode withDefaults = JsonNodeFactory.instance.objectNode();
            for (String member : DEFAULTED) {
                JsonNode value = item.has(member) ? item.get(member) : root.get(member);
                if (value != null) {
                    withDefaults.set(member, value);
                }
            }
            try {
                evaluations.add(new BatchItem(evaluation(withDefaults), null));
            } catch (FirmAccessException missing) {
                evaluations.add(new BatchItem(null, FirmAccessException.of(missing.code(),
                        "'evaluations[" + i + "]': " + missing.description())));
            }
        }
        return evaluations;
    }

    static EvaluationSemantic semantic(JsonNode root) {
        JsonNode options = optionalObject(root, "options", "options");
        JsonNode value = options == null ? null : options.get("evaluations_semantic");
        if (value == null || value.isNull()) {
            return EvaluationSemantic.EXECUTE_ALL;
        }
        if (!value.isTextual()) {
            throw invalid("'options.evaluations_semantic' must be a string");
        }
        return EvaluationSemantic.parse(value.asText()).orElseThrow(() -> invalid(
                "'options.evaluations_semantic' must be execute_all, deny_on_first_deny or permit_on_first_permit"));
    }

    /** The evaluated entity with its id; a search reads the entity it searches for without one. */
    static Entity entity(JsonNode root, String key, boolean idRequired) {
        JsonNode node = requiredObject(root, key);
        // The specification: the id of the searched entity "SHOULD be omitted, and if present, MUST be ignored".
        String id = idRequired ? requiredText(node, "id", key) : null;
        return new Entity(requiredText(node, "type", key), id, optionalObject(node, "properties", key + ".properties"));
    }

    static Action action(JsonNode root) {
        JsonNode node = requiredObject(root, "action");
        return new Action(requiredText(node, "name", "action"), optionalObject(node, "properties", "action.properties"));
    }

    static JsonNode context(JsonNode root) {
        return optionalObject(root, "context", "context");
    }

    static PageRequest page(JsonNode root, Limits limits) {
        int largest = limits.searchPageSize();
        int standard = Math.min(Paging.DEFAULT_MAX, largest);
        JsonNode page = optionalObject(root, "page", "page");
        if (page == null) {
            return new PageRequest(null, standard);
        }
        String token = optionalText(page, "token", "page");
        JsonNode limit = page.get("limit");
        if (limit == null || limit.isNull()) {
            return new PageRequest(blankToNull(token), standard);
        }
        if (!limit.isIntegralNumber() || limit.asLong() < 0) {
            throw invalid("'page.limit' must be a non-negative integer");
        }
        long size = limit.asLong();
        // A limit of 0 would page forever; it means "the server's default", and pages never exceed the bound.
        int bounded = size == 0 ? standard : (int) Math.min(size, largest);
        return new PageRequest(blankToNull(token), bounded);
    }

    private static JsonNode requiredObject(JsonNode root, String key) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            throw invalid("'" + key + "' is required");
        }
        if (!node.isObject()) {
            throw invalid("'" + key + "' must be an object");
        }
        return node;
    }

    private static JsonNode optionalObject(JsonNode root, String key, String path) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw invalid("'" + path + "' must be an object");
        }
        return node;
    }

    private static String requiredText(JsonNode node, String key, String parent) {
        String value = optionalText(node, key, parent);
        if (value == null) {
            throw invalid("'" + parent + "." + key + "' is required");
        }
        return value;
    }

    private static String optionalText(JsonNode node, String key, String parent) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid("'" + parent + "." + key + "' must be a string");
        }
        return value.asText();
    }

    /** {@code application/json} with or without parameters such as a charset, in any letter case. */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(contentType);
            return "application".equalsIgnoreCase(type.getType()) && "json".equalsIgnoreCase(type.getSubtype());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
