package dev.firmaccess.keycloak.console;

/**
 * A family of the firm console's pages, mounted by {@link ConsoleFirmResource} under one path: it
 * builds its pages through the firm resource (sign-in, CSRF, the firm context) and renders them
 * with the console's templates.
 */
abstract class ConsolePageFamily {

    protected final ConsoleFirmResource firm;
    protected final ConsolePages pages;

    ConsolePageFamily(ConsoleFirmResource firm, ConsolePages pages) {
        this.firm = firm;
        this.pages = pages;
    }
}
