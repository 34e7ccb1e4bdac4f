package dev.firmaccess.keycloak.access;

import java.util.List;
import java.util.Map;

/**
 * A place besides grants where a firm names one of its access levels (portal memberships,
 * pending invitations, joiner rules). Deleting a level moves every such place to another level in
 * the same transaction, or is refused while one still names it, so no name is left dangling.
 */
public interface LevelUse {

    /** The place's name in the refusal, the audit record and the event, e.g. {@code portalMemberships}. */
    String place();

    /** How many entries of the firm name the level. */
    int count(String level);

    /**
     * Makes every entry of the firm that names {@code from} name {@code to}; returns how many changed.
     * A place kept in the firm's organization attributes changes {@code attributes} in place and
     * does not write them: the caller writes them once, after every move (Keycloak's organization
     * keeps the attributes it read first, so a second write in one transaction would start from
     * values the first one replaced).
     */
    int move(String from, String to, Map<String, List<String>> attributes);
}
