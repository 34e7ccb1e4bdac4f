package dev.firmaccess.keycloak.evaluation;

import com.fasterxml.jackson.databind.JsonNode;

/** The entities of the AuthZEN information model, as this API reads them from requests. */
final class AuthZenModel {

    private AuthZenModel() {
    }

    /** A subject or a resource: a type, an id (absent in searches for that entity) and free-form properties. */
    record Entity(String type, String id, JsonNode properties) {

        /** A string property, or null when absent; a property of another JSON type is a 400. */
        String textProperty(String name) {
            JsonNode value = properties == null ? null : properties.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                throw AuthZenRequests.invalid("'properties." + name + "' must be a string");
            }
            return value.asText();
        }
    }

    /** An action: its name and free-form properties. */
    record Action(String name, JsonNode properties) {
    }

    /** One access evaluation: who, what, on which resource, in which context. */
    record Evaluation(Entity subject, Action action, Entity resource, JsonNode context) {

        /** Callers ask for the reasons of a decision with {@code "context": {"explain": true}}. */
        boolean explain() {
            return context != null && context.path("explain").asBoolean(false);
        }
    }

    /** A page request of a search: the token of the previous page and a size. */
    record PageRequest(String token, int limit) {
    }
}
