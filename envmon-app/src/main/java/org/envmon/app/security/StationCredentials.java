package org.envmon.app.security;

import java.security.SecureRandom;
import java.util.List;
import org.envmon.gateway.StationDirectory;
import org.envmon.model.PasswordHash;
import org.envmon.model.Site;
import org.envmon.model.SiteStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * A station's HJ 212 password: generated here, stored only as a salted hash ({@link PasswordHash}, the form the
 * gateway verifies), returned once. The gateway forgets the old password at once instead of when its cache expires.
 */
@Service
public class StationCredentials {
    /** HJ 212-2017 §6.3.2: PW is six characters. */
    public static final int LENGTH = 6;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SiteStore sites;
    private final ObjectProvider<StationDirectory> gateway;

    public StationCredentials(SiteStore sites, ObjectProvider<StationDirectory> gateway) {
        this.sites = sites;
        this.gateway = gateway;
    }

    /** Gives the site a new random password and returns it (the only time it is seen). */
    public String rotate(Site site) {
        StringBuilder pw = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            pw.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        String password = pw.toString();
        sites.upsert(List.of(new Site(site.code(), site.name(), site.medium(), site.mn(),
                PasswordHash.hash(password), site.province(), site.city(), site.county(), site.basin(),
                site.latitude(), site.longitude(), site.control(), site.waterbody(), site.targetClass(),
                site.drinkingWaterSource())));
        StationDirectory directory = gateway.getIfAvailable();
        if (directory != null) {
            directory.forget(site.mn());
        }
        return password;
    }
}
