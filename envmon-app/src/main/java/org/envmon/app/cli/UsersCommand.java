package org.envmon.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.envmon.app.security.AccountService;
import org.envmon.app.security.Division;
import org.envmon.app.security.EndpointRules;
import org.envmon.model.Account;
import org.envmon.model.Medium;
import org.envmon.model.Store;
import org.envmon.model.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code envmon users add|list|disable|enable|reset-password}: accounts, written to the store directly (with the
 * embedded store, while the platform is stopped). A password is never a command-line argument (it would stay in
 * the shell history and the process list): it is typed, read from standard input, or generated and printed once.
 */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Manage user accounts.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Disable.class,
                UsersCommand.Enable.class, UsersCommand.ResetPassword.class})
public class UsersCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** A password: generated (printed once), typed twice on a console, or one line of standard input. */
    static final class PasswordSource {
        @Option(names = "--generate-password", description = "Generate a password and print it once.")
        boolean generate;

        String read(String name) throws Exception {
            if (generate) {
                String p = generated();
                System.out.println("password of " + name + ": " + p + "  (shown once)");
                return p;
            }
            Console console = System.console();
            if (console != null) {
                char[] a = console.readPassword("password of %s: ", name);
                char[] b = console.readPassword("again: ");
                try {
                    if (a == null || !Arrays.equals(a, b)) {
                        throw new IllegalArgumentException("the passwords differ");
                    }
                    return new String(a);
                } finally {
                    if (a != null) {
                        Arrays.fill(a, ' ');
                    }
                    if (b != null) {
                        Arrays.fill(b, ' ');
                    }
                }
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new IllegalArgumentException("no password on standard input (or use --generate-password)");
            }
            return line;
        }
    }

    /** 18 random bytes, URL-safe Base64: 24 characters (as the API's generated passwords). */
    static String generated() {
        return AccountService.generatedPassword();
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an account.")
    static class Add extends StoreSubcommand {
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Option(names = "--role", required = true,
                description = "admin, operator, maintainer, enterprise or analyst (tokens only).") String role;
        @Option(names = "--sites", split = ",", paramLabel = "CODE",
                description = "Sites linked to a maintainer (its stations) or an enterprise (its sources).")
        List<String> sites;
        @Option(names = "--media", split = ",", paramLabel = "MEDIUM",
                description = "Media an analyst's grant covers within its division (air, surface_water, ...; "
                        + "default: every medium).")
        List<String> media;
        @Option(names = "--division", defaultValue = "national",
                description = "national (default), province:NAME, city:NAME or county:NAME, as in the site list.")
        String division;
        @Mixin PasswordSource password;

        @Override
        int run(Store store) throws Exception {
            try {
                Division d = Division.parse(division);
                List<Medium> granted = media == null ? List.of() : media.stream().map(Medium::fromCode).toList();
                if (!granted.isEmpty() && !EndpointRules.ANALYST.equals(role)) {
                    throw new IllegalArgumentException("--media is for an analyst (a data-sharing partner)");
                }
                AccountService accounts = AccountService.standard(store.accounts());
                Account a = accounts.addUser(name, password.read(name), role, d);
                if (sites != null && !sites.isEmpty()) {
                    accounts.setSites(name, sites);
                }
                if (!granted.isEmpty()) {
                    accounts.setMedia(name, granted);
                }
                System.out.println("account " + a.name() + " added: " + a.role() + ", " + d
                        + (granted.isEmpty() ? "" : ", media " + String.join(",", media)));
            } catch (IllegalArgumentException | StoreException e) {
                return refused(e.getMessage());
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts.")
    static class ListUsers extends StoreSubcommand {
        @Override
        int run(Store store) {
            System.out.println("name\trole\tdivision\tenabled\tcreated");
            for (Account a : store.accounts().users()) {
                System.out.println(a.name() + "\t" + a.role() + "\t" + Division.of(a) + "\t" + a.enabled() + "\t"
                        + a.createdAt());
            }
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable an account: no login, and its tokens stop working.")
    static class Disable extends SetEnabled {
        Disable() {
            super(false);
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled account again.")
    static class Enable extends SetEnabled {
        Enable() {
            super(true);
        }
    }

    /** disable and enable: one flag of one account. */
    abstract static class SetEnabled extends StoreSubcommand {
        @Parameters(index = "0", paramLabel = "NAME") String name;
        private final boolean enabled;

        SetEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        @Override
        int run(Store store) {
            if (!store.accounts().setEnabled(name, enabled)) {
                return refused("no account named " + name);
            }
            System.out.println("account " + name + (enabled ? " enabled" : " disabled"));
            return 0;
        }
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true, description = "Set a new password.")
    static class ResetPassword extends StoreSubcommand {
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Mixin PasswordSource password;

        @Override
        int run(Store store) throws Exception {
            if (store.accounts().user(name).isEmpty()) {
                return refused("no account named " + name);
            }
            try {
                AccountService.standard(store.accounts()).resetPassword(name, password.read(name));
            } catch (IllegalArgumentException e) {
                return refused(e.getMessage());
            }
            System.out.println("password of " + name + " changed");
            return 0;
        }
    }
}
