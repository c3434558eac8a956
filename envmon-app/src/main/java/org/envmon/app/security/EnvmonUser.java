package org.envmon.app.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.envmon.model.Account;
import org.envmon.model.Medium;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The authenticated principal: an account (form login) or an API token acting for its owner with the token's role.
 *
 * @param tokenName null for a session login
 * @param sites     the site codes linked to the account: a maintainer's assigned stations, an enterprise's sources
 * @param media     the media an analyst's grant covers within its division; empty = every medium
 */
public record EnvmonUser(String name, String passwordHash, String role, Division division, boolean enabled,
                         String tokenName, Set<String> sites, Set<Medium> media)
        implements UserDetails, CredentialsContainer {

    public EnvmonUser {
        sites = sites == null ? Set.of() : Set.copyOf(sites);
        media = media == null ? Set.of() : Set.copyOf(media);
    }

    /**
     * A form-login principal. An analyst (a data-sharing partner) works through tokens only: its account cannot
     * open a session.
     */
    static EnvmonUser of(Account a, Collection<String> sites, Collection<Medium> media) {
        return new EnvmonUser(a.name(), a.passwordHash(), a.role(), Division.of(a),
                a.enabled() && !a.role().equals(EndpointRules.ANALYST), null, Set.copyOf(sites), Set.copyOf(media));
    }

    /** The Spring Security authority of a role: {@code ROLE_ADMIN}, ... */
    public static String authority(String role) {
        return "ROLE_" + role.toUpperCase(Locale.ROOT);
    }

    public boolean is(String r) {
        return role.equals(r);
    }

    /** Whether the account's grant covers this medium (no media recorded = every medium). */
    public boolean covers(Medium medium) {
        return media.isEmpty() || media.contains(medium);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(authority(role)));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return name;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** Records are immutable: the hash is never handed out by the API anyway; nothing to erase in place. */
    @Override
    public void eraseCredentials() {
    }

    @Override
    public String toString() {
        return name + (tokenName == null ? "" : " (token " + tokenName + ")") + " [" + role + ", " + division
                + (media.isEmpty() ? "" : ", " + media) + "]";
    }
}
