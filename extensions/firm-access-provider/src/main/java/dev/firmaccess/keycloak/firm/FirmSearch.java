package dev.firmaccess.keycloak.firm;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.keycloak.models.OrganizationModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * The realm's firms whose name or domain contains a search, as typed. Keycloak's own organization
 * search (which also applies the administrator's fine-grained permissions) puts the search into
 * a LIKE as it is, so a {@code %} or {@code _} in it stands for any text or any character: its
 * answer to such a search is narrowed here to the firms that contain the search itself.
 */
public record FirmSearch(OrganizationProvider organizations) {

    /** One page of the firms that match {@code search}, by name; all firms when it is null. */
    public List<OrganizationModel> page(String search, int first, int max) {
        return hasWildcards(search)
                ? literalMatches(search).skip(first).limit(max).toList()
                : organizations.getAllStream(search, false, first, max).toList();
    }

    public long count(String search) {
        return hasWildcards(search) ? literalMatches(search).count() : organizations.count(search, false);
    }

    private static boolean hasWildcards(String search) {
        return search != null && (search.contains("%") || search.contains("_"));
    }

    /** Every firm Keycloak matches, read whole: rare searches only, as firm names seldom hold % or _. */
    private Stream<OrganizationModel> literalMatches(String search) {
        String text = search.toLowerCase(Locale.ROOT);
        return organizations.getAllStream(search, false, null, null)
                .filter(firm -> firm.getName().toLowerCase(Locale.ROOT).contains(text)
                        || firm.getDomains().anyMatch(domain -> domain.getName().toLowerCase(Locale.ROOT).contains(text)));
    }
}
