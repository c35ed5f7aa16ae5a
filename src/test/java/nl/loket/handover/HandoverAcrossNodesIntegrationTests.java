package nl.loket.handover;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CyclicBarrier;
import nl.loket.TestClock;
import nl.loket.console.Clients;
import nl.loket.console.Frames;
import nl.loket.console.Node;
import nl.loket.conversation.AppendResult;
import nl.loket.conversation.Author;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.ConversationStatus;
import nl.loket.conversation.Conversations;
import nl.loket.faq.Faq;
import nl.loket.faq.FaqEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two application instances against one real Redis: the customer on node A ({@code /ws/chat}),
 * agents on node B ({@code /ws/agent}, signed in through the real form). Opening hours use a test
 * clock: Monday 23 November 2026, 10:00 in Amsterdam, unless a test moves it.
 */
class HandoverAcrossNodesIntegrationTests {

    static final Instant MONDAY_10 = TestClock.MONDAY_10;
    static final Instant SUNDAY_12 = TestClock.SUNDAY_NOON;
    static final TestClock CLOCK = new TestClock(MONDAY_10);
    static Node a;
    static Node b;

    @BeforeAll
    static void startTwoNodes() {
        a = Node.start("node-a", CLOCK);
        b = Node.start("node-b", CLOCK);
    }

    @AfterAll
    static void stopNodes() {
        b.close();
        a.close();
    }

    @BeforeEach
    void everyoneOfflineAndQueuesEmpty() throws InterruptedException {
        CLOCK.set(MONDAY_10);
        // An agent socket an earlier test closed may not be closed on the node yet, and the node's presence
        // heartbeat would then mark that agent online again after the reset below.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (openConsoleSockets(a) + openConsoleSockets(b) > 0) {
            assertThat(System.nanoTime()).as("agent sockets of earlier tests closed").isLessThan(deadline);
            Thread.sleep(20);
        }
        Handover handover = a.bean(Handover.class);
        for (String agent : List.of("anna", "bram", "sanne")) {
            handover.presence(agent, handover.queueNames(), Presence.OFFLINE);
        }
        // every test starts with empty queues: close what earlier tests left waiting
        handover.waiting(handover.queueNames()).forEach(chat ->
                a.bean(Conversations.class).close(chat.conversationId(), "test_cleanup"));
        assertThat(handover.waiting(handover.queueNames())).isEmpty();
    }

    private static double openConsoleSockets(Node node) {
        return node.bean(MeterRegistry.class).get("loket.sockets.open").tag("channel", "console").gauge().value();
    }

    @Test
    void customerOnOneNodeReachesAnAgentOnTheOtherWithAWarmPacketAndBack() {
        try (var anna = Clients.Agent.signIn(b, "anna", "demo");
                var customer = new Clients.Customer(a, "nl", Map.of("id", "C-991", "name", "Joke de Vries"), null,
                        null, 0)) {
            customer.say("Mijn voorschot is veel te hoog sinds de nieuwe tarieven");
            JsonNode fallback = customer.bot();
            assertThat(fallback.path("quickReplies")).isNotEmpty();

            customer.say("Kan ik een medewerker spreken?");
            JsonNode ask = customer.bot();
            assertThat(ask.path("text").asString()).contains("klantnummer");
            customer.say("12-34");
            assertThat(customer.bot().path("text").asString()).contains("klopt niet");
            customer.say("12345678");
            JsonNode queued = customer.status("queued");
            assertThat(queued.path("queuePosition").asInt()).isEqualTo(1);
            assertThat(queued.path("text").asString()).contains("nummer 1");

            JsonNode inbox = anna.inboxWith(customer.conversationId);
            JsonNode packet = waiting(inbox, customer.conversationId).path("packet");
            assertThat(packet.path("version").asInt()).isEqualTo(1);
            assertThat(packet.path("customer").path("name").asString()).isEqualTo("Joke de Vries");
            assertThat(packet.path("customer").path("verified").asBoolean()).isFalse();
            assertThat(packet.path("customer").path("lang").asString()).isEqualTo("nl");
            assertThat(packet.path("customer").path("page").asString()).isEqualTo("/facturen");
            assertThat(packet.path("question").asString())
                    .isEqualTo("Mijn voorschot is veel te hoog sinds de nieuwe tarieven");
            assertThat(packet.path("reason").asString()).isEqualTo("asked_for_person");
            assertThat(packet.path("queue").asString()).isEqualTo("algemeen");
            assertThat(packet.path("details").path("customerNumber").asString()).isEqualTo("12345678");
            assertThat(packet.path("botAttempts")).hasSize(1);
            assertThat(packet.path("botAttempts").get(0).path("outcome").asString()).isEqualTo("no_answer");
            assertThat(packet.hasNonNull("summary")).as("no model: the console puts the summary together").isFalse();

            anna.send("type", "accept", "conversationId", customer.conversationId);
            anna.await("accepted");
            JsonNode joined = customer.status("agent");
            assertThat(joined.path("agentName").asString()).as("the display name, not the login name")
                    .isEqualTo("Anna");
            assertThat(joined.path("text").asString()).startsWith("Anna ");

            anna.send("type", "message", "conversationId", customer.conversationId, "clientMsgId", "m1",
                    "text", "Hallo Joke, ik kijk even mee.");
            anna.send("type", "note", "conversationId", customer.conversationId, "text", "klant belt vaker hierover");
            anna.send("type", "typing", "conversationId", customer.conversationId);
            customer.await("typing");
            JsonNode fromAgent = customer.event("agent message", f -> "agent".equals(f.path("author").asString()));
            assertThat(fromAgent.path("text").asString()).isEqualTo("Hallo Joke, ik kijk even mee.");
            anna.event(customer.conversationId, "the note", f -> "note".equals(f.path("kind").asString()));

            customer.send("type", "typing");
            anna.await("typing", f -> "typing".equals(f.path("type").asString()));
            long asked = customer.say("Dank je! Kun je het voorschot verlagen?");
            anna.event(customer.conversationId, "customer message", f -> f.path("seq").asLong() == asked);

            anna.send("type", "handback", "conversationId", customer.conversationId);
            customer.status("bot");
            customer.say("Wat is het adres van jullie kantoor?");
            customer.bot();
            assertThat(customer.drain()).noneMatch(f -> "note".equals(f.path("kind").asString())
                    || f.path("text").asString().contains("klant belt vaker"));
        }
    }

    @Test
    void afterAnFaqAnswerAboutPaymentsTheChatGoesToTheQueueOfThatTopic() {
        try (var anna = Clients.Agent.signIn(b, "anna", "demo");
                var customer = Clients.Customer.start(a, "nl")) {
            customer.say("Ik wil meer per maand betalen");
            JsonNode answer = customer.bot();
            assertThat(answer.path("tier").asString()).isEqualTo("faq");
            ConversationEvent stored = a.bean(Conversations.class)
                    .eventsAfter(customer.conversationId, answer.path("seq").asLong() - 1).getFirst();
            FaqEntry entry = a.bean(Faq.class).byId(ConversationEvent.attribute(stored, "entryId")).orElseThrow();
            assertThat(entry.tags()).isNotEmpty();

            customer.say("Ik wil een medewerker spreken");
            assertThat(customer.bot().path("text").asString()).contains("team facturen").contains("klantnummer");
            customer.say("12345678");
            assertThat(customer.bot().path("text").asString()).contains("postcode"); // a detail only facturen asks
            customer.say("1234 AB");
            JsonNode queued = customer.status("queued");
            assertThat(a.bean(Conversations.class).eventsAfter(customer.conversationId, queued.path("seq").asLong() - 1)
                    .getFirst()).extracting(e -> ConversationEvent.attribute(e, "queue")).isEqualTo("facturen");
            assertThat(waiting(anna.inboxWith(customer.conversationId), customer.conversationId)
                    .path("packet").path("queue").asString()).isEqualTo("facturen");
        }
    }

    @Test
    void withoutAnFaqAnswerTheChatGoesToTheDefaultQueueAndAnExplicitFaqHandoverWins() {
        assertThat(queueAfter(c -> {
            c.say("Kun je een pizza voor me bestellen");
            assertThat(c.bot().path("tier").asString("")).as("no FAQ answer").isNotEqualTo("faq");
            c.say("Ik wil een medewerker spreken");
        })).isEqualTo("algemeen");
        assertThat(queueAfter(c -> {
            c.say("Ik wil meer per maand betalen");
            c.bot();
            startHandover(c.conversationId, "faq_handover:klachten");
        })).isEqualTo("klachten");
    }

    @Test
    void exactlyOneOfTwoAgentsOnTwoNodesGetsTheChatTheyAcceptAtTheSameMoment() throws Exception {
        try (var anna = Clients.Agent.signIn(a, "anna", "demo");
                var bram = Clients.Agent.signIn(b, "bram", "demo")) {
            for (int round = 0; round < 5; round++) {
                try (var customer = Clients.Customer.start(a, "en")) {
                    customer.queueUp();
                    anna.inboxWith(customer.conversationId);
                    bram.inboxWith(customer.conversationId);
                    var barrier = new CyclicBarrier(2);
                    var both = List.of(anna, bram).stream().map(agent -> CompletableFuture.runAsync(() -> {
                        await(barrier);
                        agent.send("type", "accept", "conversationId", customer.conversationId);
                    })).toList();
                    both.forEach(CompletableFuture::join);
                    List<String> outcomes = new ArrayList<>();
                    for (var agent : List.of(anna, bram)) {
                        JsonNode outcome = agent.await("accept outcome", f -> customer.conversationId.equals(
                                f.path("conversationId").asString()) && (f.path("type").asString().equals("accepted")
                                || f.path("type").asString().equals("error")));
                        outcomes.add(outcome.path("type").asString() + ":" + outcome.path("code").asString(""));
                    }
                    assertThat(outcomes).containsExactlyInAnyOrder("accepted:", "error:not_waiting");
                    assertThat(a.bean(Conversations.class).eventsAfter(customer.conversationId, 0).stream()
                            .filter(e -> e instanceof ConversationEvent.StatusChange s && s.status() == ConversationStatus.AGENT)).hasSize(1);
                }
            }
        }
    }

    @Test
    void theBotStaysSilentWhileQueuedAndWhileAnAgentHoldsTheChatOnEveryNode() throws Exception {
        try (var anna = Clients.Agent.signIn(b, "anna", "demo");
                var customer = Clients.Customer.start(a, "nl")) {
            customer.queueUp();
            long queuedAt = a.bean(Conversations.class).find(customer.conversationId).orElseThrow().lastSeq();
            customer.say("Hallo? Is daar iemand?");
            customer.say("Ik wil een medewerker spreken");
            botIsRefusedOnEveryNode(customer.conversationId);
            anna.inboxWith(customer.conversationId);
            anna.send("type", "accept", "conversationId", customer.conversationId);
            customer.status("agent");
            customer.say("Wat kost stroom?");
            botIsRefusedOnEveryNode(customer.conversationId);
            Thread.sleep(500); // give a misbehaving router time to answer
            assertThat(a.bean(Conversations.class).eventsAfter(customer.conversationId, queuedAt))
                    .noneMatch(e -> e.author() == Author.BOT);
        }
    }

    @Test
    void eachTriggerIsRecordedWithItsReasonAndCounted() throws Exception {
        MeterRegistry meters = a.bean(MeterRegistry.class);
        // nobody online: every request ends in the honest "nobody available" notice, with the reason on it
        assertThat(reasonAfter(c -> c.say("DIT IS ECHT BELACHELIJK, NIETS WERKT"))).isEqualTo("frustration");
        assertThat(reasonAfter(c -> {
            c.say("Waar vind ik mijn jaarafrekening?");
            c.bot();
            c.say("waar vind ik mijn JAARAFREKENING");
        })).isEqualTo("repeated_question");
        assertThat(reasonAfter(c -> {
            c.say("Kun je een pizza voor me bestellen");
            JsonNode offer = c.bot();
            c.say(offer.path("quickReplies").get(0).path("value").asString());
        })).isEqualTo("no_answer");
        assertThat(reasonAfter(c -> {
            for (String question : List.of("Wat is de hoofdstad van Peru", "Hoeveel poten heeft een spin")) {
                c.say(question);
                c.send("type", "feedback", "seq", c.bot().path("seq").asLong(), "helpful", false);
            }
        })).isEqualTo("unhelpful_answers");
        assertThat(reasonAfter(c -> c.send("type", "handover"))).isEqualTo("customer_asked");
        assertThat(reasonAfter(c -> startHandover(c.conversationId, "faq_handover:klachten")))
                .isEqualTo("faq_handover:klachten");
        for (String reason : List.of("frustration", "repeated_question", "no_answer", "unhelpful_answers",
                "customer_asked", "faq_handover")) {
            // tagged by queue too: summed over the queues
            assertThat(meters.find("loket.handover.requested").tag("reason", reason).counters().stream()
                    .mapToDouble(io.micrometer.core.instrument.Counter::count).sum()).as(reason)
                    .isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void nobodyOnlineTellsTheCustomerHonestlyAndTheStatusStaysBot() {
        try (var customer = Clients.Customer.start(a, "nl")) {
            customer.say("Ik wil een medewerker spreken");
            JsonNode notice = customer.event("notice", f -> "notice".equals(f.path("kind").asString()));
            assertThat(notice.path("text").asString()).contains("geen collega");
            assertThat(notice.path("quickReplies").valueStream().map(q -> q.path("value").asString()))
                    .contains("Ik laat een bericht achter", "Ik ga verder met de assistent");
            assertThat(a.bean(Conversations.class).find(customer.conversationId).orElseThrow().status())
                    .isEqualTo(ConversationStatus.BOT);
            customer.say("Ik ga verder met de assistent");
            assertThat(customer.bot().path("text").asString()).contains("Waarmee kan ik");
        }
    }

    @Test
    void outsideOpeningHoursTheCustomerLeavesAMessageThatAgentsSeeAsACallback() {
        CLOCK.set(SUNDAY_12);
        try (var customer = Clients.Customer.start(a, "nl")) {
            customer.say("Ik wil een medewerker spreken");
            JsonNode notice = customer.event("notice", f -> "notice".equals(f.path("kind").asString()));
            assertThat(notice.path("text").asString()).contains("niet bereikbaar").contains("maandag 23 november, 08:00");
            customer.say("Ik laat een bericht achter");
            assertThat(customer.bot().path("text").asString()).contains("bereiken");
            customer.say("geen idee");
            assertThat(customer.bot().path("text").asString()).contains("geen e-mailadres");
            customer.say("joke@example.nl");
            customer.bot();
            customer.say("Bel me terug over mijn voorschot");
            assertThat(customer.bot().path("text").asString()).contains("je bericht is bij");
            try (var anna = Clients.Agent.signIn(b, "anna", "demo")) {
                JsonNode callbacks = anna.await("callbacks with the message", f -> "callbacks".equals(
                        f.path("type").asString()) && f.path("tasks").valueStream().anyMatch(t -> customer.conversationId
                                .equals(t.path("conversationId").asString())));
                JsonNode task = callbacks.path("tasks").valueStream()
                        .filter(t -> customer.conversationId.equals(t.path("conversationId").asString())).findFirst()
                        .orElseThrow();
                assertThat(task.path("contact").asString()).isEqualTo("joke@example.nl");
                assertThat(task.path("question").asString()).isEqualTo("Bel me terug over mijn voorschot");
            }
        }
    }

    @Test
    void anAgentTransfersAChatToAnotherQueueWhereAColleagueTakesIt() {
        try (var anna = Clients.Agent.signIn(b, "anna", "demo");
                var bram = Clients.Agent.signIn(a, "bram", "demo");
                var customer = Clients.Customer.start(a, "en")) {
            customer.queueUp();
            anna.inboxWith(customer.conversationId);
            anna.send("type", "accept", "conversationId", customer.conversationId);
            customer.status("agent");
            anna.send("type", "transfer", "conversationId", customer.conversationId, "queue", "klachten");
            JsonNode transferred = customer.status("queued");
            assertThat(transferred.path("text").asString()).contains("complaints team");
            bram.await("inbox with the chat in klachten", f -> "inbox".equals(f.path("type").asString())
                    && f.path("waiting").valueStream().anyMatch(c -> customer.conversationId.equals(
                            c.path("conversationId").asString()) && "klachten".equals(c.path("queue").asString())));
            anna.send("type", "open", "conversationId", customer.conversationId);
            anna.error("forbidden");
            bram.send("type", "accept", "conversationId", customer.conversationId);
            assertThat(customer.status("agent").path("agentName").asString()).isEqualTo("Bram");

            bram.send("type", "transfer", "conversationId", customer.conversationId, "agent", "anna");
            customer.status("queued");
            try (var sanne = Clients.Agent.signIn(b, "sanne", "demo")) {
                sanne.send("type", "accept", "conversationId", customer.conversationId);
                sanne.error("not_yours"); // transferred to anna: only she may take it
            }
            anna.inboxWith(customer.conversationId);
            anna.send("type", "accept", "conversationId", customer.conversationId);
            assertThat(customer.status("agent").path("agentName").asString()).isEqualTo("Anna");
            anna.send("type", "close", "conversationId", customer.conversationId);
            customer.status("closed");
        }
    }

    @Test
    void theCustomerCanLeaveTheQueueAndCarryOnWithTheBot() {
        try (var anna = Clients.Agent.signIn(b, "anna", "demo");
                var customer = Clients.Customer.start(a, "en")) {
            customer.queueUp();
            anna.inboxLosesChatAfter(customer.conversationId, () -> customer.say("I'll carry on with the assistant"));
            assertThat(customer.status("bot").path("text").asString()).contains("back with the assistant");
        }
    }

    @Test
    void customersBehindHearTheirNewPlaceWhenTheQueueMoves() {
        try (var anna = Clients.Agent.signIn(b, "anna", "demo");
                var first = Clients.Customer.start(a, "en");
                var second = Clients.Customer.start(a, "nl")) {
            first.queueUp();
            second.say("Ik wil een medewerker spreken");
            second.bot();
            second.say("12345678");
            JsonNode queued = second.status("queued");
            int place = queued.path("queuePosition").asInt();
            assertThat(queued.path("text").asString()).contains("nummer " + place).contains("minuten");
            anna.inboxWith(first.conversationId);
            anna.send("type", "accept", "conversationId", first.conversationId);
            anna.await("accepted");
            JsonNode moved = second.event("new place", f -> "notice".equals(f.path("kind").asString()));
            assertThat(moved.path("queuePosition").asInt()).isEqualTo(place - 1);
            assertThat(moved.path("text").asString()).contains("nummer " + (place - 1));
        }
    }

    @Test
    void aWaitingChatTheCustomerClosesLeavesTheQueue() {
        try (var anna = Clients.Agent.signIn(b, "anna", "demo");
                var customer = Clients.Customer.start(a, "en")) {
            customer.queueUp();
            anna.inboxLosesChatAfter(customer.conversationId, () -> customer.send("type", "close"));
            customer.status("closed");
        }
    }

    @Test
    void bothSidesReconnectWithoutLosingEvents() {
        Clients.Customer customer = Clients.Customer.start(a, "en");
        try (var anna = Clients.Agent.signIn(b, "anna", "demo")) {
            customer.queueUp();
            anna.inboxWith(customer.conversationId);
            anna.send("type", "accept", "conversationId", customer.conversationId);
            long joinedSeq = customer.status("agent").path("seq").asLong();
            customer.close();
            anna.send("type", "message", "conversationId", customer.conversationId, "text", "one");
            anna.send("type", "message", "conversationId", customer.conversationId, "text", "two");
            anna.await("ack");
            anna.await("ack");
            customer = customer.resume(b, joinedSeq);
            assertThat(customer.event("one", f -> "one".equals(f.path("text").asString())).path("seq").asLong())
                    .isEqualTo(joinedSeq + 1);
            customer.event("two", f -> "two".equals(f.path("text").asString()));
            anna.event(customer.conversationId, "two", f -> "two".equals(f.path("text").asString()));
        }
        try (var anna = Clients.Agent.signIn(a, "anna", "demo")) {
            customer.say("three");
            customer.say("four");
            long before = a.bean(Conversations.class).find(customer.conversationId).orElseThrow().lastSeq() - 2;
            anna.send("type", "open", "conversationId", customer.conversationId, "lastSeq", before);
            assertThat(anna.event(customer.conversationId, "three", f -> true).path("text").asString())
                    .isEqualTo("three");
            assertThat(anna.event(customer.conversationId, "four", f -> true).path("text").asString())
                    .isEqualTo("four");
        } finally {
            customer.close();
        }
    }

    @Test
    void agentsCannotReadOrWriteChatsThatAreNotTheirs() throws Exception {
        try (var bram = Clients.Agent.signIn(b, "bram", "demo");
                var anna = Clients.Agent.signIn(b, "anna", "demo");
                var customer = Clients.Customer.start(a, "nl")) {
            startHandover(customer.conversationId, "faq_handover:klachten");
            customer.bot();
            customer.say("12345678");
            customer.status("queued");
            anna.send("type", "open", "conversationId", customer.conversationId);
            assertThat(anna.error("forbidden").path("conversationId").asString()).isEqualTo(customer.conversationId);
            anna.send("type", "accept", "conversationId", customer.conversationId);
            anna.error("forbidden");
            anna.send("type", "packet", "conversationId", customer.conversationId);
            anna.error("forbidden");
            bram.inboxWith(customer.conversationId);
            bram.send("type", "accept", "conversationId", customer.conversationId);
            bram.await("accepted");
            anna.send("type", "message", "conversationId", customer.conversationId, "text", "let me in");
            anna.error("not_yours");
            anna.send("type", "handback", "conversationId", customer.conversationId);
            anna.error("not_yours");
            anna.send("type", "note", "conversationId", customer.conversationId, "text", "psst");
            anna.error("forbidden");
            anna.send("type", "open", "conversationId", "not-a-conversation");
            anna.error("forbidden");
            anna.send("type", "frobnicate");
            anna.error("bad_frame");
            try (var sanne = Clients.Agent.signIn(a, "sanne", "demo")) {
                sanne.send("type", "open", "conversationId", customer.conversationId);
                sanne.event(customer.conversationId, "the history", f -> f.path("seq").asLong() == 1);
            }
        }
        var http = HttpClient.newHttpClient();
        var forged = http.send(HttpRequest.newBuilder(URI.create(b.http() + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=anna&password=demo")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(forged.statusCode()).as("sign-in without a CSRF token").isEqualTo(403);
        var csrf = http.send(HttpRequest.newBuilder(URI.create(b.http() + "/console/csrf")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(csrf.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c)
                .contains("JSESSIONID").contains("HttpOnly").contains("SameSite=Lax"));
        var page = http.send(HttpRequest.newBuilder(URI.create(b.http() + "/console/")).header("Accept", "text/html")
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/console/login.html"));
        assertThat(http.send(HttpRequest.newBuilder(URI.create(b.http() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(b.http() + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).as("metrics want the MONITORING role")
                .isEqualTo(401);
        assertThat(handshakeStatus(() -> new Frames(b.ws("/ws/agent"), null))).as("anonymous").isEqualTo(401);
        String cookie = Clients.sessionCookie(b, "anna", "demo");
        assertThat(handshakeStatus(() -> new Frames(b.ws("/ws/agent"), cookie, "https://evil.example")))
                .as("another site riding on the agent's cookie").isEqualTo(403);
    }

    // ------------------------------------------------------------------ helpers

    private String reasonAfter(java.util.function.Consumer<Clients.Customer> steps) {
        try (var customer = Clients.Customer.start(a, "nl")) {
            steps.accept(customer);
            JsonNode notice = customer.event("nobody-available notice", f -> "notice".equals(f.path("kind").asString()));
            assertThat(a.bean(Conversations.class).find(customer.conversationId).orElseThrow().status())
                    .isEqualTo(ConversationStatus.BOT);
            return ConversationEvent.attribute(a.bean(Conversations.class)
                    .eventsAfter(customer.conversationId, notice.path("seq").asLong() - 1).getFirst(), "reason");
        }
    }

    /** The queue on the honest "nobody available" notice (nobody is online in these tests). */
    private String queueAfter(java.util.function.Consumer<Clients.Customer> steps) {
        try (var customer = Clients.Customer.start(a, "nl")) {
            steps.accept(customer);
            JsonNode notice = customer.event("nobody-available notice", f -> "notice".equals(f.path("kind").asString()));
            return ConversationEvent.attribute(a.bean(Conversations.class)
                    .eventsAfter(customer.conversationId, notice.path("seq").asLong() - 1).getFirst(), "queue");
        }
    }

    private static int handshakeStatus(java.util.function.Supplier<Frames> connect) {
        try {
            connect.get().close();
            return 101;
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        }
    }

    private static void botIsRefusedOnEveryNode(String conversationId) {
        for (Node node : List.of(a, b)) {
            assertThat(node.bean(Conversations.class).appendFromBot(conversationId,
                    new ConversationEvent.BotMessage("I should not speak", "faq", List.of(), List.of(), Map.of())))
                    .isInstanceOf(AppendResult.StatusRefused.class);
        }
    }

    /** What the router does with a reason to hand over: start it, and say the bot's first question. */
    private static void startHandover(String conversationId, String reason) {
        var conversations = a.bean(Conversations.class);
        a.bean(Handover.class).request(conversations.find(conversationId).orElseThrow(), reason, List.of())
                .ifPresent(reply -> conversations.appendFromBot(conversationId, new ConversationEvent.BotMessage(
                        reply.text(), null, List.of(), reply.quickReplies(), Map.of("dialogue", "handover"))));
    }

    private static JsonNode waiting(JsonNode inbox, String conversationId) {
        return inbox.path("waiting").valueStream()
                .filter(c -> conversationId.equals(c.path("conversationId").asString())).findFirst().orElseThrow();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
