package nl.loket.insight;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the insights page shows for a period and language, every figure derived from the stored
 * conversations. Shares are 0..1; times in seconds; a figure without data is null.
 */
public record InsightsReport(Period period, Value value, List<Week> weeks, List<Topic> topics,
        List<Unanswered> unanswered, List<Unhelpful> unhelpful, List<ReasonCount> handoverReasons,
        List<EntryHits> entryHits, List<ActionHits> actionHits) {

    public record Period(LocalDate from, LocalDate to, String lang) {
    }

    public record Value(int conversations, int resolvedWithoutPerson, Double resolvedShare, int handovers,
            Double handoverRate, Double averageTimeToHumanSeconds, Answers answers, Map<String, Csat> csat,
            Cost cost) {
    }

    /**
     * What the bot did with the customers' questions: answered from the FAQ, offered a choice of entries
     * (clarified), answered with the LLM, completed a self-service action, or passed on (no confident
     * answer: a person or another wording offered).
     */
    public record Answers(int faq, int clarified, int llm, int actionsCompleted, int passedOn) {
    }

    /** Scores by who handled the chat: {@code bot} (alone), {@code person}, {@code queue} (nobody came). */
    public record Csat(int count, Double average) {
    }

    public record Cost(String currency, double perAgentChat, double perBotConversation, double withoutBot, double withBot,
            double saved, Double savedShare, double target, boolean targetMet) {
    }

    public record Week(String week, LocalDate start, int conversations, Double resolvedShare, Double handoverRate) {
    }

    /**
     * An FAQ entry as a topic: in how many conversations it answered (from the FAQ, or cited by the LLM:
     * {@code llmConversations} of them), and how many still went to a person after its first answer.
     */
    public record Topic(String entryId, String title, int conversations, int llmConversations, int handovers,
            Double handoverRate, double priority) {
    }

    /**
     * Near-duplicate questions without a confident answer, with a draft FAQ file for them; {@code groupedBy}
     * is {@code meaning} (the FAQ's semantic signal) or {@code words} (shared words: a language without it).
     */
    public record Unanswered(int count, List<String> examples, String closestEntryId, String closestTitle,
            String lang, String groupedBy, String draftFile, String draft) {
    }

    public record Unhelpful(String entryId, String title, String tier, int count) {
    }

    public record ReasonCount(String week, String reason, int count) {
    }

    public record EntryHits(String entryId, String title, String lang, int hits) {
    }

    /** A self-service action's results in the period, by outcome. */
    public record ActionHits(String actionId, String title, int completed, int rejected, int failed) {
    }
}
