package dev.firmaccess.keycloak.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.keycloak.models.OrganizationModel;

class PortalClaimTest {

    private static final Map<String, OrganizationModel> FIRMS = Map.of("f1", firm("f1", "ledger", "Ledger & Co"),
            "f2", firm("f2", "books", "Books"));
    private static final List<PortalReach.Workspace> TWO_FIRMS = List.of(
            new PortalReach.Workspace("f1", "b1", "Bakery", PortalRole.GUEST, "read-only"),
            new PortalReach.Workspace("f1", "b2", "Florist", PortalRole.OWNER, "full"),
            new PortalReach.Workspace("f2", "b3", "Garage", PortalRole.GUEST, "full"));

    @Test
    void workspacesAreGroupedPerFirmInTheirOrder() {
        List<PortalClaim> claim = PortalClaim.of(TWO_FIRMS,
                id -> Optional.ofNullable(FIRMS.get(id)), 30);

        assertThat(claim).extracting(PortalClaim::alias).containsExactly("ledger", "books");
        assertThat(claim.get(0).name()).isEqualTo("Ledger & Co");
        assertThat(claim.get(0).workspaces()).containsExactly(
                new PortalClaim.WorkspaceClaim("b1", "Bakery", "guest", "read-only"),
                new PortalClaim.WorkspaceClaim("b2", "Florist", "owner", "full"));
    }

    @Test
    void workspacesOfAFirmThatIsGoneOrDisabledAreLeftOut() {
        List<PortalClaim> claim = PortalClaim.of(List.of(
                new PortalReach.Workspace("gone", "b1", "Bakery", PortalRole.GUEST, "full"),
                new PortalReach.Workspace("f2", "b3", "Garage", PortalRole.GUEST, "full")),
                id -> Optional.ofNullable(FIRMS.get(id)), 30);

        assertThat(claim).extracting(PortalClaim::id).containsExactly("f2");
    }

    @Test
    void noWorkspacesIsAnEmptyClaim() {
        assertThat(PortalClaim.of(List.of(), id -> Optional.empty(), 30)).isEmpty();
    }

    @Test
    void theCapListsWorkspacesFirmAfterFirmAndKeepsEveryFirmWithItsListMarkedCut() {
        List<PortalClaim> claim = PortalClaim.of(TWO_FIRMS,
                id -> Optional.ofNullable(FIRMS.get(id)), 1);

        assertThat(claim).extracting(PortalClaim::alias).containsExactly("ledger", "books");
        assertThat(claim.get(0).workspaces()).extracting(PortalClaim.WorkspaceClaim::id).containsExactly("b1");
        assertThat(claim.get(0).workspacesCapped()).isTrue();
        assertThat(claim.get(1).workspaces()).isEmpty();
        assertThat(claim.get(1).workspacesCapped()).isTrue();
    }

    @Test
    void aListWithinTheCapIsNotMarkedCut() {
        List<PortalClaim> claim = PortalClaim.of(List.of(
                new PortalReach.Workspace("f2", "b3", "Garage", PortalRole.GUEST, "full")),
                id -> Optional.ofNullable(FIRMS.get(id)), 1);

        assertThat(claim.get(0).workspacesCapped()).isFalse();
        assertThat(claim.get(0).withoutWorkspaces().workspacesCapped()).isNull();
    }

    /** An organization answering only what the claim reads; a stand-in, not a mock with expectations. */
    private static OrganizationModel firm(String id, String alias, String name) {
        return (OrganizationModel) Proxy.newProxyInstance(PortalClaimTest.class.getClassLoader(),
                new Class<?>[] {OrganizationModel.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getId" -> id;
                    case "getAlias" -> alias;
                    case "getName" -> name;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
