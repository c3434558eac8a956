package org.envmon.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envmon.app.cli.CommandLineTest.envmon;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.envmon.app.cli.CommandLineTest.Run;
import org.envmon.store.duckdb.DuckDbEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How commands fail: one line and an exit code; the store they open named first; the stack trace with --verbose. */
class CommandLineFailuresTest {
    @TempDir
    Path dir;

    static List<String> lines(String s) {
        return s.lines().toList();
    }

    @Test
    void verifyWithoutAStoreSaysSoAndCouldNotRun() {
        Path none = dir.resolve("nothing-here");
        Run r = envmon("verify", "--data-dir", none.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(r.out()).doesNotContain("intact");
        assertThat(lines(r.err())).singleElement().asString()
                .startsWith("envmon verify: no store in " + none.toAbsolutePath());
        assertThat(none).doesNotExist(); // nothing created on the way
        assertThat(envmon("report", "air", "--city", "北京", "--from", "2019-01-01", "--to", "2019-01-01",
                "--data-dir", none.toString()).exit()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(envmon("recompute", "--late", "--data-dir", none.toString()).exit())
                .isEqualTo(ExitCode.CANNOT_RUN);
    }

    @Test
    void everyCommandThatOpensAStoreNamesItOnTheFirstLine() throws Exception {
        Path csv = dir.resolve("one.csv");
        Files.write(csv, List.of("date,hour,type,1001A", "20190101,1,PM2.5,53"), StandardCharsets.UTF_8);
        Path file = dir.resolve("db").resolve(DuckDbEngine.FILE_NAME).toAbsolutePath();
        Run imported = envmon("import", "cnemc", csv.toString(), "--data-dir", dir.resolve("db").toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(lines(imported.err()).get(0)).isEqualTo("store: duckdb " + file + " (new)");
        Run verified = envmon("verify", "--data-dir", dir.resolve("db").toString());
        assertThat(verified.exit()).isZero();
        assertThat(lines(verified.err())).containsExactly("store: duckdb " + file);
        assertThat(verified.out()).startsWith("intact");
    }

    @Test
    void withoutDataDirTheDemoStoreIsReadWhenItIsTheOnlyOne() throws Exception {
        Path demo = dir.resolve(DemoCommand.DEFAULT_DIR);
        Files.createDirectories(demo);
        Files.createFile(demo.resolve(DuckDbEngine.FILE_NAME));
        assertThat(StoreOptions.defaultDataDir(dir, true)).isEqualTo(dir.resolve(DemoCommand.DEFAULT_DIR));
        // Commands that put data in never write into the demo's store unasked.
        assertThat(StoreOptions.defaultDataDir(dir, false)).isEqualTo(dir.resolve(StoreOptions.DEFAULT_DIR));
        Files.createFile(dir.resolve(StoreOptions.DEFAULT_DIR).resolve(DuckDbEngine.FILE_NAME));
        assertThat(StoreOptions.defaultDataDir(dir, true)).isEqualTo(dir.resolve(StoreOptions.DEFAULT_DIR));
    }

    @Test
    void verifyOnAStoreHeldByARunningServerCouldNotRunAndNeverSaysTampered() throws Exception {
        Path csv = dir.resolve("one.csv");
        Files.write(csv, List.of("date,hour,type,1001A", "20190101,1,PM2.5,53"), StandardCharsets.UTF_8);
        assertThat(envmon("import", "cnemc", csv.toString(), "--data-dir", dir.toString()).exit()).isZero();
        Process holder = StoreHolder.hold(dir.resolve(DuckDbEngine.FILE_NAME));
        try {
            Run r = envmon("verify", "--data-dir", dir.toString());
            assertThat(r.exit()).isEqualTo(ExitCode.CANNOT_RUN);
            assertThat(r.out()).isEmpty();
            List<String> err = lines(r.err());
            assertThat(err).hasSize(2);
            assertThat(err.get(0)).startsWith("store: duckdb ");
            assertThat(err.get(1)).startsWith("envmon verify: the store ").contains("is in use by another process")
                    .contains("PID " + holder.pid()).contains("--server");
            Run verbose = envmon("verify", "--data-dir", dir.toString(), "--verbose");
            assertThat(verbose.exit()).isEqualTo(ExitCode.CANNOT_RUN);
            assertThat(lines(verbose.err()).get(1)).isEqualTo(err.get(1));
            assertThat(verbose.err()).contains("\tat org.envmon.");
            Run other = envmon("import", "cnemc", csv.toString(), "--data-dir", dir.toString());
            assertThat(other.exit()).isEqualTo(ExitCode.CANNOT_RUN);
            assertThat(lines(other.err()).get(1)).startsWith("envmon import cnemc: the store ").doesNotContain("\tat ");
            Run demo = envmon("demo", "--data-dir", dir.toString());
            assertThat(demo.exit()).isEqualTo(ExitCode.CANNOT_RUN);
            assertThat(lines(demo.err())).singleElement().asString().contains("is in use by another process");
            assertThat(dir.resolve(DuckDbEngine.FILE_NAME)).exists(); // not emptied under the running demo
            Run serve = envmon("serve", "--data-dir", dir.toString(), "--http-port", "0", "--hj212-port", "0");
            assertThat(serve.exit()).isEqualTo(ExitCode.CANNOT_RUN);
            assertThat(lines(serve.err())).last().asString().startsWith("envmon serve: the store ")
                    .contains("is in use by another process");
            assertThat(serve.out() + serve.err()).doesNotContain("\tat ");
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
        assertThat(envmon("verify", "--data-dir", dir.toString()).exit()).isZero();
    }

    @Test
    void servingBeyondLoopbackWithoutAnAdminIsRefusedInOneLine() {
        Run serve = envmon("serve", "--data-dir", dir.resolve("fresh").toString(), "--http-port", "0",
                "--hj212-port", "0");
        assertThat(serve.exit()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(lines(serve.err())).last().asString().startsWith("envmon serve: refusing to listen beyond loopback"
                + " (HTTP on every interface, HJ 212 on 0.0.0.0) without an admin account: create one with"
                + " './envmon users add NAME --role admin");
        assertThat(serve.out() + serve.err()).doesNotContain("\tat ");
    }

    @Test
    void usageErrorsAreOneLineWithExitTwo() {
        Run unknown = envmon("verify", "--bogus");
        assertThat(unknown.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(lines(unknown.err())).singleElement().asString().startsWith("envmon verify: Unknown option")
                .endsWith("(see 'envmon verify --help')");
        Run recompute = envmon("recompute", "--data-dir", dir.toString());
        assertThat(recompute.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(lines(recompute.err())).singleElement().asString().contains("give either --from and --to");
        Run format = envmon("report", "air", "--city", "北京", "--from", "2019-01-01", "--to", "2019-01-01",
                "--format", "docx", "--data-dir", dir.toString());
        assertThat(format.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(lines(format.err())).singleElement().asString().contains("unknown report format 'docx'");
        Run date = envmon("report", "air", "--city", "北京", "--from", "2019-13-01", "--to", "2019-01-01");
        assertThat(date.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(lines(date.err())).hasSize(1);
    }

    @Test
    void aMissingInputFileIsOneLineAndNothingIsImported() {
        Run r = envmon("import", "cnemc", dir.resolve("nope.csv").toString(), "--data-dir", dir.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(lines(r.err())).singleElement().asString().contains("nope.csv: no such file");
        Run sites = envmon("sites", "import", dir.resolve("nope.csv").toString(), "--data-dir", dir.toString());
        assertThat(sites.exit()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(lines(sites.err())).singleElement().asString().isEqualTo("envmon sites import: no such file: "
                + dir.resolve("nope.csv"));
    }

    @Test
    void anUnreachablePostgresCouldNotRun() {
        Run r = envmon("verify", "--store", "postgres", "--jdbc-url",
                "jdbc:postgresql://127.0.0.1:1/none?user=x&password=secret&connectTimeout=2");
        assertThat(r.exit()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(lines(r.err())).hasSize(2);
        assertThat(r.err()).doesNotContain("secret").contains("envmon verify: cannot connect to PostgreSQL");
    }

    @Test
    void manySkippedRowsAreCountedAndOnlyTheFirstFewListed() throws Exception {
        Path csv = dir.resolve("many.csv");
        StringBuilder b = new StringBuilder("date,hour,type,1001A\n");
        for (int h = 0; h < 24; h++) {
            b.append("20190101,").append(h).append(",PM2.5,n/a\n");
        }
        b.append("20190101,1,PM2.5\n");
        Files.writeString(csv, b, StandardCharsets.UTF_8);
        Run r = envmon("import", "cnemc", csv.toString(), "--data-dir", dir.resolve("db").toString());
        assertThat(r.exit()).isEqualTo(ExitCode.FOUND);
        assertThat(r.err()).contains("25 problem(s), by reason:")
                .containsPattern("24  value not a number \\(value skipped\\)")
                .containsPattern("1  wrong number of cells \\(row skipped\\)")
                .contains("the first 10:").contains("many.csv:2:4 column 1001A: not a number: 'n/a'")
                .contains("... and 15 more").doesNotContain("many.csv:12:");
    }
}
