# syntax=docker/dockerfile:1
# The worker's image: built from source, layered (dependencies change less often than the code), run as a
# non-root user. docker build -t certificate-recall-worker .

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY avro avro
COPY src src
RUN mvn -B -ntp -q -DskipTests package \
 && java -Djarmode=tools -jar target/certificate-recall-worker.jar extract --layers --launcher --destination target/extracted

FROM eclipse-temurin:17-jre
RUN groupadd --system recall && useradd --system --gid recall --uid 10001 --no-create-home recall
WORKDIR /app
COPY --from=build /build/target/extracted/dependencies/ ./
COPY --from=build /build/target/extracted/spring-boot-loader/ ./
COPY --from=build /build/target/extracted/snapshot-dependencies/ ./
COPY --from=build /build/target/extracted/application/ ./
USER 10001
# 8080: actuator (health, info, metrics, prometheus). The worker itself serves no HTTP.
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# Ready: the database, the broker and the listener are up. Uses bash's /dev/tcp: the image has no curl to rely on.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 CMD ["bash", "-c", \
  "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
