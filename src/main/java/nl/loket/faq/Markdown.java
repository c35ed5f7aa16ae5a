package nl.loket.faq;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Renders editor Markdown to HTML that is safe to put in a page: raw HTML in the Markdown is
 * escaped by the renderer, and the result still passes an allow-list, so a mistake in one file
 * can never inject script into the console.
 */
final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder().allowElements("a", "ul", "ol", "li", "code", "pre", "hr", "br")
                    .allowAttributes("href").onElements("a").allowStandardUrlProtocols()
                    .requireRelsOnLinks("noopener", "noreferrer").toFactory());

    private Markdown() {
    }

    static String toSafeHtml(String markdown) {
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown == null ? "" : markdown)));
    }
}
