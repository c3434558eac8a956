/**
 * Seawater quality classes of GB 3097-1997 for the indicators digested in {@code shared/spec/standards.md} §8.2
 * ([mem]). Pure functions; no I/O.
 */
package org.envmon.standards.sea;
