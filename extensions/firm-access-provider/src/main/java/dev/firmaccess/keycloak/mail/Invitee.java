package dev.firmaccess.keycloak.mail;

import dev.firmaccess.keycloak.core.ErrorCode;
import dev.firmaccess.keycloak.core.FirmAccessException;
import dev.firmaccess.keycloak.web.Limits;
import dev.firmaccess.keycloak.web.Validation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.keycloak.utils.EmailValidationUtil;

/** A person to invite by email address, as the staff and the portal invitation endpoints take them. */
public record Invitee(String email, String firstName, String lastName) {

    private static final int MAX_EMAIL = 254;

    /**
     * The invitees of one call, checked: at least one, at most {@link Limits#invitees()}, valid and
     * distinct addresses (lower-cased), names within limits. Shared by staff and portal invitations.
     */
    public static List<Invitee> checked(List<Invitee> invitees, Limits limits) {
        if (invitees == null || invitees.isEmpty()) {
            throw FirmAccessException.badInput("'invitees' must list at least one person to invite");
        }
        if (invitees.size() > limits.invitees()) {
            throw FirmAccessException.of(ErrorCode.BULK_LIMIT, "At most " + limits.invitees() + " invitees per call");
        }
        Set<String> seen = new HashSet<>();
        List<Invitee> checked = new ArrayList<>();
        for (Invitee invitee : invitees) {
            if (invitee == null) {
                throw FirmAccessException.badInput("'invitees' must not contain null");
            }
            String email = email(invitee.email());
            if (!seen.add(email)) {
                throw FirmAccessException.of(ErrorCode.DUPLICATE_ITEM, email + " is listed more than once");
            }
            checked.add(new Invitee(email, Validation.optionalText(invitee.firstName(), "firstName"),
                    Validation.optionalText(invitee.lastName(), "lastName")));
        }
        return checked;
    }

    /** A trimmed, lower-cased, valid email address, or the 400 that names the bad value. */
    public static String email(String value) {
        String email = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (email.isEmpty() || email.length() > MAX_EMAIL || !EmailValidationUtil.isValidEmail(email)) {
            throw FirmAccessException.of(ErrorCode.INVALID_EMAIL, "'" + value + "' is not a valid email address");
        }
        return email;
    }
}
