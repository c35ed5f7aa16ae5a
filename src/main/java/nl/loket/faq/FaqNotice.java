package nl.loket.faq;

import java.time.Instant;
import java.time.OffsetDateTime;

/** A known issue (an outage, a price change) that is shown before the chat starts while it is active. */
public record FaqNotice(OffsetDateTime from, OffsetDateTime until) {

    public boolean activeAt(Instant now) {
        return !now.isBefore(from.toInstant()) && now.isBefore(until.toInstant());
    }
}
