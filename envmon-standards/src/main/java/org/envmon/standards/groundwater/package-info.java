/**
 * Groundwater quality classes of GB/T 14848-2017 for the routine indicators digested in
 * {@code shared/spec/standards.md} §8.1 ([mem]). Pure functions; no I/O.
 */
package org.envmon.standards.groundwater;
