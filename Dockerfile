# The local suite in a container: the same launcher as ./run-local, with Floci (or LocalStack) as the AWS API.
FROM eclipse-temurin:25-jdk AS build
# The image only runs the suite, so the build packages jars without tests; ./mvnw verify (and CI) runs them.
WORKDIR /src
COPY . .
# infra/ is copied whole: the root template names its nested stacks and state machine definitions by relative path.
RUN ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package \
    && mkdir /dist \
    && cp -r --parents infra local-runtime/target/local-runtime-exec.jar services/*/target/*-exec.jar \
       tools/partner-sandbox/target/partner-sandbox-exec.jar /dist/

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
