# Loket as a container: build with the Maven wrapper on a JDK 25, run on a JRE 25.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 loket
WORKDIR /app
COPY --from=build /src/target/loket-*.jar /app/loket.jar
COPY faq /app/faq
COPY prompts /app/prompts
COPY actions /app/actions
USER loket
EXPOSE 8080
# Never demo mode: Loket refuses to start without real agents, a Redis and the allowed origins
# (README, docs/handover.md); accounts can come from /app/config/application.yml (a mounted folder).
# The actions are offered once their system has a base URL: LOKET_ACTIONS_POLDER_BASE_URL (docs/actions.md).
ENV LOKET_FAQ_DIR=/app/faq LOKET_PROMPTS_DIR=/app/prompts LOKET_ACTIONS_DIR=/app/actions LOKET_DEMO_ENABLED=false
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/loket.jar"]
