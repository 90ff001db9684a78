# The local suite in a container: the same launcher as ./run-local, with Floci (or LocalStack) as the AWS API.
FROM eclipse-temurin:25-jdk AS build
# The image only runs the suite, so the build packages jars without tests; ./mvnw verify (and CI) runs them.
WORKDIR /src
COPY . .
# infra/ is copied whole: the root template names its nested stacks and state machine definitions by relative path.
RUN ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package \
    && mkdir /dist \
    && cp -r --parents infra local-runtime/target/local-runtime-exec.jar services/*/target/*-exec.jar \
        legacy/*/target/*-exec.jar tools/partner-sandbox/target/partner-sandbox-exec.jar /dist/

# The Strangler's legacy shop on its own, as deployed next to the stack (App Runner, ECS): docker build --target
# legacy-shop. Compose runs it as the legacy-shop service; it listens on 8080 and migrates its schema at start.
FROM eclipse-temurin:25-jre AS legacy-shop
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /src/legacy/shop-monolith/target/shop-monolith-exec.jar shop-monolith.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "shop-monolith.jar"]

FROM eclipse-temurin:25-jre
# curl serves the compose health check (docker-compose.yml); the base image has it today, but does not promise it.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /suite
COPY --from=build /dist /suite
# The first API listens on SUITE_PORT, the next ones on the following ports; compose's health check reads it too.
ENV SUITE_PORT=3000
EXPOSE 3000 3001
ENTRYPOINT ["sh", "-c", "exec java -jar local-runtime/target/local-runtime-exec.jar --template infra/template.yaml --host 0.0.0.0 --port \"$SUITE_PORT\" \"$@\"", "suite"]
CMD ["--show-secret", "AdminClientSecret"]
