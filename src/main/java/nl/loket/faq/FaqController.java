package nl.loket.faq;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What editors and tools ask the FAQ over HTTP: try a question, and the active notices for the widget. */
@RestController
class FaqController {

    static final int MAX_QUESTION = 500;

    private final Faq faq;

    FaqController(Faq faq) {
        this.faq = faq;
    }

    /** An entry with its similarity to the question (one scale for best, candidates and clarify). */
    record EntryScore(String id, String title, double similarity) {
        static EntryScore of(FaqCandidate candidate) {
            return new EntryScore(candidate.entry().id(), candidate.entry().title(),
                    FaqIndex.round(candidate.similarity()));
        }
    }

    /**
     * @param best the best entry and its similarity (the same number as its candidate's)
     * @param confidence the calibrated chance that {@code best} is right; a similarity is not a probability
     * @param confident whether the question is answered: the confidence reached the threshold (or the entry's
     *     {@code minScore}), the best entry leads the runner-up by the margin, and a required keyword is there
     */
    record MatchResponse(EntryScore best, double confidence, boolean confident, String outcome,
            List<EntryScore> candidates, List<EntryScore> clarify, MatchExplanation explanation) {
    }

    record NoticeResponse(String id, String title, String html, String markdown, OffsetDateTime from,
            OffsetDateTime until) {
    }

    record ApiError(String code, String message) {
    }

    static final class BadRequest extends RuntimeException {
        final String code;

        BadRequest(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    @GetMapping("/api/faq/match")
    MatchResponse match(@RequestParam(required = false) String q, @RequestParam(required = false) String lang) {
        if (q == null || q.isBlank()) {
            throw new BadRequest("missing_question", "Give the question as parameter q.");
        }
        if (q.length() > MAX_QUESTION) {
            throw new BadRequest("question_too_long", "A question has at most " + MAX_QUESTION + " characters.");
        }
        FaqMatch match = faq.match(q, language(lang, true));
        return new MatchResponse(match.best() == null ? null : EntryScore.of(match.best()),
                FaqIndex.round(match.confidence()), match.confident(), match.outcome().name().toLowerCase(Locale.ROOT),
                match.candidates().stream().map(EntryScore::of).toList(),
                match.clarify().stream().map(EntryScore::of).toList(), match.explanation());
    }

    @GetMapping("/api/notices")
    List<NoticeResponse> notices(@RequestParam(required = false) String lang) {
        return faq.activeNotices(language(lang, false)).stream()
                .map(e -> new NoticeResponse(e.id(), e.title(), e.answerHtml(), e.answer(), e.notice().from(),
                        e.notice().until()))
                .toList();
    }

    private static String language(String lang, boolean optional) {
        if ((lang == null || lang.isBlank()) && optional) {
            return null;
        }
        if (lang == null || !FaqFiles.LANGUAGES.contains(lang)) {
            throw new BadRequest("unsupported_language", "Parameter lang must be nl or en.");
        }
        return lang;
    }

    @ExceptionHandler(BadRequest.class)
    ResponseEntity<ApiError> badRequest(BadRequest e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(new ApiError(e.code, e.getMessage()));
    }
}
