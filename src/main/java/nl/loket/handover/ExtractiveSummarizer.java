package nl.loket.handover;

import java.util.ArrayList;
import java.util.List;

/** The default summary: sentences picked from what is known, no model involved. */
final class ExtractiveSummarizer implements HandoverSummarizer {

    @Override
    public HandoverSummary summarize(HandoverPacket packet) {
        List<String> parts = new ArrayList<>();
        parts.add("Question: \"" + shorten(packet.question(), 200) + "\".");
        long answers = packet.botAttempts().size();
        long unhelpful = packet.botAttempts().stream().filter(a -> Boolean.FALSE.equals(a.helpful())).count();
        if (answers > 0) {
            var last = packet.botAttempts().getLast();
            String source = last.sources().isEmpty() ? "" : " (" + last.sources().getFirst().title() + ")";
            parts.add("The assistant answered " + answers + (answers == 1 ? " time" : " times")
                    + (unhelpful > 0 ? ", " + unhelpful + " marked unhelpful" : "") + "; last: " + tierName(last.tier())
                    + source + ".");
        } else {
            parts.add("The assistant gave no answer.");
        }
        parts.add("Handed over because: " + packet.reason() + ".");
        if (!packet.details().isEmpty()) {
            parts.add("Details: " + String.join(", ", packet.details().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).toList()) + ".");
        }
        return new HandoverSummary(String.join(" ", parts), HandoverSummary.EXTRACTIVE);
    }

    private static String tierName(String tier) {
        return tier == null ? "fallback" : tier;
    }

    private static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
