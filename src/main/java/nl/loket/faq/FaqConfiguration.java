package nl.loket.faq;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;

@Configuration(proxyBeanMethods = false)
class FaqConfiguration {

    @Bean
    FaqLibrary faqLibrary(FaqProperties properties, TaskScheduler scheduler,
            ObjectProvider<SentenceEmbeddings> embeddings, ObjectProvider<Clock> clock) {
        var semantic = SemanticSources.of(properties.semantic(), embeddings.orderedStream().toList(),
                properties.semantic().cache());
        return new FaqLibrary(properties, scheduler, semantic, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    Faq faq(FaqLibrary library, ObjectProvider<Clock> clock) {
        return new Faq(library::current, clock.getIfAvailable(Clock::systemUTC));
    }
}
