package dev.firmaccess.it.console;

import dev.firmaccess.it.support.BrowserLocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium, driven through its chromedriver. Both paths come from the
 * {@link BrowserLocator}, so Selenium Manager never runs and nothing is downloaded at test time.
 */
final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final Path profile;

    Browser() {
        this("en");
    }

    /** A browser whose preferred language is the given one, as a person's browser sends it. */
    Browser(String language) {
        this(language, true);
    }

    /** A browser that asks for the given language, and runs pages' scripts or (as some people's do) not. */
    Browser(String language, boolean scripts) {
        BrowserLocator.Found installed = BrowserLocator.ofThisMachine().locate();
        try {
            profile = Files.createTempDirectory("firm-access-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(installed.browser().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900", "--lang=" + language, "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language,
                "profile.managed_default_content_settings.javascript", scripts ? 1 : 2));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(installed.driver().toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    WebDriver driver() {
        return driver;
    }

    /** Makes the page as wide as the given screen (a phone: 375, a wide desktop: 1920), keeping the height. */
    void width(int pixels) {
        driver.manage().window().setSize(new Dimension(pixels, 900));
    }

    /** Saves a screenshot of the current page as a test artifact. */
    void screenshot(String name) {
        Path dir = Path.of(System.getProperty("firm-access.console.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            Path shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary profile does no harm; the test result matters.
        }
    }
}
