# Builds and runs ITMall Service Assurance (used by docker-compose.yml).
FROM maven:3.9.11-eclipse-temurin-21 AS build
# the build copies form-js from npm into the jar (src/main/frontend)
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY forms forms
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:21.0.8_9-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 itmall
USER itmall
WORKDIR /app
COPY --from=build /src/target/service-assurance.jar app.jar
EXPOSE 8080
# the profile (demo for the demo data and sign-ins) comes from SPRING_PROFILES_ACTIVE
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
