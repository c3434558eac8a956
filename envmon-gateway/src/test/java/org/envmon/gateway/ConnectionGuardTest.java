package org.envmon.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ConnectionGuardTest {
    final PipelineFixture fx = new PipelineFixture();

    @Test
    void aSilentConnectionIsClosedAndCounted() {
        EmbeddedChannel ch = fx.channel(5, new ConnectionGuard(fx.metrics));
        ch.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        assertThat(ch.isActive()).isFalse();
        assertThat(fx.registry.counter("envmon.hj212.connections.closed", "reason", "idle").count()).isEqualTo(1);
    }

    @Test
    void aFailedConnectionIsClosed() {
        EmbeddedChannel ch = fx.channel(5, new ConnectionGuard(fx.metrics));
        ch.pipeline().fireExceptionCaught(new IOException("connection reset by peer"));
        assertThat(ch.isActive()).isFalse();
        ch.checkException(); // handled, not left for the tail
    }
}
