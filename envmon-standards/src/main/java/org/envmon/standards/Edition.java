package org.envmon.standards;

import java.time.LocalDate;

/**
 * One edition of a national standard (or of a coherent set of standards applied together), chosen by the date of
 * the data, never by today's date. Generic: each domain has its own enum implementing this (air:
 * {@code org.envmon.standards.air.AirEdition}).
 */
public interface Edition {

    /** Short code used on the command line and in result columns, e.g. {@code "2012"}. */
    String code();

    /** Human-readable standard numbers, e.g. {@code "HJ 633-2012 / HJ 663-2013 / GB 3095-2012"}. */
    String standards();

    /** First day the edition applies to data (inclusive). */
    LocalDate inForceFrom();
}
