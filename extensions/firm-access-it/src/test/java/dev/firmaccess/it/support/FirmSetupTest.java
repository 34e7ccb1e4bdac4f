package dev.firmaccess.it.support;

import org.junit.jupiter.api.BeforeAll;

/**
 * A test class that builds its firms and people with the {@link FirmSetup} of its own realm. A
 * subclass names the realm and builds what it needs in its own {@code @BeforeAll}, which runs after
 * this one.
 */
public abstract class FirmSetupTest extends OwnRealmTest {

    protected FirmSetup setup;

    protected FirmSetupTest(String realmPrefix) {
        super(realmPrefix);
    }

    @BeforeAll
    void aSetupOfTheRealm() {
        setup = FirmSetup.in(realm, checked);
    }
}
