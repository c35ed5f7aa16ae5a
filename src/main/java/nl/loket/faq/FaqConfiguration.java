package nl.loket.faq;

import java.time.Clock;
import nl.loket.content.ContentWatcher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FaqConfiguration {

    @Bean
    FaqLibrary faqLibrary(FaqProperties properties, ContentWatcher watcher, ObjectProvider<SentenceEmbeddings> embeddings,
            Clock clock) {
        var semantic = SemanticSources.of(properties.semantic(), embeddings.orderedStream().toList(),
                properties.semantic().cache());
        return new FaqLibrary(properties, watcher, semantic, clock);
    }

    @Bean
    Faq faq(FaqLibrary library, Clock clock) {
        return new Faq(library::current, clock);
    }
}
