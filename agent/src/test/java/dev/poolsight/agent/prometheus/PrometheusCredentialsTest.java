package dev.poolsight.agent.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusCredentialsTest {

    @Test
    void thePasswordNeverAppearsInToString() {
        assertThat(new PrometheusCredentials("scraper", "s3cret").toString()).contains("scraper").doesNotContain("s3cret");
    }
}
