package dev.firmaccess.it.support;

import dev.firmaccess.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class about one firm in a realm of its own, worked on by the firm's owner through the firm
 * API: the realm's {@link FirmSetup}, the firm, its owner Olivia and her client signed in to it. A subclass
 * names the realm and the firm, and builds what else it needs on top in its own {@code @BeforeAll},
 * which runs after this one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OneFirmTest {

    private final String realmPrefix;
    private final String firmName;
    protected FirmSetup setup;
    protected Firm firm;
    protected Person olivia;
    protected Client owner;

    protected OneFirmTest(String realmPrefix, String firmName) {
        this.realmPrefix = realmPrefix;
        this.firmName = firmName;
    }

    @BeforeAll
    void aFirmWithItsOwnerSignedIn(TestEnvironment env) {
        setup = FirmSetup.create(env, realmPrefix);
        firm = setup.newFirm(firmName);
        olivia = setup.staff(firm, "olivia", "owner");
        owner = setup.as(olivia, firm);
    }
}
