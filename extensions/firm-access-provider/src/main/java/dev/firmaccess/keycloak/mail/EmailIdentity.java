package dev.firmaccess.keycloak.mail;

import java.util.Locale;

/**
 * When an account's address is the address a link was mailed to. Keycloak keeps addresses lower
 * case in {@code Locale.ROOT}; beyond that only ASCII letters may differ in case. A look-alike that
 * folds onto an ASCII letter ({@code ı} for i, {@code ſ} for s, the Kelvin sign for k), which
 * {@link String#equalsIgnoreCase} would let through, is another address.
 */
public final class EmailIdentity {

    private EmailIdentity() {
    }

    public static boolean same(String invited, String account) {
        if (invited == null || account == null) {
            return false;
        }
        String a = invited.toLowerCase(Locale.ROOT);
        String b = account.toLowerCase(Locale.ROOT);
        if (!a.equals(b) || invited.codePointCount(0, invited.length()) != account.codePointCount(0, account.length())) {
            return false;
        }
        int[] left = invited.codePoints().toArray();
        int[] right = account.codePoints().toArray();
        for (int i = 0; i < left.length; i++) {
            if (left[i] != right[i] && !(isAscii(left[i]) && isAscii(right[i]))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(int codePoint) {
        return codePoint < 0x80;
    }
}
