package dev.firmaccess.it.support;

import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.MailCatcher;
import dev.firmaccess.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class of the run's shared server: its environment, its HTTP client and its mail catcher.
 * A subclass builds what it needs in its own {@code @BeforeAll}, which runs after this one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SharedServerTest {

    protected TestEnvironment env;
    protected HttpJson http;
    protected MailCatcher mail;

    @BeforeAll
    void theSharedServer(TestEnvironment environment) {
        env = environment;
        http = environment.http();
        mail = environment.mail();
    }
}
