package org.envmon.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envmon.app.cli.CommandLineTest.envmon;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.envmon.app.PlatformPerClass;
import org.envmon.app.RunningPlatform;
import org.envmon.app.cli.CommandLineTest.Run;
import org.envmon.model.SiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify --server} and {@code simulate} against a running platform, and against nothing. */
class CommandLineAgainstAServerTest {
    @TempDir
    static Path dir;
    static RunningPlatform platform;
    @RegisterExtension
    static final PlatformPerClass<RunningPlatform> started = PlatformPerClass.duckdb().then(p -> {
        platform = p;
        platform.bean(SiteStore.class).upsert(DemoCommand.simulatedStations());
    });

    String server() {
        return "http://127.0.0.1:" + platform.httpPort;
    }

    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void verifyThroughTheServerThatHoldsTheStore() {
        Run anonymous = envmon("verify", "--server", server() + "/", "--token", "");
        assertThat(anonymous.exit()).as(anonymous.err()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(anonymous.err()).contains("refused the verification (401)");
        Run r = envmon("verify", "--server", server() + "/", "--token", platform.adminToken());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.err().lines().toList()).containsExactly("server: " + server() + "/");
        // (the platform's log shares stdout in this test's JVM)
        assertThat(r.out().lines()).anySatisfy(l -> assertThat(l).startsWith("intact: "));
        Run checkpoints = envmon("verify", "--server", server(), "--checkpoints", dir.resolve("cp.csv").toString());
        assertThat(checkpoints.exit()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void verifyThroughAServerThatIsNotThereCouldNotRun() throws Exception {
        Run r = envmon("verify", "--server", "http://127.0.0.1:" + closedPort());
        assertThat(r.exit()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).hasSize(2).last().asString().startsWith("envmon verify: server ")
                .contains("unreachable");
        Run notEnvmon = envmon("verify", "--server", server() + "/nothing-here", "--token", platform.adminToken());
        assertThat(notEnvmon.exit()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(notEnvmon.err()).containsAnyOf("server answered 404", "refused the verification (403)");
    }

    @Test
    void simulateCountsRefusalsByReason() {
        Run unknown = envmon("simulate", "--port", String.valueOf(platform.hj212Port), "--mn-prefix", "NOPE",
                "--stations", "2", "--interval-ms", "200", "--duration-s", "1");
        assertThat(unknown.exit()).as(unknown.err()).isEqualTo(ExitCode.FOUND);
        assertThat(unknown.out()).contains("answered 0, failed 0")
                .containsPattern("refused: unknown MN \\(QnRtn 4\\) [1-9]");
        Run password = envmon("simulate", "--port", String.valueOf(platform.hj212Port), "--password", "wrong",
                "--stations", "2", "--interval-ms", "200", "--duration-s", "1");
        assertThat(password.exit()).isEqualTo(ExitCode.FOUND);
        assertThat(password.out()).containsPattern("refused: wrong password \\(QnRtn 3\\) [1-9]");
        Run good = envmon("simulate", "--port", String.valueOf(platform.hj212Port), "--stations", "2",
                "--interval-ms", "200", "--duration-s", "1");
        assertThat(good.exit()).as(good.out()).isEqualTo(ExitCode.OK);
        assertThat(good.out()).contains("failed 0, refused 0").contains("refused: none; failed: no answer in time 0");
    }

    @Test
    void simulateWithNothingListeningCouldNotRun() throws Exception {
        Run r = envmon("simulate", "--port", String.valueOf(closedPort()), "--stations", "2", "--duration-s", "1");
        assertThat(r.exit()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(r.err().lines().toList()).singleElement().asString().startsWith("envmon simulate: cannot connect");
        assertThat(envmon("simulate", "--cn", "9999").exit()).isEqualTo(ExitCode.USAGE);
    }
}
