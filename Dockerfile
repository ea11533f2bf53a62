# Builds the app image for docker-compose.yml: the Maven build in one stage, the jar on a JRE in the next.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
COPY frontend-assets frontend-assets
RUN ./mvnw -B -ntp -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --create-home subwatch
USER subwatch
WORKDIR /home/subwatch
COPY --from=build /src/target/subwatch-*.jar app.jar
EXPOSE 8080
ENTRYPOINT ["java", "-Xmx512m", "-jar", "app.jar"]
