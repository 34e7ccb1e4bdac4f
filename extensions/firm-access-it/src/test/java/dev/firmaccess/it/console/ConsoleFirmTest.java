package dev.firmaccess.it.console;

import dev.firmaccess.testing.HttpJson;
import dev.firmaccess.testing.MailCatcher;
import dev.firmaccess.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;

/**
 * A browser test of the console of one firm owned by Olivia (username "olivia") in a realm of its
 * own, each test in a fresh browser: the run's HTTP client and mail catcher, and the
 * {@link ConsoleFirm}. A subclass names the realm, the firm and its other staff (members), and
 * builds what else it needs in its own {@code @BeforeAll}, which runs after this one.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsoleFirmTest extends OneBrowserPerTest {

    private final String realmPrefix;
    private final String firmName;
    private final String alias;
    private final String[] members;
    protected HttpJson http;
    protected MailCatcher mail;
    protected ConsoleFirm firm;

    protected ConsoleFirmTest(String realmPrefix, String firmName, String alias, String... members) {
        this.realmPrefix = realmPrefix;
        this.firmName = firmName;
        this.alias = alias;
        this.members = members;
    }

    @BeforeAll
    void aFirmOwnedByOlivia(TestEnvironment env) {
        http = env.http();
        mail = env.mail();
        firm = ConsoleFirm.create(env, realmPrefix, firmName, alias, "olivia", members);
    }
}
