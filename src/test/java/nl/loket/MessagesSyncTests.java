package nl.loket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every text the bot says exists in English and in Dutch. */
class MessagesSyncTests {

    @Test
    void dutchAndEnglishTextsHaveTheSameKeys() throws IOException {
        Properties english = load("/messages.properties");
        Properties dutch = load("/messages_nl.properties");
        assertThat(dutch.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(english.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
        assertThat(dutch.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesSyncTests.class.getResourceAsStream(name)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
