package org.envmon.alerts.rules;

import java.time.Instant;
import java.util.Set;
import org.envmon.model.ObservationRow;
import org.envmon.model.RawPacket;
import org.envmon.model.alert.Alert;

/**
 * One configured rule. The engine calls the hooks on its single worker thread, so a rule may keep per-subject state
 * in plain collections. A rule reports changes through the {@link RuleContext}; it never opens alerts itself.
 * Every hook has a no-op default, so a rule implements only the inputs it uses.
 */
public interface AlertRule {

    /** Unique id from the configuration; part of every alert's key. */
    String id();

    /**
     * The parameters whose observations this rule wants ({@link #onObservation}), or an empty set for none. The
     * engine indexes rules by parameter, so an observation costs nothing for rules that do not ask for it.
     */
    default Set<String> parameters() {
        return Set.of();
    }

    /** A committed observation of one of {@link #parameters()}. */
    default void onObservation(ObservationRow row, RuleContext ctx) {
    }

    /** A packet with values of a site was committed (its {@code receivedAt} is the receiver's clock). */
    default void onPacket(String siteCode, RawPacket packet, RuleContext ctx) {
    }

    /**
     * Called once after every packet and observation of one committed batch was delivered. A rule that combines
     * several parameters of a site (values of one packet arrive one by one) evaluates here, once per batch.
     */
    default void onBatchEnd(RuleContext ctx) {
    }

    /** Derived city air data (hourly AQI). */
    default void onDerivedAir(DerivedAirUpdate update, RuleContext ctx) {
    }

    /** Derived city air data (daily AQI, final or running); a day may be re-sent with a new value. */
    default void onDerivedAirDay(DerivedAirDay day, RuleContext ctx) {
    }

    /** The periodic tick, with the engine clock's time. */
    default void onTick(Instant now, RuleContext ctx) {
    }

    /**
     * An alert of this rule that is still active (open or acknowledged) in the repository when the engine is created,
     * e.g. after a restart; called before any input. A rule that keeps per-subject state marks the alert's condition
     * as present, so that later inputs persist or clear the alert (without this, the alert would stay open until an
     * operator closes it). The default does nothing.
     */
    default void restore(Alert active) {
    }
}
