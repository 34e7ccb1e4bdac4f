package dev.firmaccess.keycloak.events;

import dev.firmaccess.keycloak.core.FirmAccessException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where a subscriber's events may go: an absolute http(s) URL whose host is on the public
 * network. Loopback, private, link-local and other internal addresses are refused unless the
 * operator allows them, so that a firm owner cannot make the server call into its own network.
 * The host is resolved at registration and again before every delivery.
 */
final class SubscriberTarget {

    static final int MAX_URL_CHARS = 2048;

    private SubscriberTarget() {
    }

    /** The URL, checked; a bad or internal one is a bad-input refusal naming the reason. */
    static URI require(String url, boolean allowInternal) {
        URI uri = parse(url);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw FirmAccessException.badInput("'url' names a host that cannot be resolved: " + uri.getHost());
        }
        if (!allowInternal) {
            for (InetAddress address : addresses) {
                if (internal(address)) {
                    throw FirmAccessException.badInput("'url' points to an internal address (" + address.getHostAddress()
                            + "); events go to public addresses only");
                }
            }
        }
        return uri;
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL_CHARS) {
            throw FirmAccessException.badInput("'url' must be an http or https URL of at most " + MAX_URL_CHARS
                    + " characters");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                throw FirmAccessException.badInput("'url' must be an absolute http or https URL with a host, and no"
                        + " user info or fragment");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw FirmAccessException.badInput("'url' is not a valid URL: " + e.getReason());
        }
    }

    private static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            // fc00::/7, unique local addresses: IPv6's private ranges
            return (bytes[0] & 0xfe) == 0xfc;
        }
        // 100.64.0.0/10, carrier-grade NAT, which sits inside providers' own networks
        return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
    }
}
