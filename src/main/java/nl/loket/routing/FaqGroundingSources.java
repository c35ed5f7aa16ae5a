package nl.loket.routing;

import java.util.List;
import nl.loket.faq.Faq;
import nl.loket.faq.FaqEntry;
import nl.loket.llm.GroundingSource;
import nl.loket.llm.GroundingSources;
import org.springframework.stereotype.Component;

/** The LLM tier's sources are the FAQ tier's best entries; routing joins the two, neither knows the other. */
@Component
class FaqGroundingSources implements GroundingSources {

    private final Faq faq;

    FaqGroundingSources(Faq faq) {
        this.faq = faq;
    }

    @Override
    public List<GroundingSource> find(String question, String lang, int k) {
        return faq.retrieve(question, lang, k).stream()
                .map(FaqGroundingSources::source)
                .toList();
    }

    @Override
    public List<CorpusEntry> corpus() {
        return faq.entries().stream().map(entry -> new CorpusEntry(entry.lang(), source(entry),
                entry.title() + "\n" + String.join("\n", entry.questions()) + "\n\n" + entry.answer())).toList();
    }

    private static GroundingSource source(FaqEntry entry) {
        return GroundingSource.of(entry.id(), entry.title(), entry.answer());
    }
}
