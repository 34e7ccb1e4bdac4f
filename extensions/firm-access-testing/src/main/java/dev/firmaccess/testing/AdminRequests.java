package dev.firmaccess.testing;

import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;

/** What loading test data through Keycloak's admin API asks and reads the same way wherever it is done. */
public final class AdminRequests {

    private AdminRequests() {
    }

    /** An enabled organization (a firm) with the domain {@code <alias>.example.test}. */
    public static OrganizationRepresentation firm(String name, String alias) {
        OrganizationRepresentation org = new OrganizationRepresentation();
        org.setName(name);
        org.setAlias(alias);
        org.setEnabled(true);
        OrganizationDomainRepresentation domain = new OrganizationDomainRepresentation();
        domain.setName(alias + ".example.test");
        org.addDomain(domain);
        return org;
    }

    /**
     * The id of what a create request made, from the Location of its 201; any other answer is thrown
     * as {@code failure} of its status and body.
     */
    public static String createdId(Response response, Function<String, RuntimeException> failure) {
        if (response.getStatus() != 201) {
            throw failure.apply(response.getStatus() + " " + response.readEntity(String.class));
        }
        String location = response.getLocation().getPath();
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
