package org.envmon.store;

import org.envmon.model.Account;
import org.envmon.model.ApiToken;
import org.envmon.model.AuditRecord;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.ReviewDecision;
import org.envmon.model.ReviewProposal;
import org.envmon.model.Store;
import org.envmon.model.StoreException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    @Test
    void linksSitesToEnterprisesAndMaintainersAndKeepsAnalystTokens() {
        store.accounts().addUser(new Account("factory", "{bcrypt}f", "enterprise", "city", "北京", true, T0));
        store.accounts().addUser(new Account("partner", "{bcrypt}p", "analyst", "province", "河北省", true, T0));
        store.accounts().setSites("factory", List.of("S2", "S1", "S2"));
        assertThat(store.accounts().sites("factory")).containsExactly("S1", "S2");
        store.accounts().setSites("factory", List.of("S3"));
        assertThat(store.accounts().sites("factory")).containsExactly("S3");
        assertThat(store.accounts().sites("partner")).isEmpty();
        assertThatThrownBy(() -> store.accounts().setSites("nobody", List.of("S1")))
                .isInstanceOf(StoreException.class).hasMessageContaining("no account named nobody");
        ApiToken t = store.accounts().addToken(new ApiToken(0, "share", "hash-share", "partner", "analyst", T0, null,
                null, false));
        assertThat(store.accounts().tokenByHash("hash-share").orElseThrow()).isEqualTo(t);
    }

    @Test
    void grantsMediaToAnAnalyst() {
        store.accounts().addUser(new Account("partner", "{bcrypt}p", "analyst", "city", "北京", true, T0));
        assertThat(store.accounts().media("partner")).isEmpty();
        store.accounts().setMedia("partner", List.of(Medium.SURFACE_WATER, Medium.AIR, Medium.AIR));
        assertThat(store.accounts().media("partner")).containsExactlyInAnyOrder(Medium.AIR, Medium.SURFACE_WATER);
        store.accounts().setMedia("partner", List.of());
        assertThat(store.accounts().media("partner")).isEmpty();
        assertThat(store.accounts().media("nobody")).isEmpty();
        assertThatThrownBy(() -> store.accounts().setMedia("nobody", List.of(Medium.AIR)))
                .isInstanceOf(StoreException.class).hasMessageContaining("no account named nobody");
    }

    @Test
    void reviewProposalsArePendingUntilDecidedOnce() {
        ReviewProposal p = store.proposals().propose(new ReviewProposal(0, "S1", "a34004", Interval.HOUR, T0,
                T0.plusSeconds(3600), ReviewDecision.INVALID, "calibration drift", "maint", T0, "ignored", null, null,
                null, null));
        assertThat(p.pending()).isTrue();
        assertThat(store.proposals().find(p.id())).contains(p);
        assertThat(store.proposals().list("S1", ReviewProposal.PENDING, 10)).containsExactly(p);
        assertThat(store.proposals().decide(p.id(), ReviewProposal.ACCEPTED, "op-bj", T0.plusSeconds(60), "ok", 7L))
                .isTrue();
        assertThat(store.proposals().decide(p.id(), ReviewProposal.REJECTED, "op-bj", T0.plusSeconds(61), "no", null))
                .isFalse();
        ReviewProposal decided = store.proposals().find(p.id()).orElseThrow();
        assertThat(decided.state()).isEqualTo(ReviewProposal.ACCEPTED);
        assertThat(decided.decidedBy()).isEqualTo("op-bj");
        assertThat(decided.reviewId()).isEqualTo(7L);
        assertThat(store.proposals().list(null, ReviewProposal.PENDING, 10)).isEmpty();
    }
}
