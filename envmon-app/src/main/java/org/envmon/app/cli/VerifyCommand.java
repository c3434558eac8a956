package org.envmon.app.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.envmon.model.Checkpoint;
import org.envmon.model.Store;
import org.envmon.model.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code envmon verify}: re-reads everything against the hash chain. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Re-read every raw packet, observation and review against the hash chain.",
                "Exit 0: intact. Exit 1: altered, deleted or inserted records (the first is named).",
                "Exit 3: the store holds data that was never chained (older data), nothing to verify.",
                "Exit 4: could not verify (no store there, store in use by a running server, database or server"
                        + " unreachable); says nothing about the data.",
                "A running server holds its embedded store exclusively (even for reading): verify it through the"
                        + " server with --server http://HOST:PORT."})
public class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--server", paramLabel = "URL",
            description = "Verify the store of the platform running at URL (POST /api/v1/chain/verify) instead of"
                    + " opening a store, e.g. http://localhost:8080.")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:ENVMON_TOKEN}",
            description = "With --server: an API token allowed to verify (admin or operator; default: the environment"
                    + " variable ENVMON_TOKEN, which keeps it out of the process list).")
    String token;

    @Option(names = "--checkpoints", paramLabel = "FILE",
            description = "Also write the sealed hourly checkpoints (Merkle roots) as CSV, for external signing.")
    Path checkpointsFile;

    @Override
    public Integer call() throws Exception {
        if (server != null) {
            if (checkpointsFile != null) {
                throw new ParameterException(spec.commandLine(), "--checkpoints reads the store itself; with"
                        + " --server take them from GET /api/v1/chain/checkpoints (with a token)");
            }
            System.err.println("server: " + server);
            return exitCode(print(ServerVerification.verify(server, token)));
        }
        try (Store store = storeOptions.openExisting()) {
            VerifyReport report = print(store.chain().verify());
            if (checkpointsFile != null) {
                writeCheckpoints(store.chain().checkpoints(Instant.EPOCH, Instant.now().plusSeconds(86_400)));
            }
            return exitCode(report);
        }
    }

    private static VerifyReport print(VerifyReport report) {
        System.out.println(report.summary());
        report.problems().forEach(p -> System.out.println("  " + p));
        if (report.problemCount() > report.problems().size()) {
            System.out.printf("  ... and %d more%n", report.problemCount() - report.problems().size());
        }
        System.out.printf("%,d records in %.1f s%n", report.records(), report.took().toMillis() / 1000.0);
        return report;
    }

    static int exitCode(VerifyReport report) {
        return switch (report.state()) {
            case INTACT, EMPTY -> ExitCode.OK;
            case BROKEN -> ExitCode.FOUND;
            case NEVER_CHAINED -> ExitCode.NEVER_CHAINED;
        };
    }

    private void writeCheckpoints(List<Checkpoint> checkpoints) throws Exception {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(checkpointsFile, StandardCharsets.UTF_8))) {
            out.println("first_seq,last_seq,count,period_start,period_end,merkle_root,last_chain_hash,sealed_at");
            for (Checkpoint c : checkpoints) {
                out.printf("%d,%d,%d,%s,%s,%s,%s,%s%n", c.firstSeq(), c.lastSeq(), c.count(), c.periodStart(),
                        c.periodEnd(), c.merkleRoot(), c.lastChainHash(), c.sealedAt());
            }
        }
        System.out.println(checkpoints.size() + " checkpoints written to " + checkpointsFile);
    }
}
