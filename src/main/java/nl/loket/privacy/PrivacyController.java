package nl.loket.privacy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.loket.api.ApiRefusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access and erasure requests over HTTP, for supervisors ({@code SUPERVISOR} role, HTTP basic: the
 * console's security configuration guards {@code /api/privacy/**}); {@code bin/loket-privacy} calls it.
 */
@RestController
class PrivacyController {

    private static final int MAX_CUSTOMER_ID = 200;

    private final Privacy privacy;
    private final JsonMapper json;

    PrivacyController(Privacy privacy, JsonMapper json) {
        this.privacy = privacy;
        this.json = json;
    }

    @GetMapping("/api/privacy/conversations/{id}")
    ResponseEntity<?> export(@PathVariable String id, @RequestParam(defaultValue = "json") String format) {
        ConversationExport export = privacy.export(id).orElseThrow(PrivacyController::unknown);
        return respond(format, export, List.of(export));
    }

    @DeleteMapping("/api/privacy/conversations/{id}")
    ErasureReport erase(@PathVariable String id) {
        return privacy.erase(id).orElseThrow(PrivacyController::unknown);
    }

    @GetMapping("/api/privacy/customers/{customerId}")
    ResponseEntity<?> exportCustomer(@PathVariable String customerId,
            @RequestParam(defaultValue = "json") String format) {
        List<ConversationExport> exports = privacy.exportCustomer(checked(customerId));
        return respond(format, exports, exports);
    }

    @DeleteMapping("/api/privacy/customers/{customerId}")
    ErasureReport eraseCustomer(@PathVariable String customerId) {
        return privacy.eraseCustomer(checked(customerId));
    }

    private static String checked(String customerId) {
        if (customerId.isBlank() || customerId.length() > MAX_CUSTOMER_ID) {
            throw ApiRefusal.badRequest("bad_customer_id",
                    "A customer id has 1 to " + MAX_CUSTOMER_ID + " characters.");
        }
        return customerId;
    }

    /** JSON as it is, or the text of each export in turn. */
    private ResponseEntity<?> respond(String format, Object body, List<ConversationExport> exports) {
        return switch (format) {
            case "json" -> ResponseEntity.ok(body);
            case "text" -> ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .body(String.join("\n\n", exports.stream().map(e -> ExportText.render(e, json)).toList()));
            default -> throw ApiRefusal.badRequest("bad_format", "Parameter format must be json or text.");
        };
    }

    private static ApiRefusal unknown() {
        return new ApiRefusal(HttpStatus.NOT_FOUND, "unknown_conversation",
                "No such conversation is stored (never existed, erased, or expired after the retention).");
    }
}
