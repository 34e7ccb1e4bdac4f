package dev.firmaccess.it.support;

import dev.firmaccess.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class about the standard cast of a {@link FirmFixture} in a realm of its own, mostly as
 * seen by the firm's owner: the fixture, its {@link FirmSetup}, and the owner signed in to the firm.
 * A subclass names the realm and builds what else it needs in its own {@code @BeforeAll}, which
 * runs after this one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StandardFirmTest {

    private final String realmPrefix;
    protected FirmFixture fixture;
    protected FirmSetup setup;
    protected Client owner;

    protected StandardFirmTest(String realmPrefix) {
        this.realmPrefix = realmPrefix;
    }

    @BeforeAll
    void theStandardCastWithTheOwnerSignedIn(TestEnvironment env) {
        fixture = FirmFixture.create(env, realmPrefix);
        setup = fixture.setup();
        owner = setup.as(fixture.owner(), fixture.firm());
    }
}
