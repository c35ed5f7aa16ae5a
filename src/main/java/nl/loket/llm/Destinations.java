package nl.loket.llm;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Everywhere a reader can go from a text: the hosts of its links, its e-mail addresses and phone
 * numbers, normalised so that the ones an answer uses can be compared with the ones its sources
 * give ({@code host:example.nl}, {@code mail:info@example.nl}, {@code phone:0201234567},
 * {@code scheme:javascript}, {@code path:/login}).
 *
 * <p>Links are read as CommonMark (inline, reference-style, autolinks, entities and escapes decoded)
 * and resolved as a browser does (WHATWG URL: {@code \} is {@code /}, any number of slashes after
 * {@code https:}, user info before {@code @} is not the host, percent-encoded hosts). The raw text is
 * scanned as well, for bare domains and for what a parser would not call a link but a reader could
 * still copy.
 */
final class Destinations {

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.\\-]*):(.*)$", Pattern.DOTALL);
    /** Schemes a reader can follow; anything else is named only when it is used as a link. */
    private static final Pattern SCHEME_IN_TEXT = Pattern.compile("(?i)(?<![\\p{L}\\p{N}.+\\-])"
            + "(https?|wss?|ftp|file|javascript|vbscript|data|mailto|tel|sms|callto|whatsapp|intent):"
            + "([^\\s<>\"'`]*)");
    private static final Pattern SCHEME_RELATIVE = Pattern.compile("(?<![\\p{L}\\p{N}:/\\\\])[/\\\\]{2}"
            + "([^\\s<>\"'`]+)");
    private static final String DOT = "[.\\u3002\\uFF0E\\uFF61]";
    private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\-]{0,61}[\\p{L}\\p{N}])?";
    private static final Pattern BARE_DOMAIN = Pattern.compile("(?<![\\p{L}\\p{N}@._%+\\-/\\\\:])((?:" + LABEL + DOT
            + ")+\\p{L}{2,63})(?![\\p{L}\\p{N}\\-@]|" + DOT + "[\\p{L}\\p{N}])");
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+\\-]+@(?:" + LABEL + DOT + ")+\\p{L}{2,63}");
    private static final Pattern AUTHORITY_END = Pattern.compile("[/?#\\s<>\"'`()\\[\\]{}*|^]");

    private Destinations() {
    }

    static Set<String> in(String markdown) {
        Set<String> found = new LinkedHashSet<>();
        if (markdown == null || markdown.isBlank()) {
            return found;
        }
        MARKDOWN.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                destination(link.getDestination(), found);
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                destination(image.getDestination(), found);
                visitChildren(image);
            }

            @Override
            public void visit(LinkReferenceDefinition definition) {
                destination(definition.getDestination(), found);
            }

            @Override
            public void visit(Text text) {
                scan(text.getLiteral(), found);
            }

            @Override
            public void visit(Code code) {
                scan(code.getLiteral(), found);
            }

            @Override
            public void visit(FencedCodeBlock block) {
                scan(block.getLiteral(), found);
            }

            @Override
            public void visit(IndentedCodeBlock block) {
                scan(block.getLiteral(), found);
            }

            @Override
            public void visit(HtmlInline html) {
                scan(html.getLiteral(), found);
            }

            @Override
            public void visit(HtmlBlock html) {
                scan(html.getLiteral(), found);
            }
        });
        scan(markdown, found);
        return found;
    }

    /** A link's destination, resolved as a browser resolves it. */
    private static void destination(String raw, Set<String> found) {
        // WHATWG: leading and trailing spaces and controls go, tabs and newlines anywhere, "\" is "/".
        String d = raw == null ? "" : raw.strip().replaceAll("[\\t\\n\\r]", "").replace('\\', '/');
        Matcher scheme = SCHEME.matcher(d);
        if (scheme.matches()) {
            String name = scheme.group(1).toLowerCase(Locale.ROOT);
            String rest = scheme.group(2);
            switch (name) {
                case "http", "https", "ws", "wss", "ftp" -> host(rest, found);
                case "mailto" -> mail(rest.replaceFirst("[?#].*", ""), found);
                case "tel", "sms", "callto" -> phones(rest, found);
                default -> found.add("scheme:" + name);
            }
        } else if (d.startsWith("//")) {
            host(d, found);
        } else if (!d.isEmpty() && !d.startsWith("#")) {
            // Relative to the page it is shown on; a bare domain in it is still a domain to a reader.
            found.add("path:" + d.toLowerCase(Locale.ROOT));
            scan(d, found);
        }
    }

    private static void scan(String text, Set<String> found) {
        Matcher m = SCHEME_IN_TEXT.matcher(text);
        while (m.find()) {
            destination(m.group(1) + ":" + m.group(2), found);
        }
        m = SCHEME_RELATIVE.matcher(text);
        while (m.find()) {
            host(m.group(1), found);
        }
        m = EMAIL.matcher(text);
        while (m.find()) {
            mail(m.group(), found);
        }
        m = BARE_DOMAIN.matcher(text);
        while (m.find()) {
            addHost(m.group(1), found);
        }
        phones(text, found);
    }

    /** Everything after "scheme:": slashes (any number, either way round), user info, host, port. */
    private static void host(String afterScheme, Set<String> found) {
        String rest = afterScheme.replace('\\', '/').replaceFirst("^/+", "");
        Matcher end = AUTHORITY_END.matcher(rest);
        String authority = end.find() ? rest.substring(0, end.start()) : rest;
        authority = authority.substring(authority.lastIndexOf('@') + 1).replaceFirst(":\\d*$", "");
        addHost(decoded(authority), found);
    }

    private static void addHost(String host, Set<String> found) {
        String h = host.toLowerCase(Locale.ROOT).replaceAll(DOT, ".").replaceAll("[.,;:!?]+$", "");
        h = h.startsWith("www.") ? h.substring(4) : h;
        if (!h.isEmpty()) {
            found.add("host:" + h);
        }
    }

    private static void mail(String address, Set<String> found) {
        String a = decoded(address).strip();
        if (!a.isEmpty()) {
            found.add("mail:" + a.toLowerCase(Locale.ROOT).replaceAll(DOT, "."));
        }
    }

    /** Percent-decoded as a browser decodes a host; a broken escape stays as written. */
    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static void phones(String text, Set<String> found) {
        PhoneNumbers.in(text).forEach(p -> found.add("phone:" + p.canonical()));
    }
}
