package nl.loket.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensTests {

    @Test
    void makesTokensOfAtLeast128RandomBits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = Tokens.newToken();
            assertThat(Base64.getUrlDecoder().decode(token)).hasSizeGreaterThanOrEqualTo(16);
            assertThat(seen.add(token)).isTrue();
        }
    }

    @Test
    void matchesOnlyTheTokenItsHashWasMadeFrom() {
        String token = Tokens.newToken();
        String hash = Tokens.hash(token);
        assertThat(hash).doesNotContain(token).hasSize(64);
        assertThat(Tokens.matches(token, hash)).isTrue();
        assertThat(Tokens.matches(token.substring(1), hash)).isFalse();
        assertThat(Tokens.matches(null, hash)).isFalse();
        assertThat(Tokens.matches(token, null)).isFalse();
    }
}
