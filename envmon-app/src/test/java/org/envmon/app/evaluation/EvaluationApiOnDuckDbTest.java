package org.envmon.app.evaluation;

import org.envmon.app.PlatformPerClass;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The evaluation API on the embedded store. */
class EvaluationApiOnDuckDbTest extends EvaluationApiContract {
    @RegisterExtension
    static final PlatformPerClass<EvaluationPlatform> started = PlatformPerClass
            .of(false, EvaluationPlatform::on).then(EvaluationApiContract::load);
}
