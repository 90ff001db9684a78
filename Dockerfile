# The local suite in a container: the same launcher as ./run-local, with Floci (or LocalStack) as the AWS API.
FROM eclipse-temurin:21-jdk AS build
# The image only runs the suite, so the build packages jars without tests; ./mvnw verify (and CI) runs them.
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package \
    && mkdir /dist \
    && cp --parents infra/template.yaml local-runtime/target/local-runtime-exec.jar services/*/target/*-exec.jar /dist/

FROM eclipse-temurin:21-jre
WORKDIR /suite
COPY --from=build /dist /suite
EXPOSE 3000
ENTRYPOINT ["java", "-jar", "local-runtime/target/local-runtime-exec.jar", "--template", "infra/template.yaml", "--host", "0.0.0.0"]
CMD ["--port", "3000", "--show-secret", "AdminClientSecret"]
