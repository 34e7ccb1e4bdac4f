package dev.firmaccess.it.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Finds the Chromium (or Chrome) and the chromedriver that the browser tests drive: first the paths
 * given by system property or environment variable, then the usual install locations and the PATH.
 * Nothing is downloaded: Selenium Manager never runs, so a missing browser is reported in one line.
 */
public final class BrowserLocator {

    public static final String BROWSER_PROPERTY = "firm-access.browser";
    public static final String DRIVER_PROPERTY = "firm-access.browser.driver";
    public static final String BROWSER_VARIABLE = "FIRM_ACCESS_BROWSER";
    public static final String DRIVER_VARIABLE = "FIRM_ACCESS_BROWSER_DRIVER";

    /** Debian, Ubuntu and Fedora packages, Google's package, and the macOS applications. */
    static final List<Path> USUAL_BROWSERS = List.of(
            Path.of("/usr/bin/chromium"),
            Path.of("/usr/bin/chromium-browser"),
            Path.of("/usr/bin/google-chrome"),
            Path.of("/Applications/Chromium.app/Contents/MacOS/Chromium"),
            Path.of("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"));
    static final List<Path> USUAL_DRIVERS = List.of(
            Path.of("/usr/bin/chromedriver"),
            Path.of("/usr/lib/chromium/chromedriver"),
            Path.of("/usr/lib/chromium-browser/chromedriver"));
    static final String DRIVER_COMMAND = "chromedriver";

    /** One line that says what to install or set; the build prints it as the reason it stopped. */
    static final String HOW_TO_FIX = "install Chromium and its driver (Debian/Ubuntu: apt-get install chromium "
            + "chromium-driver; macOS: brew install --cask chromium chromedriver), or set " + BROWSER_VARIABLE
            + " and " + DRIVER_VARIABLE + " (-D" + BROWSER_PROPERTY + ", -D" + DRIVER_PROPERTY
            + "), or leave the browser tests out with ./test.sh --no-browser (-Dfirm-access.no-browser)";

    private final UnaryOperator<String> properties;
    private final UnaryOperator<String> environment;
    private final List<Path> usualBrowsers;
    private final List<Path> usualDrivers;

    BrowserLocator(UnaryOperator<String> properties, UnaryOperator<String> environment, List<Path> usualBrowsers,
            List<Path> usualDrivers) {
        this.properties = properties;
        this.environment = environment;
        this.usualBrowsers = usualBrowsers;
        this.usualDrivers = usualDrivers;
    }

    /** The locator of this machine: its system properties, environment, usual locations and PATH. */
    public static BrowserLocator ofThisMachine() {
        return new BrowserLocator(System::getProperty, System::getenv, USUAL_BROWSERS, USUAL_DRIVERS);
    }

    /** The browser and driver to use; fails with one line saying what is missing and how to fix it. */
    public Found locate() {
        Path browser = find("Chromium", BROWSER_PROPERTY, BROWSER_VARIABLE, usualBrowsers, listed(usualBrowsers));
        Path driver = find("chromedriver", DRIVER_PROPERTY, DRIVER_VARIABLE, withDriverOnPath(),
                listed(usualDrivers) + ", " + DRIVER_COMMAND + " on the PATH");
        return new Found(browser, driver);
    }

    private Path find(String what, String property, String variable, List<Path> usual, String lookedAt) {
        Optional<String> given = Optional.ofNullable(properties.apply(property)).filter(p -> !p.isBlank())
                .or(() -> Optional.ofNullable(environment.apply(variable)).filter(p -> !p.isBlank()));
        if (given.isPresent()) {
            Path path = Path.of(given.get());
            if (!Files.isExecutable(path) || Files.isDirectory(path)) {
                throw new NotFound("The browser tests cannot start: " + property + " / " + variable + " names "
                        + path + ", which is not an executable file; " + HOW_TO_FIX);
            }
            return path;
        }
        return usual.stream().filter(path -> Files.isExecutable(path) && !Files.isDirectory(path)).findFirst()
                .orElseThrow(() -> new NotFound("The browser tests cannot start: no " + what + " found (looked at "
                        + property + ", " + variable + ", " + lookedAt + "); " + HOW_TO_FIX));
    }

    private static String listed(List<Path> paths) {
        return String.join(", ", paths.stream().map(Path::toString).toList());
    }

    /** The usual driver locations, then chromedriver in every directory of the PATH. */
    private List<Path> withDriverOnPath() {
        List<Path> candidates = new ArrayList<>(usualDrivers);
        String path = environment.apply("PATH");
        if (path != null) {
            for (String directory : path.split(File.pathSeparator)) {
                if (!directory.isBlank()) {
                    candidates.add(Path.of(directory, DRIVER_COMMAND));
                }
            }
        }
        return candidates;
    }

    /** The browser binary and the driver that starts it. */
    public record Found(Path browser, Path driver) {
    }

    /** No usable browser or driver; the message is the whole story, so it carries no stack trace to print. */
    public static final class NotFound extends RuntimeException {

        NotFound(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Run inside the build before the integration tests: the {@link NotFound} of a missing browser
     * stops the build at once, its message the reason Maven prints ({@code check}); or it says
     * loudly that the browser tests were left out ({@code left-out}).
     */
    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("left-out")) {
            System.out.println("""
                    ******************************************************************************
                    *  BROWSER TESTS LEFT OUT (-Dfirm-access.no-browser): the console's pages     *
                    *  were not tested in a browser in this run.                                  *
                    ******************************************************************************""");
            return;
        }
        Found found = ofThisMachine().locate();
        System.out.println("Browser tests use " + found.browser() + " with " + found.driver());
    }
}
