package nl.loket.faq;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.ZoneOffset;
import nl.loket.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class FaqControllerTests {

    private final FaqIndex index = FaqFixture.index();
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new FaqController(new Faq(() -> index,
            Clock.fixed(TestClock.MONDAY_10, ZoneOffset.UTC)))).build();

    @Test
    void explainsAMatch() throws Exception {
        mvc.perform(get("/api/faq/match").param("q", "hoe geef ik de stand van de meter door").param("lang", "nl"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.best.id").value("meterstand-doorgeven"))
                .andExpect(jsonPath("$.confident").value(true))
                .andExpect(jsonPath("$.outcome").value("answer"))
                .andExpect(jsonPath("$.candidates[0].id").value("meterstand-doorgeven"))
                .andExpect(jsonPath("$.explanation.rule").value("ranked"))
                .andExpect(jsonPath("$.explanation.analyzedQuery").isArray());
    }

    @Test
    void rejectsBadInputWithACodeAndMessage() throws Exception {
        mvc.perform(get("/api/faq/match").param("lang", "nl")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("missing_question"));
        mvc.perform(get("/api/faq/match").param("q", "  ")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("missing_question"));
        mvc.perform(get("/api/faq/match").param("q", "a".repeat(501))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("question_too_long"));
        mvc.perform(get("/api/faq/match").param("q", "app").param("lang", "de")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("unsupported_language"))
                .andExpect(jsonPath("$.message").value("Parameter lang must be nl or en."));
        mvc.perform(get("/api/notices")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("unsupported_language"));
    }

    @Test
    void listsActiveNoticesAsSanitisedHtmlAndMarkdown() throws Exception {
        mvc.perform(get("/api/notices").param("lang", "nl")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("app-storing"))
                .andExpect(jsonPath("$[0].markdown").value(org.hamcrest.Matchers.containsString("<script>")))
                .andExpect(jsonPath("$[0].html").value(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("<script>"))))
                .andExpect(jsonPath("$[0].until").exists());
        mvc.perform(get("/api/notices").param("lang", "en")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
    }
}
