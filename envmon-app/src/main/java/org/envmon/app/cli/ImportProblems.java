package org.envmon.app.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.envmon.ingest.files.ImportProblem;
import org.envmon.ingest.files.ImportReport;

/** What an import skipped and why: counts by reason, then the first few problems with file:line:column. */
final class ImportProblems {
    /** Problems printed with their place; the counts cover all of them. */
    static final int SHOWN = 10;

    private ImportProblems() {
    }

    /** Prints the problems to {@code err}; the exit code: {@link ExitCode#FOUND} if anything was skipped. */
    static int print(ImportReport report, PrintStream err) {
        if (report.problemCount() == 0) {
            return ExitCode.OK;
        }
        err.printf("%,d problem(s), by reason:%n", report.problemCount());
        for (Map.Entry<String, Long> e : report.problemsByKind().entrySet()) {
            err.printf("  %,8d  %s%n", e.getValue(), e.getKey());
        }
        List<ImportProblem> kept = report.problems();
        err.println(kept.size() > SHOWN || report.problemCount() > kept.size() ? "the first " + SHOWN + ":" : "each:");
        kept.stream().limit(SHOWN).forEach(p -> err.println("  " + p));
        if (report.problemCount() > SHOWN) {
            err.printf("  ... and %,d more%n", report.problemCount() - SHOWN);
        }
        return ExitCode.FOUND;
    }
}
