package org.envmon.app.cli;

import java.time.Duration;
import org.envmon.app.security.AccountService;
import org.envmon.model.ApiToken;
import org.envmon.model.Store;
import picocli.CommandLine.Command;
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
    static class Create extends StoreSubcommand {
        @Option(names = "--owner", required = true, description = "The account the token acts for.") String owner;
        @Option(names = "--name", required = true, description = "What the token is for (e.g. prometheus).")
        String name;
        @Option(names = "--role", description = "The token's role; default the owner's (only an admin's token may "
                + "have another).") String role;
        @Option(names = "--days", defaultValue = "90", description = "Days until it expires; 0 = never "
                + "(default: ${DEFAULT-VALUE}).") int days;

        @Override
        public Integer call() throws Exception {
            return days < 0 ? refused("--days must not be negative") : super.call();
        }

        @Override
        int run(Store store) {
            try {
                AccountService.NewToken t = AccountService.standard(store.accounts()).createToken(owner, name, role,
                        days == 0 ? null : Duration.ofDays(days));
                System.out.println("token " + t.token().id() + " (" + name + ") of " + owner + ", role "
                        + t.token().role() + ", expires " + (t.token().expiresAt() == null ? "never"
                        : t.token().expiresAt()));
                System.out.println(t.secret());
                System.out.println("(shown once: use it as 'Authorization: Bearer <token>')");
            } catch (IllegalArgumentException e) {
                return refused(e.getMessage());
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their secrets).")
    static class ListTokens extends StoreSubcommand {
        @Option(names = "--owner", description = "Only this account's tokens.") String owner;

        @Override
        int run(Store store) {
            System.out.println("id\tname\towner\trole\texpires\tlast used\trevoked");
            for (ApiToken t : store.accounts().tokens(owner)) {
                System.out.println(t.id() + "\t" + t.name() + "\t" + t.owner() + "\t" + t.role() + "\t"
                        + (t.expiresAt() == null ? "never" : t.expiresAt()) + "\t"
                        + (t.lastUsedAt() == null ? "-" : t.lastUsedAt()) + "\t" + t.revoked());
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by its id.")
    static class Revoke extends StoreSubcommand {
        @Parameters(index = "0", paramLabel = "ID") long id;

        @Override
        int run(Store store) {
            if (!store.accounts().revokeToken(id)) {
                return refused("no active token with id " + id);
            }
            System.out.println("token " + id + " revoked");
            return 0;
        }
    }
}
