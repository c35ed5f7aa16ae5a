package nl.loket.faq;

import java.util.List;
import nl.loket.conversation.QuickReply;

/**
 * One FAQ entry as an editor wrote it.
 *
 * @param requiredKeywords words or phrases of which the question must contain at least one (after
 *     analysis: stems, compound parts, synonyms) before this entry is answered; empty for no such rule
 * @param answer the answer as Markdown (what the widget renders)
 * @param handover a queue name when this question always goes to a person; null otherwise
 * @param minScore the confidence this entry needs to be answered, or null for the global threshold
 * @param notice when the entry is also a known-issue notice; null otherwise
 * @param file the file it came from, relative to the FAQ folder
 */
public record FaqEntry(String id, String lang, String title, List<String> questions, List<String> keywords,
        List<String> requiredKeywords, List<String> tags, List<QuickReply> quickReplies, String handover,
        Double minScore, FaqNotice notice, String answer, String file) {

    public FaqEntry {
        questions = List.copyOf(questions);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        requiredKeywords = requiredKeywords == null ? List.of() : List.copyOf(requiredKeywords);
        tags = tags == null ? List.of() : List.copyOf(tags);
        quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
    }

    /** The answer as sanitised HTML, for the console and the API. */
    public String answerHtml() {
        return Markdown.toSafeHtml(answer);
    }

    public boolean handsOver() {
        return handover != null && !handover.isBlank();
    }
}
