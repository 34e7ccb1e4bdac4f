package dev.firmaccess.keycloak.web;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keycloak.common.ClientConnection;
import org.keycloak.http.FormPartValue;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.KeycloakSession;

/**
 * What a job that continues a request after it ended keeps of it: the server's base address (links
 * in mails are built from it, as in the request) and the caller's address (admin events name it).
 * Keycloak's session outside a request has neither; {@link #attach} gives them to it. No headers,
 * form, cookies or certificates: the job reads none.
 */
public final class DetachedRequest implements HttpRequest {

    private final URI baseUri;

    private DetachedRequest(URI baseUri) {
        this.baseUri = baseUri;
    }

    /** Gives a session without a request the base address and caller's address a request had. */
    public static void attach(KeycloakSession session, String baseUri, String remoteAddress) {
        session.getContext().setHttpRequest(new DetachedRequest(URI.create(baseUri)));
        session.getContext().setConnection(new ClientConnection() {
            @Override
            public String getRemoteAddr() {
                return remoteAddress;
            }

            @Override
            public String getRemoteHost() {
                return remoteAddress;
            }
        });
    }

    @Override
    public String getHttpMethod() {
        return "POST";
    }

    @Override
    public MultivaluedMap<String, String> getDecodedFormParameters() {
        return new MultivaluedHashMap<>();
    }

    @Override
    public MultivaluedMap<String, FormPartValue> getMultiPartFormParameters() {
        return new MultivaluedHashMap<>();
    }

    @Override
    public HttpHeaders getHttpHeaders() {
        return NO_HEADERS;
    }

    @Override
    public X509Certificate[] getClientCertificateChain() {
        return null;
    }

    @Override
    public UriInfo getUri() {
        return new BaseUri(baseUri);
    }

    @Override
    public boolean isProxyTrusted() {
        return false;
    }

    /** The base address as the request's URI: every path of the job is built on it. */
    private record BaseUri(URI base) implements UriInfo {

        @Override
        public String getPath() {
            return "/";
        }

        @Override
        public String getPath(boolean decode) {
            return "/";
        }

        @Override
        public List<PathSegment> getPathSegments() {
            return List.of();
        }

        @Override
        public List<PathSegment> getPathSegments(boolean decode) {
            return List.of();
        }

        @Override
        public URI getRequestUri() {
            return base;
        }

        @Override
        public UriBuilder getRequestUriBuilder() {
            return UriBuilder.fromUri(base);
        }

        @Override
        public URI getAbsolutePath() {
            return base;
        }

        @Override
        public UriBuilder getAbsolutePathBuilder() {
            return UriBuilder.fromUri(base);
        }

        @Override
        public URI getBaseUri() {
            return base;
        }

        @Override
        public UriBuilder getBaseUriBuilder() {
            return UriBuilder.fromUri(base);
        }

        @Override
        public MultivaluedMap<String, String> getPathParameters() {
            return new MultivaluedHashMap<>();
        }

        @Override
        public MultivaluedMap<String, String> getPathParameters(boolean decode) {
            return new MultivaluedHashMap<>();
        }

        @Override
        public MultivaluedMap<String, String> getQueryParameters() {
            return new MultivaluedHashMap<>();
        }

        @Override
        public MultivaluedMap<String, String> getQueryParameters(boolean decode) {
            return new MultivaluedHashMap<>();
        }

        @Override
        public List<String> getMatchedURIs() {
            return List.of();
        }

        @Override
        public List<String> getMatchedURIs(boolean decode) {
            return List.of();
        }

        @Override
        public List<Object> getMatchedResources() {
            return List.of();
        }

        @Override
        public URI resolve(URI uri) {
            return base.resolve(uri);
        }

        @Override
        public URI relativize(URI uri) {
            return base.relativize(uri);
        }
    }

    private static final HttpHeaders NO_HEADERS = new HttpHeaders() {
        @Override
        public List<String> getRequestHeader(String name) {
            return List.of();
        }

        @Override
        public String getHeaderString(String name) {
            return null;
        }

        @Override
        public MultivaluedMap<String, String> getRequestHeaders() {
            return new MultivaluedHashMap<>();
        }

        @Override
        public List<MediaType> getAcceptableMediaTypes() {
            return List.of(MediaType.WILDCARD_TYPE);
        }

        @Override
        public List<Locale> getAcceptableLanguages() {
            return List.of();
        }

        @Override
        public MediaType getMediaType() {
            return null;
        }

        @Override
        public Locale getLanguage() {
            return null;
        }

        @Override
        public Map<String, Cookie> getCookies() {
            return Map.of();
        }

        @Override
        public Date getDate() {
            return null;
        }

        @Override
        public int getLength() {
            return -1;
        }
    };
}
