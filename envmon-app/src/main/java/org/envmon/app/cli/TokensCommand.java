package org.envmon.app.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.envmon.app.security.AccountService;
import org.envmon.model.ApiToken;
import org.envmon.model.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code envmon tokens create|list|revoke}: API tokens, written to the store directly (with the embedded store,
 * while the platform is stopped; a running platform has {@code /api/v1/tokens}). The secret is printed once.
 */
@Command(name = "tokens", mixinStandardHelpOptions = true, description = "Manage API tokens.",
        subcommands = {TokensCommand.Create.class, TokensCommand.ListTokens.class, TokensCommand.Revoke.class})
public class TokensCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a token acting for an account; prints its secret once.")
    static class Create implements Callable<Integer> {
        @Option(names = "--owner", required = true, description = "The account the token acts for.") String owner;
        @Option(names = "--name", required = true, description = "What the token is for (e.g. prometheus).")
        String name;
        @Option(names = "--role", description = "The token's role; default the owner's (only an admin's token may "
                + "have another).") String role;
        @Option(names = "--days", defaultValue = "90", description = "Days until it expires; 0 = never "
                + "(default: ${DEFAULT-VALUE}).") int days;
        @Mixin StoreOptions storeOptions;

        @Override
        public Integer call() {
            if (days < 0) {
                System.err.println("--days must not be negative");
                return 1;
            }
            try (Store store = storeOptions.openOrCreate()) {
                AccountService.NewToken t = AccountService.standard(store.accounts()).createToken(owner, name, role,
                        days == 0 ? null : Duration.ofDays(days));
                System.out.println("token " + t.token().id() + " (" + name + ") of " + owner + ", role "
                        + t.token().role() + ", expires " + (t.token().expiresAt() == null ? "never"
                        : t.token().expiresAt()));
                System.out.println(t.secret());
                System.out.println("(shown once: use it as 'Authorization: Bearer <token>')");
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 1;
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their secrets).")
    static class ListTokens implements Callable<Integer> {
        @Option(names = "--owner", description = "Only this account's tokens.") String owner;
        @Mixin StoreOptions storeOptions;

        @Override
        public Integer call() {
            try (Store store = storeOptions.openOrCreate()) {
                System.out.println("id\tname\towner\trole\texpires\tlast used\trevoked");
                for (ApiToken t : store.accounts().tokens(owner)) {
                    System.out.println(t.id() + "\t" + t.name() + "\t" + t.owner() + "\t" + t.role() + "\t"
                            + (t.expiresAt() == null ? "never" : t.expiresAt()) + "\t"
                            + (t.lastUsedAt() == null ? "-" : t.lastUsedAt()) + "\t" + t.revoked());
                }
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by its id.")
    static class Revoke implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID") long id;
        @Mixin StoreOptions storeOptions;

        @Override
        public Integer call() {
            try (Store store = storeOptions.openOrCreate()) {
                if (!store.accounts().revokeToken(id)) {
                    System.err.println("no active token with id " + id);
                    return 1;
                }
                System.out.println("token " + id + " revoked");
            }
            return 0;
        }
    }
}
