package vn.tuquan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which management port {@code ./tuquan serve} and {@code demo} ask for (issue 13.16): the one given
 * with {@code --management-port}; else the properties' own ({@code TUQUAN_MANAGEMENT_PORT}, or 8081)
 * when the environment names one or no port was given; else the port after {@code --port}, so that
 * two instances started on one machine with their own ports do not both claim 8081. What is served
 * there, and that it listens on 127.0.0.1 only, is {@code WebShellTests}'.
 */
class ManagementPortTests {

    @Test
    void givenEnvironmentOrTheMainPortPlusOne() {
        assertThat(TuquanCli.managementPort(8095, 9100, null)).isEqualTo(9100);
        assertThat(TuquanCli.managementPort(8095, 9100, "9200"))
                .as("the option wins")
                .isEqualTo(9100);
        assertThat(TuquanCli.managementPort(8095, null, "9200"))
                .as("the environment's, through the properties")
                .isNull();
        assertThat(TuquanCli.managementPort(null, null, null))
                .as("8081, through the properties")
                .isNull();
        assertThat(TuquanCli.managementPort(8095, null, null)).isEqualTo(8096);
        assertThat(TuquanCli.managementPort(8095, null, " ")).isEqualTo(8096);
        assertThat(TuquanCli.managementPort(0, null, null))
                .as("any free port for any free port")
                .isZero();
    }
}
