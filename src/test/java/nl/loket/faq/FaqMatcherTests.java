package nl.loket.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.loket.faq.FaqMatch.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaqMatcherTests {

    private final FaqIndex faq = FaqFixture.index();

    private FaqMatch match(String question, String lang) {
        return faq.match(question, lang);
    }

    @Test
    void answersAnExampleQuestionByTheExactRule() {
        FaqMatch match = match("Hoe geef ik mijn METERSTAND door?", "nl");
        assertThat(match.outcome()).isEqualTo(Outcome.ANSWER);
        assertThat(match.best().entry().id()).isEqualTo("meterstand-doorgeven");
        assertThat(match.explanation().rule()).isEqualTo("exact");
        assertThat(match.explanation().matchedKeywords()).contains("meterstand");
    }

    @Test
    void splitsDutchCompoundsSoTheStandOfTheMeterIsTheMeterReading() {
        FaqMatch match = match("hoe geef ik de stand van de meter door", "nl");
        assertThat(match.best().entry().id()).isEqualTo("meterstand-doorgeven");
        assertThat(match.explanation().matchedTerms()).contains("meter", "stand");
        assertThat(match.confident()).isTrue();
    }

    @Test
    void splitsACompoundOnlyWhenItIsMadeOfKnownWords() {
        assertThat(faq.analyze("meterstanden", "nl")).contains("meterstand", "meter", "stand");
        // "verhuiswagen": "verhuis" is known, "wagen" is not, so the word stays whole
        assertThat(faq.analyze("verhuiswagen", "nl")).containsExactly("verhuiswag");
    }

    @Test
    void explainsWhichSignalMatchedWhat() {
        FaqMatch match = match("ik wil verhuizn", "nl");
        assertThat(match.best().entry().id()).isEqualTo("verhuizen");
        assertThat(match.explanation().wordSimilarity()).isPositive();
        assertThat(match.explanation().ngramSimilarity()).isPositive();
        assertThat(match.explanation().nearestExample()).isEqualTo("Verhuizen");
        assertThat(match.explanation().similarity()).isCloseTo(
                (match.explanation().wordSimilarity() + match.explanation().ngramSimilarity()) / 2,
                org.assertj.core.data.Offset.offset(0.002));
    }

    @Test
    void stemsDutchInflections() {
        assertThat(match("wij zijn aan het verhuizen", "nl").explanation().analyzedQuery()).contains("verhuiz");
        assertThat(match("verhuisde", "nl").best().entry().id()).isEqualTo("verhuizen");
    }

    @Test
    void usesSynonymGroups() {
        FaqMatch match = match("we krijgen een nieuwe woning", "nl");
        assertThat(match.best().entry().id()).isEqualTo("verhuizen");
        assertThat(match.explanation().matchedTerms()).anyMatch(t -> t.startsWith(FaqAnalyzer.SYNONYM_TOKEN));
    }

    @Test
    void toleratesTypos() {
        FaqMatch match = match("meterstnd doorgevn", "nl");
        assertThat(match.best().entry().id()).isEqualTo("meterstand-doorgeven");
        assertThat(match.explanation().corrections()).containsEntry("meterstnd", "meterstand");
    }

    @Test
    void keepsNegationsSoABrokenAppIsNotADownloadQuestion() {
        FaqMatch match = match("de app werkt niet meer", "nl");
        assertThat(match.explanation().analyzedQuery()).contains("niet");
        assertThat(match.best().entry().id()).isEqualTo("app-storing");
        assertThat(match.explanation().matchedTerms()).contains("niet");
    }

    @Test
    void marksTheWordANegationAppliesToSoNotPayingByDirectDebitIsAboutOtherWaysToPay() {
        assertThat(faq.analyze("geen automatische incasso", "nl")).contains("automatisch", "!automatisch", "incasso")
                .doesNotContain("!incasso", "!gen");
        assertThat(faq.analyze("I do not want a direct debit", "en")).contains("want", "!want").doesNotContain("!direct");

        // Without the marks the shorter "incasso instellen" wins: both entries share only "incasso".
        var index = FaqIndex.build(List.of(entry("automatische-incasso", "incasso instellen", "incasso aanvragen",
                "machtiging afgeven"), entry("betaalmethoden", "betalen zonder incasso", "betalen met ideal",
                        "andere manieren van betalen")), Map.of(), FaqProperties.defaults(FaqFixture.DIR));
        FaqMatch match = index.match("liever geen incasso", "nl");
        assertThat(match.best().entry().id()).isEqualTo("betaalmethoden");
        assertThat(match.explanation().matchedTerms()).contains("!incasso");
    }

    private static FaqEntry entry(String id, String... questions) {
        return new FaqEntry(id, "nl", id, List.of(questions), List.of(), List.of(), List.of(), List.of(), null, null,
                null, "antwoord", id + ".md");
    }

    @Test
    void asksWhichEntryIsMeantWhenTwoFitEqually() {
        FaqMatch match = match("termijnbedrag aanpassen", "nl");
        assertThat(match.outcome()).isEqualTo(Outcome.CLARIFY);
        assertThat(match.confident()).isFalse();
        assertThat(match.clarify()).extracting(c -> c.entry().id())
                .containsExactlyInAnyOrder("termijnbedrag-verhogen", "termijnbedrag-verlagen");
    }

    @Test
    void anEntrysMinScoreCanOnlyRaiseTheBar() {
        FaqMatch ranked = match("mijn stroom is uitgevallen in huis", "nl");
        assertThat(ranked.best().entry().id()).isEqualTo("stroomstoring");
        assertThat(ranked.confidence()).isGreaterThan(0.8);
        assertThat(ranked.outcome()).isEqualTo(Outcome.NONE);
        assertThat(match("ik heb geen stroom", "nl").outcome()).isEqualTo(Outcome.ANSWER);
    }

    @Test
    void answersAnEntryWithRequiredKeywordsOnlyWhenTheQuestionHoldsOne(@TempDir Path dir) throws IOException {
        FaqFixture.copyTo(dir);
        Path file = dir.resolve("nl/verhuizen.md");
        Files.writeString(file, Files.readString(file).replace("questions:",
                "requiredKeywords: [verhuizen, adres, meenemen]\nquestions:"));
        var loaded = FaqFiles.read(dir, null);
        var index = FaqIndex.build(loaded.entries(), loaded.synonyms(), FaqProperties.defaults(dir));
        assertThat(loaded.problems()).isEmpty();

        // "nieuwe woning" is in the synonym group of "verhuizen": the group counts as the keyword
        FaqMatch synonym = index.match("we krijgen een nieuwe woning", "nl");
        assertThat(synonym.outcome()).isEqualTo(Outcome.ANSWER);
        assertThat(synonym.explanation().matchedKeywords()).contains("verhuizen");
        assertThat(index.match("wat moet ik regelen bij mijn verhuizing naar een ander adres", "nl").outcome())
                .isEqualTo(Outcome.ANSWER);

        String without = "wat moet ik allemaal regelen";
        assertThat(match(without, "nl").best().entry().id()).isEqualTo("verhuizen");
        FaqMatch gated = index.match(without, "nl");
        assertThat(gated.best().entry().id()).isEqualTo("verhuizen");
        assertThat(gated.outcome()).isEqualTo(Outcome.NONE);
        assertThat(gated.explanation().rule()).isEqualTo("required-keyword-missing");
    }

    @Test
    void passesOnQuestionsNoEntryCovers() {
        FaqMatch match = match("wat is het weer morgen in Amsterdam", "nl");
        assertThat(match.outcome()).isEqualTo(Outcome.NONE);
        assertThat(match.confidence()).isLessThan(0.5);
    }

    @Test
    void reportsAHandoverEntryAsAnAnswerThatHandsOver() {
        FaqMatch match = match("ik wil een klacht indienen over de app", "nl");
        assertThat(match.outcome()).isEqualTo(Outcome.ANSWER);
        assertThat(match.best().entry().handsOver()).isTrue();
        assertThat(match.best().entry().handover()).isEqualTo("klachten");
    }

    @Test
    void detectsTheLanguageWhenNoneIsGivenOrTheQuestionIsClearlyInTheOther() {
        FaqMatch none = match("how do I send you my meter readings", null);
        assertThat(none.explanation().detectedLanguage()).isEqualTo("en");
        assertThat(none.best().entry().id()).isEqualTo("submit-meter-reading");
        FaqMatch other = match("I want to give you my readings please", "nl");
        assertThat(other.explanation().language()).isEqualTo("en");
        assertThat(match("ik wil mijn meterstand doorgeven", "nl").explanation().detectedLanguage()).isNull();
    }

    @Test
    void retrievesTheBestEntriesForGrounding() {
        assertThat(faq.retrieve("termijnbedrag aanpassen", "nl", 2)).extracting(FaqEntry::id)
                .containsExactlyInAnyOrder("termijnbedrag-verhogen", "termijnbedrag-verlagen");
    }

    @Test
    void confidenceIsAProbability() {
        for (String q : new String[] {"app", "meterstand", "klacht over jullie", "xyz qqq", "de de de"}) {
            assertThat(match(q, "nl").confidence()).isBetween(0.0, 1.0);
        }
    }
}
