package org.envmon.app.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.envmon.model.AccountStore;
import org.envmon.model.Store;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a platform that listens beyond loopback (the HTTP {@code server.address}, the gateway's
 * {@code envmon.hj212.host}; unset means every interface) while no enabled admin account exists: nobody could
 * manage users, tokens or reviews of such an instance, and its writes would be refused to everyone. Checked once
 * every bean exists, before either port is opened.
 */
@Component
public class ExposureGuard implements SmartInitializingSingleton {
    private final AccountStore accounts;
    private final Environment env;

    public ExposureGuard(Store store, Environment env) {
        this.accounts = store.accounts();
        this.env = env;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> exposed = new ArrayList<>();
        String http = env.getProperty("server.address");
        if (!loopback(http)) {
            exposed.add("HTTP on " + (http == null ? "every interface" : http));
        }
        if (env.getProperty("envmon.hj212.enabled", Boolean.class, true)) {
            String hj212 = env.getProperty("envmon.hj212.host", "0.0.0.0");
            if (!loopback(hj212)) {
                exposed.add("HJ 212 on " + hj212);
            }
        }
        if (exposed.isEmpty() || accounts.users().stream()
                .anyMatch(a -> a.enabled() && a.role().equals(EndpointRules.ADMIN))) {
            return;
        }
        throw new IllegalStateException("refusing to listen beyond loopback (" + String.join(", ", exposed)
                + ") without an admin account: create one with './envmon users add NAME --role admin"
                + " --generate-password', or bind to loopback (server.address=127.0.0.1, envmon.hj212.host=127.0.0.1)");
    }

    /** Whether the bind address is loopback only; unset, a wildcard or an unresolvable name is not. */
    static boolean loopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(host.strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
