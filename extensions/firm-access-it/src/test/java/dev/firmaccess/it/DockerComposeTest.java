package dev.firmaccess.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firmaccess.testing.KeycloakServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile and docker-compose.yml cannot run here (no Docker engine), so their consistency
 * with the build is checked: the Keycloak version, the build options, the provider jar and every
 * path they name.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of(System.getProperty("firm-access.project.root"));
    private static final Pattern KEYCLOAK_BASE = Pattern.compile("(?m)^FROM\\s+quay\\.io/keycloak/keycloak:(\\S+)");
    private static final Pattern HOST_MOUNT = Pattern.compile("^\\s*-\\s*\\./([^:]+):", Pattern.MULTILINE);
    private static final Pattern SOURCE_COPY = Pattern.compile("(?m)^COPY\\s+(?:--chown=\\S+\\s+)?(?!--from)(\\S+)\\s+\\S+$");
    private static final Pattern KC_BUILD = Pattern.compile("(?m)^RUN\\s+\\S*kc\\.sh build((?:[^\\n\\\\]|\\\\\\n)*)");
    private static final Pattern MAVEN_JDK = Pattern.compile("(?m)^FROM\\s+maven:\\S+-eclipse-temurin-(\\d+)\\s");

    @Test
    void theImageIsBuiltFromTheKeycloakVersionOfTheBuild() throws IOException {
        List<String> versions = KEYCLOAK_BASE.matcher(dockerfile()).results().map(found -> found.group(1)).toList();

        assertThat(versions).as("FROM quay.io/keycloak/keycloak lines").isNotEmpty()
                .containsOnly(System.getProperty("keycloak.version"));
        assertThat(compose()).contains("image: firm-access-keycloak:" + System.getProperty("keycloak.version"));
    }

    @Test
    void theImageIsBuiltWithTheOptionsTheTestedServersAreBuiltWith() throws IOException {
        Matcher build = KC_BUILD.matcher(dockerfile());

        assertThat(build.find()).as("a kc.sh build in the Dockerfile").isTrue();
        List<String> options = List.of(build.group(1).replace("\\\n", " ").trim().split("\\s+"));
        assertThat(options).contains("--db=postgres").containsAll(KeycloakServer.BUILD_OPTIONS);
        assertThat(compose()).contains("--optimized").doesNotContain("start-dev").doesNotContain("--features");
    }

    @Test
    void theImageGetsTheProviderJarTheBuildMakes() throws IOException {
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>")
                .matcher(Files.readString(ROOT.resolve("extensions/firm-access-provider/pom.xml")));
        assertThat(finalName.find()).isTrue();
        String jar = "extensions/firm-access-provider/target/" + finalName.group(1) + ".jar";

        assertThat(dockerfile()).contains("COPY --from=provider /build/" + jar + " /opt/keycloak/providers/")
                .contains("-pl extensions/firm-access-provider -am package");
    }

    @Test
    void everyCopiedSourceExistsAndEveryModulePomIsCopied() throws IOException {
        List<String> sources = SOURCE_COPY.matcher(dockerfile()).results().map(found -> found.group(1)).toList();
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        // the default reactor's modules; a profile's (the benchmark) are not built into the image
        String reactor = pom.substring(pom.indexOf("<modules>"), pom.indexOf("</modules>"));
        List<String> modules = Pattern.compile("<module>([^<]+)</module>").matcher(reactor).results()
                .map(found -> found.group(1) + "/pom.xml").toList();

        assertThat(sources).isNotEmpty().allSatisfy(source -> assertThat(ROOT.resolve(source)).exists());
        assertThat(sources).as("the reactor reads every module's POM").contains("pom.xml").containsAll(modules);
    }

    @Test
    void theBuildStageHasAJdkTheBuildAccepts() throws IOException {
        Matcher jdk = MAVEN_JDK.matcher(dockerfile());

        assertThat(jdk.find()).isTrue();
        assertThat(Integer.parseInt(jdk.group(1))).isGreaterThanOrEqualTo(17);
    }

    @Test
    void theSeedRunsFromItsOwnImageAsAnUnprivilegedUserWithoutTheSourceTree() throws IOException {
        String seedStage = dockerfile().split("(?m)^FROM ")[3];
        String compose = compose();
        String seedService = compose.substring(compose.indexOf("\n  seed:"), compose.indexOf("\nvolumes:"));

        assertThat(seedStage).startsWith("eclipse-temurin:").contains(" AS seed").containsPattern("(?m)^USER [1-9]")
                .contains("dev.firmaccess.devserver.DemoSeed");
        assertThat(ROOT.resolve("extensions/dev-server/src/main/java/dev/firmaccess/devserver/DemoSeed.java"))
                .exists();
        assertThat(seedService).contains("target: seed").doesNotContain("volumes:").doesNotContain("mvn ");
    }

    @Test
    void mavenRunsUnprivilegedWithItsRepositoryInACacheUnderTheBuildDirectory() throws IOException {
        String buildStage = dockerfile().split("(?m)^FROM ")[1];
        List<String> mavenRuns = Pattern.compile("(?m)^RUN\\s+--mount=\\S+\\s+\\\\\\n\\s+mvn ").matcher(dockerfile())
                .results().map(found -> found.group()).toList();

        assertThat(dockerfile()).doesNotContain("/root").doesNotContain("~/").doesNotContain("$HOME");
        assertThat(buildStage).containsPattern("(?m)^USER \\$\\{BUILD_UID}")
                .contains("ENV MAVEN_OPTS=-Dmaven.repo.local=/build/.maven-repository");
        assertThat(mavenRuns).hasSize(2)
                .allSatisfy(run -> assertThat(run).contains("type=cache,target=/build/.maven-repository"));
    }

    @Test
    void keycloakIsHealthCheckedOnTheManagementPortAndPostgresKeepsANamedVolume() throws IOException {
        String compose = compose();

        assertThat(compose).contains("/dev/tcp/127.0.0.1/9000").contains("GET /health/ready");
        assertThat(KeycloakServer.BUILD_OPTIONS).contains("--health-enabled=true");
        assertThat(compose).contains("- postgres-data:/var/lib/postgresql/data")
                .containsPattern("(?m)^volumes:\\n(?:\\s+#.*\\n)*\\s+postgres-data:");
    }

    @Test
    void everyMountedPathExistsAfterTheBuild() throws IOException {
        List<String> paths = HOST_MOUNT.matcher(compose()).results().map(result -> result.group(1)).toList();

        assertThat(paths).contains("realm-config/demo-realm.json");
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

    private static String dockerfile() throws IOException {
        return Files.readString(ROOT.resolve("Dockerfile"));
    }
}
