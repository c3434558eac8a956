package org.envmon.bench;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The run settings of the project's JMH benchmarks, which extend it (JMH's run annotations are inherited): one fork,
 * two warm-up iterations of 2 s, three measured iterations of 3 s. Options on the command line still override them.
 */
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public abstract class ShortRun {
}
