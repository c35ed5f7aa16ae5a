package nl.loket.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Only the local {@code ./mvnw spring-boot:run} is demo mode; the container image and the compose
 * file never are (an environment variable beats application-demo.yml, so even the demo profile
 * cannot switch it on in the image).
 */
class ShippedFilesTests {

    @Test
    void theContainerImageSwitchesDemoModeOff() throws Exception {
        assertThat(Files.readString(Path.of("Dockerfile"))).containsPattern("(?m)^ENV .*\\bLOKET_DEMO_ENABLED=false\\b")
                .doesNotContain("SPRING_PROFILES_ACTIVE");
    }

    @Test
    void composeNeitherSwitchesItOnNorPicksTheDemoProfile() throws Exception {
        assertThat(Files.readString(Path.of("docker-compose.yml"))).doesNotContain("LOKET_DEMO_ENABLED")
                .doesNotContain("SPRING_PROFILES_ACTIVE").doesNotContain("spring.profiles.active");
    }

    @Test
    void onlyTheLocalRunUsesTheDemoProfile() throws Exception {
        assertThat(Files.readString(Path.of("pom.xml")))
                .containsPattern("(?s)<artifactId>spring-boot-maven-plugin</artifactId>\\s*<configuration>.*?"
                        + "<profiles>\\s*<profile>demo</profile>\\s*</profiles>");
        assertThat(Files.readString(Path.of("src/main/resources/application.yml")))
                .contains("enabled: ${LOKET_DEMO_ENABLED:false}");
    }
}
