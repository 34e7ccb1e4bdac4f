package dev.firmaccess.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * What both ways of starting a server let a caller choose: the database, extra {@code kc.sh start}
 * options and the heap. {@link FirmAccessKeycloak.Builder} hands its choices on to the
 * {@link KeycloakServer.Builder} it starts the server with.
 *
 * @param <B> the builder itself, so that a chain of calls keeps its own type
 */
public abstract class ServerOptions<B extends ServerOptions<B>> {

    Database database = Database.h2InMemory();
    final List<String> runOptions = new ArrayList<>();
    String heap = "1g";

    ServerOptions() {
    }

    /** The database; in-memory H2 unless set. */
    public B database(Database value) {
        this.database = value;
        return self();
    }

    /** A {@code kc.sh start} option, e.g. an SPI option of the provider. */
    public B runOption(String option) {
        runOptions.add(option);
        return self();
    }

    /** The server's maximum heap, as for {@code -Xmx}; 1 GB unless set. */
    public B heap(String value) {
        this.heap = value;
        return self();
    }

    /** Gives another builder the same database, start options and heap. */
    <T extends ServerOptions<T>> T copyTo(T other) {
        other.database = database;
        other.runOptions.addAll(runOptions);
        other.heap = heap;
        return other;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
