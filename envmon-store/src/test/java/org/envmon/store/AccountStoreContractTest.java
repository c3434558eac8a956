package org.envmon.store;

import org.envmon.model.Account;
import org.envmon.model.ApiToken;
import org.envmon.model.AuditRecord;
import org.envmon.model.Store;
import org.envmon.model.StoreException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of {@link Store#accounts()} and {@link Store#audit()} on every engine. An engine's test extends this
 * and opens a fresh, empty store per test.
 */
public abstract class AccountStoreContractTest extends OneStorePerTest {
    protected static final Instant T0 = Instant.parse("2026-07-01T00:00:00Z");

    private static Account operator(String name, String city) {
        return new Account(name, "{bcrypt}$2a$10$hash-of-" + name, "operator", "city", city, true, T0);
    }

    @Test
    void keepsAccountsWithTheirRoleAndDivisionAcrossARestart() {
        store.accounts().addUser(new Account("root", "{bcrypt}x", "admin", "national", null, true, T0));
        store.accounts().addUser(operator("bj", "北京市"));
        reopen();

        assertThat(store.accounts().users()).extracting(Account::name).containsExactly("bj", "root");
        Account bj = store.accounts().user("bj").orElseThrow();
        assertThat(bj).isEqualTo(operator("bj", "北京市"));
        assertThat(store.accounts().user("nobody")).isEmpty();
    }

    @Test
    void refusesASecondAccountOfTheSameName() {
        store.accounts().addUser(operator("bj", "北京市"));
        assertThatThrownBy(() -> store.accounts().addUser(operator("bj", "上海市")))
                .isInstanceOf(StoreException.class).hasMessageContaining("exists already");
        assertThat(store.accounts().user("bj").orElseThrow().divisionName()).isEqualTo("北京市");
    }

    @Test
    void disablesAndChangesThePasswordHash() {
        store.accounts().addUser(operator("bj", "北京市"));
        assertThat(store.accounts().setEnabled("bj", false)).isTrue();
        assertThat(store.accounts().setPasswordHash("bj", "{bcrypt}new")).isTrue();
        Account bj = store.accounts().user("bj").orElseThrow();
        assertThat(bj.enabled()).isFalse();
        assertThat(bj.passwordHash()).isEqualTo("{bcrypt}new");
        assertThat(store.accounts().setEnabled("nobody", false)).isFalse();
    }

    @Test
    void accountsRefuseUnknownRolesAndDivisionsWithoutName() {
        assertThatThrownBy(() -> new Account("x", "h", "root", "national", null, true, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Account("x", "h", "operator", "city", null, true, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Account(" x", "h", "operator", "national", null, true, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tokenLifecycle() {
        store.accounts().addUser(operator("bj", "北京市"));
        ApiToken created = store.accounts().addToken(new ApiToken(0, "ci", "sha256-of-secret", "bj", "operator",
                T0, T0.plus(Duration.ofDays(30)), null, false));
        assertThat(created.id()).isPositive();
        ApiToken found = store.accounts().tokenByHash("sha256-of-secret").orElseThrow();
        assertThat(found).isEqualTo(created);
        assertThat(found.usableAt(T0)).isTrue();
        assertThat(found.usableAt(T0.plus(Duration.ofDays(30)))).isFalse();

        store.accounts().touchToken(created.id(), T0.plusSeconds(5));
        assertThat(store.accounts().tokenByHash("sha256-of-secret").orElseThrow().lastUsedAt())
                .isEqualTo(T0.plusSeconds(5));

        assertThat(store.accounts().revokeToken(created.id())).isTrue();
        assertThat(store.accounts().revokeToken(created.id())).isFalse();
        ApiToken revoked = store.accounts().tokenByHash("sha256-of-secret").orElseThrow();
        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.usableAt(T0)).isFalse();
        assertThat(store.accounts().tokens("bj")).hasSize(1);
        assertThat(store.accounts().tokens(null)).hasSize(1);
        assertThat(store.accounts().tokens("other")).isEmpty();
        assertThat(store.accounts().tokenByHash("other")).isEmpty();
    }

    @Test
    void aTokenNeedsAnExistingOwner() {
        assertThatThrownBy(() -> store.accounts().addToken(new ApiToken(0, "ci", "h", "ghost", "admin", T0, null,
                null, false))).isInstanceOf(StoreException.class);
        assertThat(store.accounts().tokens(null)).isEmpty();
    }

    @Test
    void auditRecordsAreKeptInOrderAndFiltered() {
        AuditRecord a = store.audit().append(new AuditRecord(0, T0, "bj", "login.success", "/login", "127.0.0.1",
                "ok"));
        AuditRecord b = store.audit().append(new AuditRecord(0, T0.plusSeconds(60), "root",
                "POST /api/v1/chain/verify", "/api/v1/chain/verify", "10.0.0.1", "200"));
        assertThat(b.id()).isGreaterThan(a.id());
        assertThat(store.audit().list(null, null, null, 10)).containsExactly(a, b);
        assertThat(store.audit().list(null, null, "root", 10)).containsExactly(b);
        assertThat(store.audit().list(T0.plusSeconds(1), null, null, 10)).containsExactly(b);
        assertThat(store.audit().list(null, T0.plusSeconds(60), null, 10)).containsExactly(a);
        assertThat(store.audit().list(null, null, null, 1)).containsExactly(a);
    }
}
