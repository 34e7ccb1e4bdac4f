package dev.firmaccess.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the browser tests find Chromium and chromedriver, and the one line they fail with when they cannot. */
class BrowserLocatorTest {

    @TempDir
    Path dir;

    private final Map<String, String> properties = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();

    private BrowserLocator locator(List<Path> usualBrowsers, List<Path> usualDrivers) {
        return new BrowserLocator(properties::get, environment::get, usualBrowsers, usualDrivers);
    }

    private Path executable(String name) throws IOException {
        Path file = Files.createDirectories(dir.resolve("bin")).resolve(name);
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Nested
    class GivenNothingIsInstalled {

        @Test
        void theRunStopsWithOneLineNamingThePackagesAndTheSettings() {
            environment.put("PATH", dir.resolve("empty").toString());

            assertThatThrownBy(() -> locator(List.of(dir.resolve("chromium")), List.of(dir.resolve("chromedriver")))
                    .locate())
                    .isInstanceOf(BrowserLocator.NotFound.class)
                    .hasMessageNotContaining("\n")
                    .hasMessageStartingWith("The browser tests cannot start: no Chromium found")
                    .hasMessageContaining(dir.resolve("chromium").toString())
                    .hasMessageContaining("apt-get install chromium chromium-driver")
                    .hasMessageContaining("FIRM_ACCESS_BROWSER and FIRM_ACCESS_BROWSER_DRIVER")
                    .hasMessageContaining("--no-browser");
        }

        @Test
        void aVariableNamingAMissingFileIsReportedAsSuchNotSilentlyReplaced() throws IOException {
            Path installed = executable("chromium");
            environment.put(BrowserLocator.BROWSER_VARIABLE, dir.resolve("no-such-chromium").toString());

            assertThatThrownBy(() -> locator(List.of(installed), List.of()).locate())
                    .isInstanceOf(BrowserLocator.NotFound.class)
                    .hasMessageNotContaining("\n")
                    .hasMessageContaining("FIRM_ACCESS_BROWSER names " + dir.resolve("no-such-chromium"))
                    .hasMessageContaining("not an executable file");
        }
    }

    @Nested
    class GivenABrowserIsInstalled {

        @Test
        void theFirstUsualLocationThatExistsIsUsedAndTheDriverIsFoundOnThePath() throws IOException {
            Path chromium = executable("chromium-browser");
            Path driver = executable("chromedriver");
            environment.put("PATH", dir.resolve("elsewhere") + java.io.File.pathSeparator + driver.getParent());

            BrowserLocator.Found found = locator(List.of(dir.resolve("chromium"), chromium),
                    List.of(dir.resolve("usr-bin-chromedriver"))).locate();

            assertThat(found.browser()).isEqualTo(chromium);
            assertThat(found.driver()).isEqualTo(driver);
        }

        @Test
        void theSystemPropertyWinsOverTheVariableAndTheUsualLocations() throws IOException {
            Path usual = executable("chromium");
            Path byVariable = executable("chrome-from-variable");
            Path byProperty = executable("chrome-from-property");
            Path driver = executable("driver-from-property");
            environment.put(BrowserLocator.BROWSER_VARIABLE, byVariable.toString());
            properties.put(BrowserLocator.BROWSER_PROPERTY, byProperty.toString());
            properties.put(BrowserLocator.DRIVER_PROPERTY, driver.toString());

            BrowserLocator.Found found = locator(List.of(usual), List.of()).locate();

            assertThat(found.browser()).isEqualTo(byProperty);
            assertThat(found.driver()).isEqualTo(driver);
        }

        @Test
        void aBrowserWithoutADriverIsStillReportedMissing() throws IOException {
            Path chromium = executable("chromium");
            environment.put("PATH", dir.resolve("empty").toString());

            assertThatThrownBy(() -> locator(List.of(chromium), List.of(dir.resolve("chromedriver"))).locate())
                    .isInstanceOf(BrowserLocator.NotFound.class)
                    .hasMessageStartingWith("The browser tests cannot start: no chromedriver found")
                    .hasMessageContaining("chromedriver on the PATH");
        }
    }
}
