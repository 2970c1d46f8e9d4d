package vn.tuquan.shared.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refusal to work on a data directory (in use by another server, no database yet for a
 * command, a Tuquan still starting, a lost password file) into a short explanation and what to do,
 * instead of a stack trace.
 */
class DataDirectoryFailureAnalyzer
        extends AbstractFailureAnalyzer<EmbeddedPostgresServer.DataDirectoryRefusedException> {

    @Override
    protected FailureAnalysis analyze(
            Throwable rootFailure, EmbeddedPostgresServer.DataDirectoryRefusedException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
