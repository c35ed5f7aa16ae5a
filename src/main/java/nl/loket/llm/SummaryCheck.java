package nl.loket.llm;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import nl.loket.handover.HandoverPacket;

/**
 * The check a model-written handover summary passes before an agent sees it. The summary is written
 * from customer text, so an injection can try to make it speak to the agent: it may only send the
 * agent to places the customer or the bot's checked answers named, never claim that anything was
 * verified, checked or approved (only the signed identity is "verified", and the console shows that
 * itself), and never tell the agent what to do. Pattern matching, so it errs on the side of the
 * extractive summary.
 */
final class SummaryCheck {

    private static final Pattern CLAIM = Pattern.compile("(?iu)\\b(?:verifi\\w*|geverifi\\w*|identit(?:y|eit)\\w*"
            + "|identified|ge[iï]dentificeerd|authenticat\\w*|geauthenticeerd|authori[sz]ed|geautoriseerd|gemachtigd"
            + "|approved|goedgekeurd|toegekend|granted|vastgesteld|gecontroleerd|confirmed|bevestigd|legitim\\w*"
            + "|gelegitimeerd|checked|gecheckt|kyc|account ?holder|rekeninghouder|accounthouder)\\b");
    /** An imperative at the start of a sentence or clause, or a modal aimed at the reader. */
    private static final Pattern INSTRUCTION = Pattern.compile("(?iu)(?:^|[.!?;:,]\\s*|\\n\\s*)(?:please\\s+|graag\\s+"
            + "|gelieve\\s+)?(?:approve|grant|issue|process|refund|transfer|pay|send|give|call|e-?mail|skip|ignore"
            + "|reset|change|update|cancel|close|unlock|waive|credit|do not|don't|never|always|make sure|keur|geef"
            + "|betaal|stort|verstuur|stuur|bel|mail|negeer|sla|wijzig|annuleer|zet|maak|voer|verleng|ontgrendel"
            + "|schrap|crediteer|verwerk|regel|doe|zorg)\\b"
            + "|(?iu)\\b(?:please|gelieve)\\b"
            + "|(?iu)\\b(?:you|agent|colleague|je|jij|u|medewerker|collega)\\s+(?:must|should|need to|has to|have to"
            + "|can now|moet|moeten|dient|hoeft|kunt nu|kan nu|mag nu)\\b");

    private SummaryCheck() {
    }

    /** Why the summary may not be shown (unknown_link, claims_verification, instruction), or empty. */
    static Optional<String> problem(String summary, HandoverPacket packet) {
        Set<String> allowed = new HashSet<>();
        packet.customerMessages().forEach(m -> allowed.addAll(Destinations.in(m)));
        packet.botAttempts().forEach(a -> allowed.addAll(Destinations.in(a.text())));
        if (!allowed.containsAll(Destinations.in(summary))) {
            return Optional.of("unknown_link");
        }
        if (CLAIM.matcher(summary).find()) {
            return Optional.of("claims_verification");
        }
        if (INSTRUCTION.matcher(summary).find()) {
            return Optional.of("instruction");
        }
        return Optional.empty();
    }
}
