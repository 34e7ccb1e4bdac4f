package dev.firmaccess.keycloak.firm;

/**
 * Who acts in a request, as ids that outlast it: enough to act again as the same person in a job
 * that runs after the request, where {@link FirmContexts#resume} checks their rights once more.
 *
 * @param userId   the acting user
 * @param clientId the id (not client id) of the client they signed in with, which their admin events name
 */
public record ActingAs(String userId, String clientId) {
}
