package nl.loket.gateway;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.convert.DurationStyle;

/**
 * A token bucket with a burst, written {@code "<burst>, <tokens>/<period>"} in configuration: up to
 * {@code burst} at once, refilled with {@code tokens} every {@code period} (spread evenly). The burst
 * is what lets a person who waits for each answer never be refused; the refill is the pace a script
 * is held to.
 */
public record Budget(long burst, long tokens, Duration period) {

    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,9})\\s*,\\s*(\\d{1,9})\\s*/\\s*(\\S+)\\s*");

    public Budget {
        if (burst < 1 || tokens < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a budget needs a burst and tokens of at least 1 and a positive period");
        }
    }

    /** Reads {@code "20, 6/1m"}; Spring's binder calls it for configuration values. */
    public static Budget valueOf(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a budget; write <burst>, <tokens>/<period>, "
                    + "e.g. 20, 6/1m");
        }
        return new Budget(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), DurationStyle.detectAndParse(m.group(3)));
    }

    BucketConfiguration configuration() {
        return BucketConfiguration.builder().addLimit(bandwidth()).build();
    }

    /** The same on every node for the same budget (record hash codes are not promised to be). */
    long version() {
        return (burst * 1_000_003L + tokens) * 1_000_003L + period.toNanos();
    }

    Bandwidth bandwidth() {
        return Bandwidth.builder().capacity(burst).refillGreedy(tokens, period).build();
    }

    /** For error messages: {@code 30 at once, then 5 per 1s}. */
    String described() {
        String form = toString();
        return burst + " at once, then " + tokens + " per " + form.substring(form.indexOf('/') + 1);
    }

    /** The configuration form again, e.g. {@code 20, 6/1m}, for messages and the documentation. */
    @Override
    public String toString() {
        return burst + ", " + tokens + "/" + (period.toMillis() % 1000 != 0 ? period.toMillis() + "ms"
                : period.toSeconds() % 60 != 0 ? period.toSeconds() + "s"
                : period.toMinutes() % 60 != 0 ? period.toMinutes() + "m" : period.toHours() + "h");
    }
}
