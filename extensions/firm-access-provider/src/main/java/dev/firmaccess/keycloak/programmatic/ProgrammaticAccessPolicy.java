package dev.firmaccess.keycloak.programmatic;

import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.ClientPoliciesRepresentation;
import org.keycloak.representations.idm.ClientPolicyConditionRepresentation;
import org.keycloak.representations.idm.ClientPolicyExecutorRepresentation;
import org.keycloak.representations.idm.ClientPolicyRepresentation;
import org.keycloak.representations.idm.ClientProfileRepresentation;
import org.keycloak.representations.idm.ClientProfilesRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.ClientPolicyManager;
import org.keycloak.services.clientpolicy.condition.AnyClientConditionFactory;
import org.keycloak.util.JsonSerialization;

/**
 * Keycloak runs client-policy executors only for policies configured in the realm. This puts
 * one profile holding the {@link ProgrammaticAccessExecutor} and one policy applying it to any
 * client into a realm, the first time a key is created or exchanged there, so that no key-derived
 * session can exist without the executor guarding it. Both stay visible, with their names, on
 * the realm's Client policies tab; a policy an administrator disabled is left disabled, with a
 * warning, because that is their decision to make.
 */
public final class ProgrammaticAccessPolicy {

    public static final String PROFILE = "firm-access-programmatic-access";
    public static final String POLICY = "firm-access-programmatic-access";

    private static final Logger LOG = Logger.getLogger(ProgrammaticAccessPolicy.class);

    private ProgrammaticAccessPolicy() {
    }

    public static void ensure(KeycloakSession session, RealmModel realm) {
        ClientPolicyManager manager = session.clientPolicy();
        try {
            ClientProfilesRepresentation profiles = manager.getClientProfiles(realm, false);
            List<ClientProfileRepresentation> profileList = listOrEmpty(profiles.getProfiles());
            if (profileList.stream().noneMatch(profile -> PROFILE.equals(profile.getName()))) {
                profileList.add(profile());
                profiles.setProfiles(profileList);
                manager.updateClientProfiles(realm, profiles);
            }
            ClientPoliciesRepresentation policies = manager.getClientPolicies(realm, false);
            List<ClientPolicyRepresentation> policyList = listOrEmpty(policies.getPolicies());
            ClientPolicyRepresentation existing = policyList.stream()
                    .filter(policy -> POLICY.equals(policy.getName())).findFirst().orElse(null);
            if (existing == null) {
                policyList.add(policy());
                policies.setPolicies(policyList);
                manager.updateClientPolicies(realm, policies);
                LOG.infof("Added client policy '%s' to realm '%s': it ends connection-key sessions at once when"
                        + " programmatic access is turned off", POLICY, realm.getName());
            } else if (!Boolean.TRUE.equals(existing.isEnabled())) {
                LOG.warnf("Client policy '%s' is disabled in realm '%s': turning programmatic access off will refuse"
                        + " new key exchanges but not end running integrations. Enable it on the realm's Client"
                        + " policies tab.", POLICY, realm.getName());
            }
        } catch (ClientPolicyException e) {
            throw new IllegalStateException("Cannot install client policy " + POLICY + " in realm " + realm.getName()
                    + ": " + e.getErrorDetail(), e);
        }
    }

    private static ClientProfileRepresentation profile() {
        ClientPolicyExecutorRepresentation executor = new ClientPolicyExecutorRepresentation();
        executor.setExecutorProviderId(ProgrammaticAccessExecutorFactory.PROVIDER_ID);
        executor.setConfiguration(JsonSerialization.mapper.createObjectNode());
        ClientProfileRepresentation profile = new ClientProfileRepresentation();
        profile.setName(PROFILE);
        profile.setDescription("Firm Access: connection-key sessions follow the programmatic-access switch");
        profile.setExecutors(new ArrayList<>(List.of(executor)));
        return profile;
    }

    private static ClientPolicyRepresentation policy() {
        ClientPolicyConditionRepresentation anyClient = new ClientPolicyConditionRepresentation();
        anyClient.setConditionProviderId(AnyClientConditionFactory.PROVIDER_ID);
        anyClient.setConfiguration(JsonSerialization.mapper.createObjectNode());
        ClientPolicyRepresentation policy = new ClientPolicyRepresentation();
        policy.setName(POLICY);
        policy.setDescription("Firm Access: refresh, introspection and userinfo of sessions created from connection"
                + " keys are refused while the key's user has programmatic access off. Do not remove.");
        policy.setEnabled(true);
        policy.setConditions(new ArrayList<>(List.of(anyClient)));
        policy.setProfiles(new ArrayList<>(List.of(PROFILE)));
        return policy;
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? new ArrayList<>() : new ArrayList<>(list);
    }
}
