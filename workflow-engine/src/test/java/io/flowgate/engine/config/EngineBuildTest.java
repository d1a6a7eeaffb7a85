package io.flowgate.engine.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineBuildTest {

    @Test
    void failsWhoeverWaitsForTheEngineWithTheBuildsOwnException() {
        EngineBuild build = EngineBuild.start(() -> {
            throw new IllegalStateException("the database refused the connection");
        });

        assertThatThrownBy(() -> build.await(null, null)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the database refused the connection");
        assertThatCode(build::close).doesNotThrowAnyException();
    }

    @Test
    @Timeout(20) // a build on the caller's thread would block start() on the latch forever
    void buildsOnItsOwnThreadSoTheCallerGoesOnMeanwhile() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch building = new CountDownLatch(1);
        EngineBuild build = EngineBuild.start(() -> {
            building.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("stopped by the test");
        });

        assertThat(building.await(10, TimeUnit.SECONDS)).isTrue();
        release.countDown();
        assertThatThrownBy(() -> build.await(null, null)).hasMessage("stopped by the test");
    }
}
