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
COPY --from=build /src/target/subwatch-*.jar subwatch.jar
# Class data sharing, Spring Boot's start-up recipe (the benchmark's M10 starts the app the same way, see
# src/test/java/io/subwatch/bench/Launch.java): extract the jar, let a training run that stops after start-up record
# the classes it loads, then start from that archive (about a third faster on 2 cores).
RUN java -Djarmode=tools -jar subwatch.jar extract --destination app \
 && java -XX:ArchiveClassesAtExit=app/application.jsa -Dspring.context.exit=onRefresh -jar app/subwatch.jar \
      "--spring.datasource.url=jdbc:h2:mem:training;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" \
      --subwatch.jobs.enabled=false --subwatch.demo.enabled=false \
      --subwatch.simulator.enabled=false \
 && rm subwatch.jar
# 8080: the console and APIs; 8081: actuator (health, info, prometheus; SUBWATCH_MANAGEMENT_PORT), internal only.
EXPOSE 8080 8081
ENTRYPOINT ["java", "-Xmx512m", "-XX:SharedArchiveFile=app/application.jsa", "-jar", "app/subwatch.jar"]
