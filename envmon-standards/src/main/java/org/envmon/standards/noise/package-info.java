/**
 * Environmental noise limits of GB 3096-2008 (Table 1; digest §7) and compliance of a measured Leq. Pure
 * functions; no I/O.
 */
package org.envmon.standards.noise;
