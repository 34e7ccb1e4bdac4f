package dev.firmaccess.keycloak.core;

import java.util.Locale;

/**
 * The stable, machine-readable reason of a refusal, sent as {@code code} beside {@code error} and
 * {@code error_description}: clients branch on it instead of parsing English, and the console
 * translates it. Each code belongs to one {@link FirmAccessException.Kind}, so one code always has
 * one HTTP status. The OpenAPI document and docs/errors.md list exactly these codes.
 */
public enum ErrorCode {

    /** Malformed, missing or out-of-range input with no more specific code. */
    INVALID_REQUEST(FirmAccessException.Kind.BAD_INPUT),
    /** The body is not JSON of the expected shape. */
    INVALID_JSON(FirmAccessException.Kind.BAD_INPUT),
    /** A bulk call, batch or list names more items than the operator's limit. */
    BULK_LIMIT(FirmAccessException.Kind.BAD_INPUT),
    /** The same item is listed twice in one call. */
    DUPLICATE_ITEM(FirmAccessException.Kind.BAD_INPUT),
    /** An email address that cannot be one. */
    INVALID_EMAIL(FirmAccessException.Kind.BAD_INPUT),
    /** An access level neither the realm nor the firm defines. */
    UNKNOWN_ACCESS_LEVEL(FirmAccessException.Kind.BAD_INPUT),
    /** An invitation expiry in the past or beyond the realm's maximum. */
    INVALID_EXPIRY(FirmAccessException.Kind.BAD_INPUT),
    /** A portal guest asked to be added without sending the invitation: guests are always invited at once. */
    GUEST_INVITED_AT_ONCE(FirmAccessException.Kind.BAD_INPUT),
    /** A realm setting out of its range or of the wrong form. */
    INVALID_SETTING(FirmAccessException.Kind.BAD_INPUT),
    /** Firm Access turned on in the master realm, which it never serves. */
    MASTER_REALM(FirmAccessException.Kind.BAD_INPUT),
    /** Firm Access turned on in a realm whose organizations are off. */
    ORGANIZATIONS_DISABLED(FirmAccessException.Kind.BAD_INPUT),
    /** A CSV upload with rows that cannot be imported; the rows say which and why. */
    INVALID_CSV(FirmAccessException.Kind.BAD_INPUT),

    /** No valid bearer access token of the realm. */
    INVALID_TOKEN(FirmAccessException.Kind.UNAUTHORIZED),
    /** A valid token whose audience does not name the firm API. */
    WRONG_AUDIENCE(FirmAccessException.Kind.UNAUTHORIZED),
    /** A token of a connection-key session whose key was revoked or whose access was turned off. */
    KEY_SESSION_REFUSED(FirmAccessException.Kind.UNAUTHORIZED),
    /** A mail event without a valid webhook signature or with a timestamp out of tolerance. */
    INVALID_SIGNATURE(FirmAccessException.Kind.UNAUTHORIZED),
    /** A connection key asked for with a token that did not come from a browser sign-in. */
    INTERACTIVE_SIGN_IN_REQUIRED(FirmAccessException.Kind.STALE_AUTHENTICATION),
    /** A connection key asked for with a sign-in older than the server's limit. */
    RECENT_SIGN_IN_REQUIRED(FirmAccessException.Kind.STALE_AUTHENTICATION),

    /** The caller's firm role or realm administration roles do not allow this. */
    FORBIDDEN(FirmAccessException.Kind.FORBIDDEN),
    /** Only an owner of the firm acts on owners. */
    OWNER_ONLY(FirmAccessException.Kind.FORBIDDEN),
    /** The firm does not let members create businesses. */
    MEMBERS_MAY_NOT_CREATE_BUSINESSES(FirmAccessException.Kind.FORBIDDEN),
    /** Connection keys are made by the person themself, never for someone else or from a key session. */
    KEY_CREATION_REFUSED(FirmAccessException.Kind.FORBIDDEN),
    /** Programmatic access is turned off for this staff member. */
    PROGRAMMATIC_ACCESS_OFF(FirmAccessException.Kind.FORBIDDEN),
    /** Evaluating other subjects, or searching, needs the evaluator role. */
    EVALUATOR_ROLE_REQUIRED(FirmAccessException.Kind.FORBIDDEN),

    /** An unknown id, an id of another firm, or a firm the caller is not staff of. */
    NOT_FOUND(FirmAccessException.Kind.NOT_FOUND),

    /** Demoting or removing the firm's last owner. */
    LAST_OWNER(FirmAccessException.Kind.CONFLICT),
    /** Inviting someone who is already staff of the firm. */
    ALREADY_MEMBER(FirmAccessException.Kind.CONFLICT),
    /** Inviting someone who already has a pending invitation to the firm. */
    INVITATION_PENDING(FirmAccessException.Kind.CONFLICT),
    /** Inviting someone who already has a portal membership of the business. */
    ALREADY_IN_PORTAL(FirmAccessException.Kind.CONFLICT),
    /** Acting on an invitation or portal membership that is no longer pending. */
    NOT_PENDING(FirmAccessException.Kind.CONFLICT),
    /** The link of an expired invitation or portal membership; send it again first. */
    LINK_EXPIRED(FirmAccessException.Kind.CONFLICT),
    /** The invitation was deleted in Keycloak's Organizations tab. */
    INVITATION_DELETED(FirmAccessException.Kind.CONFLICT),
    /** Another team of the firm has this name. */
    TEAM_NAME_TAKEN(FirmAccessException.Kind.CONFLICT),
    /** Another business of the firm has this external reference. */
    EXTERNAL_REF_TAKEN(FirmAccessException.Kind.CONFLICT),
    /** Inviting to the portal of an archived business. */
    BUSINESS_ARCHIVED(FirmAccessException.Kind.CONFLICT),
    /** The staff member has as many connection keys in the firm as the limit allows. */
    KEY_LIMIT(FirmAccessException.Kind.CONFLICT),
    /** An access level of this name exists already, the realm's or the firm's own. */
    LEVEL_NAME_TAKEN(FirmAccessException.Kind.CONFLICT),
    /** The firm has as many access levels of its own as the operator's limit allows. */
    LEVEL_LIMIT(FirmAccessException.Kind.CONFLICT),
    /** Deleting an access level that grants use without naming the level to move them to. */
    LEVEL_IN_USE(FirmAccessException.Kind.CONFLICT),
    /** The firm has as many access-event subscribers as the operator's limit allows. */
    SUBSCRIBER_LIMIT(FirmAccessException.Kind.CONFLICT),
    /** A bulk action names a membership it does not apply to (sending one sent before, resending one never sent). */
    ACTION_NOT_APPLICABLE(FirmAccessException.Kind.CONFLICT),
    /** A restore meets firm data of the realm, or an id or unique value of the backup is taken on this server. */
    RESTORE_CONFLICT(FirmAccessException.Kind.CONFLICT),
    /** A mail event whose webhook message id was received already. */
    REPLAYED_MESSAGE(FirmAccessException.Kind.CONFLICT),

    /** The request body is over the operator's limit. */
    BODY_TOO_LARGE(FirmAccessException.Kind.TOO_LARGE),
    /** A CSV upload over the operator's limit of rows or characters. */
    CSV_TOO_LARGE(FirmAccessException.Kind.TOO_LARGE),

    /** The body is not of a media type the operation reads. */
    UNSUPPORTED_MEDIA_TYPE(FirmAccessException.Kind.UNSUPPORTED_MEDIA_TYPE),

    /** The invitation or activation link was sent within the realm's resend cooldown. */
    RESEND_COOLDOWN(FirmAccessException.Kind.TOO_MANY),
    /** The request would send more invitation emails than the realm allows per firm or person and hour. */
    TOO_MANY_MAILS(FirmAccessException.Kind.TOO_MANY);

    private final FirmAccessException.Kind kind;

    ErrorCode(FirmAccessException.Kind kind) {
        this.kind = kind;
    }

    public FirmAccessException.Kind kind() {
        return kind;
    }

    /** The code as it is sent: the constant's name in lower case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
