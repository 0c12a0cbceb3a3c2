package dev.kippu.deploy.knative;

import io.fabric8.knative.serving.v1.TrafficTargetBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrafficSplitTest {

    @Test
    void aCanaryAndAPromotionAreValidBlocks() {
        assertThatCode(() -> TrafficSplit.validate(TrafficSplit.canary("kippu-00001", 10))).doesNotThrowAnyException();
        assertThatCode(() -> TrafficSplit.validate(TrafficSplit.canary("kippu-00001", 0))).doesNotThrowAnyException();
        assertThatCode(() -> TrafficSplit.validate(TrafficSplit.allOnLatest())).doesNotThrowAnyException();
    }

    @Test
    void sharesMustAddUpToOneHundred() {
        assertThatThrownBy(() -> TrafficSplit.validate(List.of(
                new TrafficTargetBuilder().withRevisionName("kippu-00001").withPercent(90L).build(),
                new TrafficTargetBuilder().withLatestRevision(true).withPercent(20L).build())))
                .isInstanceOf(DeploymentFailed.class).hasMessage("the traffic shares add up to 110 %, not 100 %");
    }

    @Test
    void eachTargetNamesARevisionOrFollowsTheLatestAndTagsAreDistinct() {
        assertThatThrownBy(() -> TrafficSplit.validate(List.of(
                new TrafficTargetBuilder().withRevisionName("kippu-00001").withLatestRevision(true).withPercent(100L).build())))
                .isInstanceOf(DeploymentFailed.class).hasMessageContaining("never both nor neither");
        assertThatThrownBy(() -> TrafficSplit.validate(List.of(
                new TrafficTargetBuilder().withRevisionName("kippu-00001").withPercent(50L).withTag("current").build(),
                new TrafficTargetBuilder().withLatestRevision(true).withPercent(50L).withTag("current").build())))
                .isInstanceOf(DeploymentFailed.class).hasMessageContaining("distinct");
        assertThatThrownBy(() -> TrafficSplit.validate(List.of())).isInstanceOf(DeploymentFailed.class);
    }
}
