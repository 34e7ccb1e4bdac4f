package dev.firmaccess.devserver;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks the fixed ports before anything starts: a busy port otherwise shows up minutes later as
 * a Keycloak startup failure buried in its log.
 */
final class PortCheck {

    private PortCheck() {
    }

    static void requireFree(int port, String service, String howToChange) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException busy) {
            throw new IllegalStateException("Port " + port + " (" + service + ") is already in use. Stop the program"
                    + " that uses it, or pick another port: " + howToChange);
        }
    }
}
