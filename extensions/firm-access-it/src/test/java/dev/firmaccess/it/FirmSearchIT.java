package dev.firmaccess.it;

import static dev.firmaccess.it.support.Replies.assertStatus;
import static dev.firmaccess.it.support.Replies.texts;
import static dev.firmaccess.it.support.Replies.totalCount;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.it.support.Firm;
import dev.firmaccess.it.support.FirmSetupTest;
import dev.firmaccess.testing.HttpJson.Reply;
import dev.firmaccess.testing.WithSharedServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The realm administrator's list of firms finds a firm by a part of its name, as typed. */
@WithSharedServer
class FirmSearchIT extends FirmSetupTest {

    FirmSearchIT() {
        super("firm-search");
    }

    @Test
    void theWildcardsOfLikeInASearchFindOnlyTheFirmsNamedWithThem() {
        Firm named = setup.newFirm("Smith_Jones 100%");
        Firm other = setup.newFirm("Smith Jones 1000");

        assertThat(idsFoundBy("%")).containsExactly(named.id());
        assertThat(idsFoundBy("0%")).containsExactly(named.id());
        assertThat(idsFoundBy("H_J")).containsExactly(named.id());
        assertThat(idsFoundBy("smith")).containsExactlyInAnyOrder(named.id(), other.id());
    }

    /** The ids the list answers for the search, checked against the total it reports. */
    private List<String> idsFoundBy(String search) {
        Reply reply = assertStatus(setup.realmAdmin().get("/firms?max=1000&search="
                + URLEncoder.encode(search, StandardCharsets.UTF_8)), 200);
        List<String> ids = texts(reply, "id");
        assertThat(totalCount(reply)).as("total of %s", search).isEqualTo(ids.size());
        return ids;
    }
}
