package nl.loket.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.time.Instant;
import nl.loket.gateway.CustomerSocket.Admission;
import org.junit.jupiter.api.Test;

class CustomerSocketTests {

    @Test
    void answersOnlyTheFirstRefusedFrameOfARunAndForgetsTheHalfReadOne() {
        Bucket frames = Bucket.builder().addLimit(Budget.valueOf("2, 1/1h").bandwidth()).build();
        var socket = new CustomerSocket(null, "198.51.100.1", frames, Instant.EPOCH);

        assertThat(socket.admit()).isEqualTo(Admission.ADMITTED);
        assertThat(socket.append("{\"type\":", false, 4096)).isNull();
        assertThat(socket.admit()).isEqualTo(Admission.ADMITTED);
        assertThat(socket.append("\"typing\"}", true, 4096)).isEqualTo("{\"type\":\"typing\"}");

        assertThat(socket.append("{\"type\":", false, 4096)).isNull();
        assertThat(socket.admit()).isEqualTo(Admission.REFUSED);
        assertThat(socket.admit()).isEqualTo(Admission.REFUSED_QUIETLY);
        assertThat(socket.admit()).isEqualTo(Admission.REFUSED_QUIETLY);
        frames.addTokens(1);
        assertThat(socket.admit()).isEqualTo(Admission.ADMITTED);
        // the refused frame's first piece is gone: the next frame starts clean
        assertThat(socket.append("{}", true, 4096)).isEqualTo("{}");
    }

    @Test
    void readsBudgetsAsWrittenInConfiguration() {
        assertThat(Budget.valueOf(" 20 , 6 / 1m ")).isEqualTo(new Budget(20, 6, Duration.ofMinutes(1)));
        assertThat(Budget.valueOf("20, 6/1m")).hasToString("20, 6/1m");
        for (String wrong : new String[] {"20", "20/1m", "0, 6/1m", "20, 0/1m", "20, 6/soon", "-1, 6/1m"}) {
            assertThatThrownBy(() -> Budget.valueOf(wrong))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
