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
    /** The simulated city's operator: the demo's simulated stations (one with a stuck analyser) are in 模拟市. */
    public static final Division SIMULATED = new Division("city", "模拟市");

    private DemoAccounts() {
    }

    /** Creates the accounts and the token; returns the lines to print. */
    public static List<String> create(AccountService accounts) {
        return create(accounts, List.of());
    }

    /**
     * Creates one account per role and the tokens; the maintainer is assigned {@code beijingSites}, the enterprise
     * the first of them. Returns the lines to print.
     */
    public static List<String> create(AccountService accounts, List<String> beijingSites) {
        List<String> lines = new ArrayList<>();
        lines.add("  Demo accounts (login at /login; passwords shown once):");
        add(accounts, lines, "admin", "admin", Division.NATIONAL);
        add(accounts, lines, "operator-beijing", "operator", BEIJING);
        add(accounts, lines, "operator-simulated", "operator", SIMULATED);
        add(accounts, lines, "maintainer", "maintainer", Division.NATIONAL);
        add(accounts, lines, "enterprise", "enterprise", BEIJING);
        if (!beijingSites.isEmpty()) {
            accounts.setSites("maintainer", beijingSites);
            accounts.setSites("enterprise", beijingSites.subList(0, 1));
            lines.add("    (maintainer: the " + beijingSites.size() + " Beijing stations; enterprise: "
                    + beijingSites.get(0) + ")");
        }
        AccountService.NewToken token = accounts.createToken("admin", "demo", null, Duration.ofDays(1));
        lines.add("  Admin token    " + token.secret() + "  (curl -H 'Authorization: Bearer <token>', 1 day)");
        // a data-sharing partner works through tokens only
        accounts.addUser("analyst-beijing", randomPassword(), "analyst", BEIJING);
        AccountService.NewToken shared = accounts.createToken("analyst-beijing", "demo", null, Duration.ofDays(1));
        lines.add("  Analyst token  " + shared.secret() + "  (analyst-beijing, read-only, tokens only, 1 day)");
        return lines;
    }

    private static String randomPassword() {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static void add(AccountService accounts, List<String> lines, String name, String role, Division d) {
        String password = randomPassword();
        accounts.addUser(name, password, role, d);
        lines.add(String.format("    %-18s %-30s %s, %s", name, password, role, d));
    }
}
