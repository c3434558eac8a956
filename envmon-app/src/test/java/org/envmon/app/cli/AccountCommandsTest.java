package org.envmon.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envmon.app.cli.CommandLineTest.envmon;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.envmon.app.security.AccountService;
import org.envmon.app.security.DemoAccounts;
import org.envmon.app.security.TokenAuthenticator;
import org.envmon.model.Medium;
import org.envmon.model.Store;
import org.envmon.store.StoreConfig;
import org.envmon.store.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code envmon users ...} and {@code envmon tokens ...} on the embedded store, and the demo's accounts. */
class AccountCommandsTest {
    @TempDir
    Path dir;

    @Test
    void createsTheFirstAdminAndATokenThenRevokesIt() {
        String data = dir.toString();
        CommandLineTest.Run add = envmon("users", "add", "root", "--role", "admin", "--generate-password",
                "--data-dir", data);
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out()).contains("password of root: ").contains("account root added: admin, national");
        CommandLineTest.Run op = envmon("users", "add", "bj", "--role", "operator", "--division", "city:北京",
                "--generate-password", "--data-dir", data);
        assertThat(op.exit()).as(op.err()).isZero();
        assertThat(envmon("users", "add", "x", "--role", "root", "--generate-password", "--data-dir", data).exit())
                .isNotZero();
        assertThat(envmon("users", "add", "y", "--role", "operator", "--division", "city", "--generate-password",
                "--data-dir", data).exit()).isNotZero();

        CommandLineTest.Run created = envmon("tokens", "create", "--owner", "bj", "--name", "ci", "--data-dir", data);
        assertThat(created.exit()).as(created.err()).isZero();
        Matcher m = Pattern.compile("(envmon_\\S+)").matcher(created.out());
        assertThat(m.find()).isTrue();
        String secret = m.group(1);
        try (Store store = Stores.open(StoreConfig.duckdb(dir))) {
            assertThat(new TokenAuthenticator(store.accounts(), java.time.Clock.systemUTC(),
                    java.time.Duration.ZERO).authenticate(secret)).hasValueSatisfying(u -> {
                        assertThat(u.name()).isEqualTo("bj");
                        assertThat(u.division().toString()).isEqualTo("city:北京");
                    });
        }
        CommandLineTest.Run list = envmon("tokens", "list", "--data-dir", data);
        assertThat(list.out()).contains("\tci\tbj\toperator\t").doesNotContain(secret);
        assertThat(envmon("users", "list", "--data-dir", data).out()).contains("bj\toperator\tcity:北京\ttrue")
                .contains("root\tadmin\tnational\ttrue").doesNotContain("bcrypt");

        assertThat(envmon("tokens", "revoke", "1", "--data-dir", data).exit()).isZero();
        assertThat(envmon("tokens", "revoke", "1", "--data-dir", data).exit()).isNotZero();
        assertThat(envmon("users", "disable", "bj", "--data-dir", data).exit()).isZero();
        assertThat(envmon("users", "list", "--data-dir", data).out()).contains("bj\toperator\tcity:北京\tfalse");
        assertThat(envmon("users", "disable", "nobody", "--data-dir", data).exit()).isNotZero();
        try (Store store = Stores.open(StoreConfig.duckdb(dir))) {
            assertThat(new TokenAuthenticator(store.accounts(), java.time.Clock.systemUTC(),
                    java.time.Duration.ZERO).authenticate(secret)).isEmpty();
        }
    }

    @Test
    void grantsAnAnalystADivisionAndMedia() {
        String data = dir.toString();
        CommandLineTest.Run add = envmon("users", "add", "water-dept", "--role", "analyst", "--division",
                "city:北京", "--media", "surface_water,groundwater", "--generate-password", "--data-dir", data);
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out()).contains("account water-dept added: analyst, city:北京, media surface_water,groundwater");
        assertThat(envmon("users", "add", "op", "--role", "operator", "--media", "air", "--generate-password",
                "--data-dir", data).exit()).isNotZero();
        assertThat(envmon("users", "add", "p2", "--role", "analyst", "--media", "lava", "--generate-password",
                "--data-dir", data).exit()).isNotZero();
        try (Store store = Stores.open(StoreConfig.duckdb(dir))) {
            assertThat(store.accounts().media("water-dept")).containsExactlyInAnyOrder(Medium.SURFACE_WATER,
                    Medium.GROUNDWATER);
            // nothing half-made by a refused command
            assertThat(store.accounts().user("op")).isEmpty();
            assertThat(store.accounts().user("p2")).isEmpty();
        }
    }

    @Test
    void theDemoHasAnAccountPerRoleAndAToken() {
        try (Store store = Stores.open(StoreConfig.duckdb(dir))) {
            java.util.List<String> lines = DemoAccounts.create(AccountService.standard(store.accounts()),
                    java.util.List.of("1001A", "1002A"));
            assertThat(String.join("\n", lines)).contains("admin").contains("operator-beijing")
                    .contains("city:北京").contains("maintainer").contains("envmon_").contains("enterprise")
                    .contains("Analyst token");
            // one account per role: admin, operator, maintainer, enterprise, analyst
            assertThat(store.accounts().users()).hasSize(6);
            assertThat(store.accounts().tokens("admin")).hasSize(1);
            assertThat(store.accounts().tokens("analyst-beijing")).hasSize(1);
            assertThat(store.accounts().sites("maintainer")).containsExactly("1001A", "1002A");
            assertThat(store.accounts().sites("enterprise")).containsExactly("1001A");
        }
    }
}
