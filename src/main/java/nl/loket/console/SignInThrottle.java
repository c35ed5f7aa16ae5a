package nl.loket.console;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Sign-in (console form and the scrape account's basic auth) with at most so many failed attempts
 * per account and per client address in each lock-out window; past that every attempt, the right
 * password included, is refused with {@link LockedException} until the window ends. Unknown names
 * are counted like real ones, so a lock-out never tells whether an account exists. The address is
 * the request's remote address: Tomcat replaces it by the forwarded header only for the proxies
 * configured in {@code server.tomcat.remoteip.internal-proxies} (none by default). Counted per node.
 */
final class SignInThrottle implements AuthenticationProvider {

    /** Bounds the memory a spray of made-up names can take; the oldest entries go first. */
    private static final int MAX_TRACKED = 50_000;
    private static final int MAX_NAME_LENGTH = 100;

    private final AuthenticationProvider delegate;
    private final ConsoleProperties.SignIn limits;
    private final TimeMeter time;
    private final MeterRegistry meters;
    private final Map<String, Bucket> accounts = lru();
    private final Map<String, Bucket> addresses = lru();

    SignInThrottle(AuthenticationProvider delegate, ConsoleProperties.SignIn limits, Clock clock, MeterRegistry meters) {
        this.delegate = delegate;
        this.limits = limits;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        this.meters = meters;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String name = attempt.getName() == null ? "" : attempt.getName().strip().toLowerCase(Locale.ROOT);
        Bucket account = bucket(accounts, name.substring(0, Math.min(name.length(), MAX_NAME_LENGTH)),
                limits.maxFailuresPerAccount());
        Bucket address = bucket(addresses, attempt.getDetails() instanceof WebAuthenticationDetails details
                ? String.valueOf(details.getRemoteAddress()) : "", limits.maxFailuresPerAddress());
        // An attempt takes its token before the (slow, bcrypt) check and gets it back only if it
        // succeeds: checking first and counting after let 30 parallel guesses all through.
        if (!account.tryConsume(1)) {
            throw locked();
        }
        if (!address.tryConsume(1)) {
            account.addTokens(1);
            throw locked();
        }
        try {
            Authentication result = delegate.authenticate(attempt);
            account.addTokens(1);
            address.addTokens(1);
            count("succeeded");
            return result;
        } catch (AuthenticationException e) {
            count("failed");
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    private Bucket bucket(Map<String, Bucket> buckets, String key, int failures) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(key, k -> Bucket.builder()
                    .addLimit(limit -> limit.capacity(failures).refillIntervally(failures, limits.lockout()))
                    .withCustomTimePrecision(time).build());
        }
    }

    private LockedException locked() {
        count("locked");
        return new LockedException("too many failed sign-ins");
    }

    private void count(String outcome) {
        meters.counter("loket.console.signins", "outcome", outcome).increment();
    }

    private static Map<String, Bucket> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > MAX_TRACKED;
            }
        };
    }
}
