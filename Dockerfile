# The EDI Hub image: the Spring Boot jar with the route files and partner profiles beside it.
# Build the jar first, then the image:
#   ./mvnw -q package -DskipTests
#   docker build -t edi-hub:0.1.0-SNAPSHOT .
# The Helm chart (helm/edi-hub) mounts its ConfigMaps over /app/config/partners and single files in /app/routes.
FROM eclipse-temurin:17-jre

# a fixed uid, so Kubernetes' runAsNonRoot can check it without a user name
ARG UID=10001
RUN groupadd --system --gid ${UID} edihub \
    && useradd --system --uid ${UID} --gid edihub --home-dir /app --no-create-home --shell /usr/sbin/nologin edihub

WORKDIR /app
COPY target/edi-hub.jar /app/edi-hub.jar
COPY routes/ /app/routes/
COPY config/partners/ /app/config/partners/
# EDIHUB_DATA_DIR: the hub's scratch folder; in Kubernetes an emptyDir. The jar has no embedded servers (they are
# test-scoped, for ./mvnw spring-boot:test-run) and generates no logins: everything comes from the environment
RUN mkdir -p /app/data && chown ${UID}:${UID} /app/data

ENV EDIHUB_HTTP_ADDRESS=0.0.0.0 \
    EDIHUB_HTTP_PORT=8080 \
    EDIHUB_DATA_DIR=/app/data \
    EDIHUB_ROUTES=file:/app/routes/*.camel.yaml \
    EDIHUB_PARTNERS_DIR=/app/config/partners \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0"

USER ${UID}:${UID}
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/edi-hub.jar"]
