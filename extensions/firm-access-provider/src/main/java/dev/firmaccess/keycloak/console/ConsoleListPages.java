package dev.firmaccess.keycloak.console;

import dev.firmaccess.keycloak.firm.FirmContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * A family whose page is one paged list, shown again after each change with what the change made
 * for the user to see once (a link to copy, a new key's text).
 *
 * @param <S> what a change shows once on the list
 */
abstract class ConsoleListPages<S> extends ConsolePageFamily {

    ConsoleListPages(ConsoleFirmResource firm, ConsolePages pages) {
        super(firm, pages);
    }

    @GET
    public Response list(@QueryParam("first") String first) {
        return firm.page((user, context) -> render(user, context, ConsoleFirmResource.offset(first), null));
    }

    /** The list from {@code offset}, with what a change made shown once; null when nothing was changed. */
    abstract Response render(ConsoleUser user, FirmContext context, int offset, S shown);
}
