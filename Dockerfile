# Keycloak 26.7.3 with the Firm Access provider, built from this repository:
#   docker build -t firm-access-keycloak .
# The image is optimized (kc.sh build ran at image build time) for PostgreSQL; start it with
# `start --optimized` and the runtime settings (database URL and credentials, hostname, ...).
# The `seed` target is the demo seeder that docker-compose.yml runs once against it.

# --- the provider jar, built with Maven (tests run in CI, not here) -----------------------------
FROM maven:3.9-eclipse-temurin-21 AS provider
# Maven runs as an unprivileged user in a copy of the sources, with its local repository in a
# BuildKit cache mount under the build directory: no home directory, and the downloads are kept
# between image builds without landing in a layer.
ARG BUILD_UID=10001
ENV MAVEN_OPTS=-Dmaven.repo.local=/build/.maven-repository
RUN mkdir /build && chown ${BUILD_UID} /build
WORKDIR /build
USER ${BUILD_UID}
# The reactor needs every module's POM, even when it builds only some modules.
COPY --chown=${BUILD_UID} pom.xml ./
COPY --chown=${BUILD_UID} extensions/firm-access-provider/pom.xml extensions/firm-access-provider/
COPY --chown=${BUILD_UID} extensions/firm-access-testing/pom.xml extensions/firm-access-testing/
COPY --chown=${BUILD_UID} extensions/firm-access-it/pom.xml extensions/firm-access-it/
COPY --chown=${BUILD_UID} extensions/dev-server/pom.xml extensions/dev-server/
COPY --chown=${BUILD_UID} extensions/firm-access-client/pom.xml extensions/firm-access-client/
COPY --chown=${BUILD_UID} extensions/benchmarks/pom.xml extensions/benchmarks/
COPY --chown=${BUILD_UID} themes themes
COPY --chown=${BUILD_UID} extensions/firm-access-provider/src extensions/firm-access-provider/src
RUN --mount=type=cache,target=/build/.maven-repository,uid=${BUILD_UID} \
    mvn -B -q -DskipTests -pl extensions/firm-access-provider -am package

# --- the demo seeder: applies realm-config/demo-firm-access.json through the APIs ---------------
FROM provider AS seed-build
COPY --chown=${BUILD_UID} extensions/firm-access-testing/src extensions/firm-access-testing/src
COPY --chown=${BUILD_UID} extensions/dev-server/src extensions/dev-server/src
RUN --mount=type=cache,target=/build/.maven-repository,uid=${BUILD_UID} \
    mvn -B -q -DskipTests -pl extensions/dev-server -am package

FROM eclipse-temurin:21-jre AS seed
WORKDIR /opt/seed
COPY --from=seed-build /build/extensions/dev-server/target/lib/ lib/
COPY --from=seed-build /build/extensions/dev-server/target/dev-server-*.jar lib/
COPY realm-config/demo-firm-access.json realm-config/
# Reads and writes nothing on disk: any unprivileged user will do.
USER 10001
ENTRYPOINT ["java", "-cp", "/opt/seed/lib/*", "dev.firmaccess.devserver.DemoSeed"]
CMD ["http://keycloak:8080"]

# --- Keycloak: the provider installed and the server built for it ----------------------------
FROM quay.io/keycloak/keycloak:26.7.3 AS keycloak-build
COPY --from=provider /build/extensions/firm-access-provider/target/firm-access-provider.jar /opt/keycloak/providers/
# declarative-ui: the admin console shows the extension's Realm settings tab only with it.
# Health and metrics are served on the management port (9000).
RUN /opt/keycloak/bin/kc.sh build --db=postgres --health-enabled=true --metrics-enabled=true \
    --features=declarative-ui

FROM quay.io/keycloak/keycloak:26.7.3
COPY --from=keycloak-build /opt/keycloak/ /opt/keycloak/
ENTRYPOINT ["/opt/keycloak/bin/kc.sh"]
CMD ["start", "--optimized"]
