package nl.loket.action;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The request an action sends when the customer confirms, and how its response is read.
 *
 * @param system the configured system ({@code loket.actions.systems.<name>}) whose base URL and headers it uses
 * @param path the path below the base URL; {@code {name}} parts are filled with values, each encoded as one
 *     path segment, so no value can reach the scheme, host or query
 * @param body the JSON body template; a string that is exactly {@code "{name}"} becomes the value (a number for
 *     numbers and amounts), other strings have their {@code {name}} parts filled in; null: no body
 * @param successPointer when not null, a 2xx response counts only when this JSON pointer has {@code successValue}
 * @param referencePointer where the reference number is in the response; null when there is none
 * @param messagePointer where a message for the customer is in the response (also in error responses)
 * @param errors what the customer is told, by {@code "409"}, {@code "4xx"}, {@code "5xx"}, {@code "timeout"},
 *     {@code "unavailable"} or {@code "unexpected"}; {@code {message}} is the back-end's message
 */
record ActionCall(String system, String method, String path, JsonNode body, Duration timeout, String successPointer,
        String successValue, String referencePointer, String messagePointer, Map<String, Texts> errors) {

    static final List<String> METHODS = List.of("POST", "PUT", "PATCH");

    ActionCall {
        errors = Map.copyOf(errors);
    }
}
