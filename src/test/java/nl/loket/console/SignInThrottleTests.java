package nl.loket.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.loket.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

class SignInThrottleTests {

    private static final BCryptPasswordEncoder ENCODER = new BCryptPasswordEncoder(4);

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SignInThrottle throttle = new SignInThrottle(provider(),
            new ConsoleProperties.SignIn(5, 20, Duration.ofMinutes(15)), clock, meters);

    @Test
    void throttlesThirtyWrongPasswordsInARowAndRefusesTheRightOneUntilTheLockOutEnds() {
        int wrong = 0;
        int locked = 0;
        for (int i = 0; i < 30; i++) {
            try {
                throttle.authenticate(attempt("anna", "guess" + i, "203.0.113.7"));
            } catch (LockedException e) {
                locked++;
            } catch (BadCredentialsException e) {
                wrong++;
            }
        }
        assertThat(wrong).isEqualTo(5);
        assertThat(locked).isEqualTo(25);

        assertThatThrownBy(() -> throttle.authenticate(attempt("anna", "right password", "198.51.100.1")))
                .as("the right password during the lock-out, even from another address").isInstanceOf(LockedException.class);
        clock.advance(Duration.ofMinutes(14));
        assertThatThrownBy(() -> throttle.authenticate(attempt("anna", "right password", "198.51.100.1")))
                .isInstanceOf(LockedException.class);
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.authenticate(attempt("anna", "right password", "198.51.100.1")).isAuthenticated()).isTrue();

        assertThat(meters.counter("loket.console.signins", "outcome", "failed").count()).isEqualTo(5);
        assertThat(meters.counter("loket.console.signins", "outcome", "locked").count()).isEqualTo(27);
        assertThat(meters.counter("loket.console.signins", "outcome", "succeeded").count()).isEqualTo(1);
    }

    @Test
    void countsGuessesStillBeingCheckedSoParallelOnesGetNoMoreTries() throws Exception {
        var checking = new AtomicInteger();
        var settled = new CountDownLatch(30);
        var release = new CountDownLatch(1);
        // a password check that holds every guess until all 30 are either in it or refused
        var slow = new SignInThrottle(new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication attempt) {
                checking.incrementAndGet();
                settled.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new BadCredentialsException("wrong");
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return true;
            }
        }, new ConsoleProperties.SignIn(5, 20, Duration.ofMinutes(15)), clock, meters);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> guesses = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                guesses.add(threads.submit(() -> {
                    try {
                        slow.authenticate(attempt("anna", "guess", "203.0.113.7"));
                    } catch (LockedException e) {
                        settled.countDown();
                    }
                    return null;
                }));
            }
            try {
                assertThat(settled.await(1, TimeUnit.MINUTES)).as("every guess checked or refused").isTrue();
                assertThat(checking.get()).as("guesses that reached the password check").isEqualTo(5);
            } finally {
                release.countDown();
            }
        }
        assertThat(meters.counter("loket.console.signins", "outcome", "failed").count()).isEqualTo(5);
        assertThat(meters.counter("loket.console.signins", "outcome", "locked").count()).isEqualTo(25);
    }

    @Test
    void leavesOtherAccountsAlone() {
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> throttle.authenticate(attempt("anna", "guess", "203.0.113.7")))
                    .isInstanceOf(org.springframework.security.core.AuthenticationException.class);
        }
        assertThat(throttle.authenticate(attempt("bram", "right password", "198.51.100.1")).isAuthenticated()).isTrue();
    }

    @Test
    void locksAnAddressThatTriesManyAccountsWithoutTellingWhichExist() {
        for (int i = 0; i < 20; i++) {
            String name = i < 4 ? "anna" : "nobody" + i;
            assertThatThrownBy(() -> throttle.authenticate(attempt(name, "guess", "203.0.113.7")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> throttle.authenticate(attempt("bram", "right password", "203.0.113.7")))
                .isInstanceOf(LockedException.class);
        assertThatThrownBy(() -> throttle.authenticate(attempt("nobody-at-all", "x", "203.0.113.7")))
                .isInstanceOf(LockedException.class);
        assertThat(throttle.authenticate(attempt("bram", "right password", "198.51.100.1")).isAuthenticated()).isTrue();
    }

    private static DaoAuthenticationProvider provider() {
        var users = new InMemoryUserDetailsManager(
                User.withUsername("anna").password(ENCODER.encode("right password")).roles("AGENT").build(),
                User.withUsername("bram").password(ENCODER.encode("right password")).roles("AGENT").build());
        var provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(ENCODER);
        return provider;
    }

    private static Authentication attempt(String name, String password, String address) {
        var request = new MockHttpServletRequest("POST", "/console/login");
        request.setRemoteAddr(address);
        var token = UsernamePasswordAuthenticationToken.unauthenticated(name, password);
        token.setDetails(new WebAuthenticationDetails(request));
        return token;
    }
}
