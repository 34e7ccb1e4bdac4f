package dev.firmaccess.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.keycloak.admin.client.Keycloak;

/**
 * Two Keycloak nodes clustered the way Keycloak clusters by default: embedded Infinispan whose
 * JDBC_PING discovery finds the other node through the shared PostgreSQL, each node on its own
 * loopback ports. Both answer under node 1's address as their hostname, as nodes behind one load
 * balancer do, so a token or cookie issued by one is valid on the other. Each node runs from its
 * own folder: node 1 from the single PostgreSQL server's, whose build it shares, node 2 from a
 * copy of that built folder, so the cluster costs no second {@code kc.sh build}.
 */
public final class KeycloakCluster implements AutoCloseable {

    private final MailCatcher mail;
    private final List<KeycloakServer> nodes;
    private final Keycloak admin;

    private KeycloakCluster(MailCatcher mail, List<KeycloakServer> nodes) {
        this.mail = mail;
        this.nodes = nodes;
        this.admin = nodes.get(0).adminClient();
    }

    /** Starts node 1, then node 2 once node 1 has migrated the database. */
    public static KeycloakCluster start(Database database) {
        Path servers = TestEnvironment.workDir().resolve("servers");
        Path firstHome = KeycloakDistribution.fromSystemProperty().copyTo(servers.resolve(database.kind()));
        int frontPort = FreePorts.next();
        KeycloakServer first = node(firstHome, database, frontPort).httpPort(frontPort).build().prepare();
        Path secondHome = KeycloakDistribution.copyBuilt(firstHome, servers.resolve(database.kind() + "-node2"));
        KeycloakServer second = node(secondHome, database, frontPort).build();
        MailCatcher mail = new MailCatcher().start();
        try {
            first.start();
            second.start();
        } catch (RuntimeException e) {
            second.close();
            first.close();
            mail.close();
            throw e;
        }
        return new KeycloakCluster(mail, List.of(first, second));
    }

    private static KeycloakServer.Builder node(Path home, Database database, int frontPort) {
        KeycloakServer.Builder node = KeycloakServer.builder(home)
                .provider(TestEnvironment.providerJar())
                .database(database)
                .clustered()
                .heap("768m")
                // node 1 also migrates a fresh database and each node forms the cluster: more than a plain start
                .startupTimeout(Duration.ofMinutes(6))
                .runOption("--hostname=http://127.0.0.1:" + frontPort);
        TestEnvironment.OUTBOX_OPTIONS.forEach(node::runOption);
        TestEnvironment.DECISION_CACHE_OPTIONS.forEach(node::runOption);
        return node;
    }

    /** Node 1 or node 2. */
    public KeycloakServer node(int number) {
        return nodes.get(number - 1);
    }

    /** Plain HTTP to one node. */
    public HttpJson http(int number) {
        return new HttpJson(node(number).baseUrl());
    }

    public MailCatcher mail() {
        return mail;
    }

    /** A realm created through node 1, whose helpers talk to node 1. */
    public TestRealm newRealm(String prefix) {
        return TestRealm.create(admin, http(1), mail, prefix);
    }

    @Override
    public void close() {
        admin.close();
        nodes.forEach(KeycloakServer::close);
        mail.close();
    }
}
