package nl.loket.action;

/** What sending a confirmed action came to. */
sealed interface ActionResult {

    /** The outcome's name in the log and the metrics. */
    String outcome();

    /** The system did it; {@code reference} may be null when the action reads none. */
    record Succeeded(String reference, String message) implements ActionResult {
        @Override
        public String outcome() {
            return "completed";
        }
    }

    /** The system answered but would not do it (a 4xx): {@code message} is its reason for the customer, if any. */
    record Refused(int status, String message) implements ActionResult {
        @Override
        public String outcome() {
            return "rejected";
        }
    }

    /**
     * The system could not be asked or did not answer usably.
     *
     * @param kind {@code timeout}, {@code 5xx}, {@code unexpected} (a body the action cannot read) or
     *     {@code unavailable} (not configured, not reachable, or the breaker is open)
     */
    record Failed(String kind) implements ActionResult {
        @Override
        public String outcome() {
            return "failed";
        }
    }
}
