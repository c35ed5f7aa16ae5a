package nl.loket.routing;

import java.util.List;
import nl.loket.conversation.ConversationStatus;

/** What the router did with one customer message; the router switches on it exhaustively. */
sealed interface RouteOutcome {

    /** The bot does not speak: the chat is queued, with an agent, closed or unknown. */
    record Silent(ConversationStatus status) implements RouteOutcome {
    }

    /** A running dialogue took the message (asked again, asked the next field, or ended). */
    record DialogueContinued(String dialogue) implements RouteOutcome {
    }

    record HandoverStarted(String reason) implements RouteOutcome {
    }

    /** @param topic the entry's tags: a later handover goes to the queue for them */
    record FaqAnswered(String entryId, List<String> topic) implements RouteOutcome {
    }

    record Clarified(List<String> candidates) implements RouteOutcome {
    }

    record LlmAnswered() implements RouteOutcome {
    }

    /** Neither tier could answer; the bot said so and offered {@code offered} (talk to a person). */
    record NotAnswered(String llmOutcome, String offered) implements RouteOutcome {
    }
}
