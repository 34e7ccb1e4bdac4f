package dev.firmaccess.keycloak.portal;

import java.util.List;
import java.util.Locale;

/** Where a portal CSV import that runs after its request stands. */
public enum PortalImportState {
    /** Stored; starts once the request that uploaded it has committed. */
    QUEUED,
    /** Its rows are checked; nothing is written before every row is. */
    CHECKING,
    /** Every row was good; the memberships are created and the mails sent, in one transaction. */
    IMPORTING,
    /** Done: the memberships exist. */
    IMPORTED,
    /** Done: some rows were bad, each is named, and nothing was imported. */
    REFUSED,
    /** Stopped (a refusal of the whole import, or a node that stopped); nothing was imported. */
    FAILED;

    /** The states of an import that has not finished. */
    static final List<PortalImportState> RUNNING = List.of(QUEUED, CHECKING, IMPORTING);

    public boolean running() {
        return RUNNING.contains(this);
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
