package dev.firmaccess.it.support;

import org.junit.jupiter.api.BeforeAll;

/**
 * A test class about one firm in a realm of its own, worked on by the firm's owner through the firm
 * API: the realm's {@link FirmSetup}, the firm, its owner Olivia and her client signed in to it. A subclass
 * names the realm and the firm, and builds what else it needs on top in its own {@code @BeforeAll},
 * which runs after this one.
 */
public abstract class OneFirmTest extends FirmSetupTest {

    private final String firmName;
    protected Firm firm;
    protected Person olivia;
    protected Client owner;

    protected OneFirmTest(String realmPrefix, String firmName) {
        super(realmPrefix);
        this.firmName = firmName;
    }

    @BeforeAll
    void aFirmWithItsOwnerSignedIn() {
        firm = setup.newFirm(firmName);
        olivia = setup.staff(firm, "olivia", "owner");
        owner = setup.as(olivia, firm);
    }
}
