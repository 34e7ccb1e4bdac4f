package dev.firmaccess.it.support;

import dev.firmaccess.testing.HttpJson.Reply;
import java.util.function.Supplier;

/** One caller of one API base, such as a staff member on their firm's path, so tests write only the rest. */
public final class Client {

    private final Api api;
    private final String base;
    private final Supplier<String> token;

    Client(Api api, String base, Supplier<String> token) {
        this.api = api;
        this.base = base;
        this.token = token;
    }

    private String path(String relative) {
        return base + relative;
    }

    public Reply get(String relative) {
        return api.get(path(relative), token.get());
    }

    public Reply delete(String relative) {
        return api.delete(path(relative), token.get());
    }

    public Reply post(String relative, Object body) {
        return api.post(path(relative), token.get(), body);
    }

    public Reply put(String relative, Object body) {
        return api.put(path(relative), token.get(), body);
    }
}
