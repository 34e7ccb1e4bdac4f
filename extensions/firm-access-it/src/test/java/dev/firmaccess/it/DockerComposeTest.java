package dev.firmaccess.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docker-compose.yml cannot run here (no Docker engine), so its consistency with the build is checked. */
class DockerComposeTest {

    private static final Path ROOT = Path.of(System.getProperty("firm-access.project.root"));
    private static final Pattern KEYCLOAK_IMAGE = Pattern.compile("image:\\s*quay\\.io/keycloak/keycloak:(\\S+)");
    private static final Pattern HOST_MOUNT = Pattern.compile("^\\s*-\\s*\\./([^:]+):", Pattern.MULTILINE);

    @Test
    void runsTheSameKeycloakVersionAsTheBuild() throws IOException {
        Matcher image = KEYCLOAK_IMAGE.matcher(compose());

        assertThat(image.find()).as("a quay.io/keycloak/keycloak image").isTrue();
        assertThat(image.group(1)).isEqualTo(System.getProperty("keycloak.version"));
    }

    @Test
    void everyMountedPathExistsAfterTheBuild() throws IOException {
        Matcher mounts = HOST_MOUNT.matcher(compose());
        List<String> paths = mounts.results().map(result -> result.group(1)).toList();

        assertThat(paths).contains("realm-config/demo-realm.json",
                "extensions/firm-access-provider/target/firm-access-provider.jar");
        assertThat(paths).allSatisfy(path -> assertThat(ROOT.resolve(path)).exists());
    }

    @Test
    void importsTheSameRealmAsTheDevServer() throws IOException {
        assertThat(compose()).contains("--import-realm");
        assertThat(Files.readString(ROOT.resolve("realm-config/demo-realm.json")))
                .contains("${FIRM_ACCESS_SMTP_HOST:127.0.0.1}");
    }

    private static String compose() throws IOException {
        return Files.readString(ROOT.resolve("docker-compose.yml"));
    }
}
