package nl.loket.gateway;

import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns a text frame into a {@link ClientFrame}, or a {@link BadFrame} that says exactly what is wrong. */
@Component
class FrameReader {

    static final Set<String> LANGS = Set.of("nl", "en");
    private static final int MAX_ID = 100;
    private static final int MAX_PAGE = 2000;
    private static final long MAX_ISSUED_AT = 253_402_300_799L; // 9999-12-31T23:59:59Z

    private final JsonMapper json;

    FrameReader(JsonMapper json) {
        this.json = json;
    }

    ClientFrame read(String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException e) {
            throw new BadFrame("frame is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new BadFrame("frame must be a JSON object");
        }
        String type = requiredText(node, "type", 20);
        return switch (type) {
            case "hello" -> hello(node);
            case "message" -> new ClientFrame.Message(requiredText(node, "clientMsgId", MAX_ID),
                    requiredNonBlank(node, "text"));
            case "handover" -> new ClientFrame.Handover(optionalText(node, "reason", 200));
            case "typing" -> new ClientFrame.Typing();
            case "feedback" -> new ClientFrame.Feedback(requiredSeq(node), requiredBoolean(node, "helpful"));
            case "close" -> new ClientFrame.Close();
            default -> throw new BadFrame("unknown type '" + abbreviate(type) + "'");
        };
    }

    private ClientFrame.Hello hello(JsonNode node) {
        String lang = optionalText(node, "lang", 5);
        if (lang != null && !LANGS.contains(lang)) {
            throw new BadFrame("hello.lang must be one of " + LANGS);
        }
        Long lastSeq = null;
        if (present(node, "lastSeq")) {
            lastSeq = nonNegativeLong(node, "lastSeq");
        }
        return new ClientFrame.Hello(optionalText(node, "conversationId", MAX_ID), optionalText(node, "token", 200),
                lastSeq, lang, optionalText(node, "page", MAX_PAGE), customer(node));
    }

    /** {@code hello.customer}; empty strings count as absent (the widget sends them for unset attributes). */
    private static ClientFrame.Customer customer(JsonNode hello) {
        if (!present(hello, "customer")) {
            return null;
        }
        JsonNode customer = hello.get("customer");
        if (!customer.isObject()) {
            throw new BadFrame("hello.customer must be an object");
        }
        return new ClientFrame.Customer(customerText(customer, "id", MAX_ID), customerText(customer, "name", 200),
                customerText(customer, "email", 254), issuedAt(customer), customerText(customer, "nonce", MAX_ID),
                customerText(customer, "signature", 64));
    }

    private static String customerText(JsonNode customer, String field, int maxLength) {
        try {
            String value = optionalText(customer, field, maxLength);
            return value == null || value.isEmpty() ? null : value;
        } catch (BadFrame e) {
            throw new BadFrame("hello.customer." + e.getMessage());
        }
    }

    /** Unix seconds, as a whole number or its decimal text, up to the year 9999: Instant's range is never hit. */
    private static String issuedAt(JsonNode customer) {
        JsonNode value = customer.get("issuedAt");
        if (value == null || value.isNull() || value.isString() && value.stringValue().isEmpty()) {
            return null;
        }
        String text = value.isIntegralNumber() ? value.asString() : value.isString() ? value.stringValue() : "";
        if (!text.matches("[0-9]{1,12}") || Long.parseLong(text) > MAX_ISSUED_AT) {
            throw new BadFrame("hello.customer.issuedAt must be Unix time in whole seconds, at most " + MAX_ISSUED_AT);
        }
        return text;
    }

    private static long requiredSeq(JsonNode node) {
        if (!present(node, "seq")) {
            throw new BadFrame("feedback.seq is required");
        }
        long seq = nonNegativeLong(node, "seq");
        if (seq < 1) {
            throw new BadFrame("feedback.seq must be at least 1");
        }
        return seq;
    }

    private static long nonNegativeLong(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw new BadFrame(field + " must be a whole number >= 0");
        }
        return value.longValue();
    }

    private static boolean requiredBoolean(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw new BadFrame(field + " must be true or false");
        }
        return value.booleanValue();
    }

    private static String requiredNonBlank(JsonNode node, String field) {
        String value = requiredText(node, field, Integer.MAX_VALUE);
        if (value.isBlank()) {
            throw new BadFrame(field + " must not be empty");
        }
        return value;
    }

    private static String requiredText(JsonNode node, String field, int maxLength) {
        String value = optionalText(node, field, maxLength);
        if (value == null) {
            throw new BadFrame(field + " is required");
        }
        return value;
    }

    private static String optionalText(JsonNode node, String field, int maxLength) {
        if (!present(node, field)) {
            return null;
        }
        JsonNode value = node.get(field);
        if (!value.isString()) {
            throw new BadFrame(field + " must be a string");
        }
        if (value.stringValue().length() > maxLength) {
            throw new BadFrame(field + " is longer than " + maxLength + " characters");
        }
        return value.stringValue();
    }

    private static boolean present(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
