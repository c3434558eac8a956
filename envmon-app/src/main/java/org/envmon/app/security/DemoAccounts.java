package org.envmon.app.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The demo's accounts, one per role, with fresh random passwords (printed by {@code envmon demo}, the only place
 * they appear), and an API token of the admin.
 */
public final class DemoAccounts {
    /** The Beijing operator's division: the demo's real data are Beijing's national stations (city 北京). */
    public static final Division BEIJING = new Division("city", "北京");

    private DemoAccounts() {
    }

    /** Creates the accounts and the token; returns the lines to print. */
    public static List<String> create(AccountService accounts) {
        List<String> lines = new ArrayList<>();
        lines.add("  Demo accounts (login at /login; passwords shown once):");
        add(accounts, lines, "admin", "admin", Division.NATIONAL);
        add(accounts, lines, "operator-beijing", "operator", BEIJING);
        add(accounts, lines, "maintainer", "maintainer", Division.NATIONAL);
        AccountService.NewToken token = accounts.createToken("admin", "demo", null, Duration.ofDays(1));
        lines.add("  Admin token  " + token.secret() + "  (curl -H 'Authorization: Bearer <token>', 1 day)");
        return lines;
    }

    private static void add(AccountService accounts, List<String> lines, String name, String role, Division d) {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        accounts.addUser(name, password, role, d);
        lines.add(String.format("    %-18s %-30s %s, %s", name, password, role, d));
    }
}
