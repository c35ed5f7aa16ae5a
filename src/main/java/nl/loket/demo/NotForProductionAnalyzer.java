package nl.loket.demo;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused start into Boot's short "APPLICATION FAILED TO START" report instead of a stack trace. */
class NotForProductionAnalyzer extends AbstractFailureAnalyzer<NotForProduction> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NotForProduction cause) {
        return new FailureAnalysis(cause.getMessage(), cause.fix(), cause);
    }
}
