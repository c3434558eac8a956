package org.envmon.alerts.rules.data;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.envmon.alerts.rules.ConfiguredRule;
import org.envmon.alerts.rules.RuleBasics;
import org.envmon.alerts.rules.RuleContext;
import org.envmon.alerts.rules.RuleSettings;
import org.envmon.alerts.rules.RuleType;
import org.envmon.alerts.rules.Scope;
import org.envmon.alerts.rules.ScopedSpec;
import org.envmon.model.RawPacket;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertKey;
import org.envmon.model.alert.Condition;
import org.envmon.model.alert.Severity;
import org.envmon.model.alert.SubjectType;

/**
 * Station offline: a site that has sent live data (packets of the configured sources, by default the HJ 212 gateway)
 * and then none for {@code after}. Checked on the engine's periodic tick against the engine clock, compared with the
 * packets' receive times; closed automatically when the site sends again. Only sites heard from since the engine
 * started are watched (a site that never sent is not "offline"; registered-but-silent sites are left open), and
 * sites whose offline alert is still active when the engine starts ({@link #restore}).
 * The alert's value is the minutes since the last packet.
 *
 * <p>Settings ({@code type=offline}): {@code after} (required), {@code medium} (any), {@code sites} (comma list; any),
 * {@code sources} (hj212; empty for any).
 */
public final class OfflineRule extends ConfiguredRule<OfflineRule.Spec> {

    /** The type {@code offline}. */
    public static final RuleType<Spec> TYPE = new RuleType<>("offline", Severity.WARNING,
            Set.of("after", "medium", "sites", "sources"), Spec::read, OfflineRule::new);

    /**
     * @param scope   sites and medium watched (the interval is not used: packets count, whatever they carry)
     * @param sources packet sources that count as "live" ({@link RawPacket#source()}), e.g. {@code hj212}
     */
    public record Spec(RuleBasics basics, Scope scope, Duration after, Set<String> sources) implements ScopedSpec {
        public Spec {
            if (after == null || after.isNegative() || after.isZero()) {
                throw basics.invalid("'after' must be a positive duration");
            }
            sources = Set.copyOf(sources);
            basics = basics.labelOr("station offline");
        }

        static Spec read(RuleBasics basics, RuleSettings s) {
            return new Spec(basics, new Scope(s.set("sites"), s.medium(), null), s.duration("after", null),
                    s.has("sources") ? s.set("sources") : Set.of("hj212"));
        }
    }

    private final Map<String, Instant> lastSeen = new HashMap<>();
    private final Set<String> offline = new HashSet<>();

    public OfflineRule(Spec spec) {
        super(spec);
    }

    @Override
    public void onPacket(String siteCode, RawPacket packet, RuleContext ctx) {
        if (!spec.sources().isEmpty() && !spec.sources().contains(packet.source())) {
            return;
        }
        if (!spec.sites().isEmpty() && !spec.sites().contains(siteCode)) {
            return;
        }
        if (spec.medium() != null
                && ctx.site(siteCode).map(site -> site.medium() != spec.medium()).orElse(true)) {
            return;
        }
        Instant at = packet.receivedAt() == null ? ctx.now() : packet.receivedAt();
        lastSeen.merge(siteCode, at, (a, b) -> a.isAfter(b) ? a : b);
        if (offline.remove(siteCode)) {
            ctx.clear(key(siteCode), "data received again at " + at);
        }
    }

    /**
     * An alert still active after a restart: the site is watched again as offline since the last packet the alert
     * recorded (its data time), so ticks update the silent minutes and a packet closes it.
     */
    @Override
    public void restore(Alert active) {
        if (!active.parameter().isEmpty()) {
            return;
        }
        Instant last = active.dataTime() == null ? active.openedAt() : active.dataTime();
        lastSeen.merge(active.subject(), last, (a, b) -> a.isAfter(b) ? a : b);
        offline.add(active.subject());
    }

    @Override
    public void onTick(Instant now, RuleContext ctx) {
        for (Iterator<Map.Entry<String, Instant>> it = lastSeen.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Instant> e = it.next();
            Duration silent = Duration.between(e.getValue(), now);
            if (silent.compareTo(spec.after()) < 0) {
                continue;
            }
            double minutes = silent.toMinutes();
            if (offline.add(e.getKey())) {
                ctx.raise(new Condition(key(e.getKey()), SubjectType.SITE, spec.severity(), e.getValue(), minutes,
                        (double) spec.after().toMinutes(), true, spec.label() + ": no data from site " + e.getKey()
                        + " for " + (long) minutes + " min (limit " + spec.after().toMinutes() + " min)"));
            } else {
                ctx.persist(key(e.getKey()), minutes, true);
            }
        }
    }

    private AlertKey key(String site) {
        return new AlertKey(spec.id(), site, "");
    }
}
