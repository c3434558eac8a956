package org.envmon.app.evaluation;

import org.envmon.app.PlatformPerClass;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The evaluation API on PostgreSQL (skipped when it is unreachable, unless ENVMON_REQUIRE_POSTGRES is set). */
class EvaluationApiOnPostgresTest extends EvaluationApiContract {
    @RegisterExtension
    static final PlatformPerClass<EvaluationPlatform> started = PlatformPerClass
            .of(true, EvaluationPlatform::on).then(EvaluationApiContract::load);
}
