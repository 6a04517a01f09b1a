package dev.poolsight.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import dev.poolsight.core.tokens.EdgeTexts.EdgeText;
import dev.poolsight.testkit.TokenCorpus;
import dev.poolsight.testkit.TokenCorpus.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ExactTokenCounter} counts every text as jtokkit's own {@code countTokensOrdinary}, to the token. */
class ExactCountAgreementTest {

    private static final EncodingRegistry JTOKKIT = Encodings.newLazyEncodingRegistry();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"o200k_base", "cl100k_base"})
    void everyCorpusMessageHasJtokkitsCount(String encodingName) {
        ExactTokenCounter counter = ExactTokenCounter.forEncoding(encodingName);
        Encoding jtokkit = jtokkit(encodingName);
        for (Message message : TokenCorpus.messages()) {
            assertThat(counter.count(message.text())).as(message.text())
                    .isEqualTo(jtokkit.countTokensOrdinary(message.text()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"o200k_base", "cl100k_base"})
    void everyEdgeTextHasJtokkitsCount(String encodingName) {
        ExactTokenCounter counter = ExactTokenCounter.forEncoding(encodingName);
        Encoding jtokkit = jtokkit(encodingName);
        for (EdgeText edge : EdgeTexts.all()) {
            assertThat(counter.count(edge.text())).as(edge.name()).isEqualTo(jtokkit.countTokensOrdinary(edge.text()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"o200k_base", "cl100k_base"})
    void randomTextsOfEveryCategoryHaveJtokkitsCount(String encodingName) {
        ExactTokenCounter counter = ExactTokenCounter.forEncoding(encodingName);
        Encoding jtokkit = jtokkit(encodingName);
        for (String text : PatternFuzzTexts.texts(7, 20_000)) {
            assertThat(counter.count(text)).as(ChunkLists.escaped(text))
                    .isEqualTo(jtokkit.countTokensOrdinary(text));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"o200k_base", "cl100k_base"})
    void countsStayExactWhenFarMoreChunksPassThanTheCounterRemembers(String encodingName) {
        ExactTokenCounter counter = ExactTokenCounter.forEncoding(encodingName);
        Encoding jtokkit = jtokkit(encodingName);
        List<String> texts = IntStream.range(0, 4 * ChunkCountCache.SLOTS)
                .mapToObj(i -> " w" + Integer.toString(i, 36) + " Q" + Integer.toString(i * 7919, 36) + "x's")
                .collect(Collectors.toList());
        for (int round = 0; round < 2; round++) {
            for (String text : texts) {
                assertThat(counter.count(text)).as(text).isEqualTo(jtokkit.countTokensOrdinary(text));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"o200k_base", "cl100k_base"})
    void threadsSharingACounterAllGetJtokkitsCounts(String encodingName) throws Exception {
        ExactTokenCounter counter = ExactTokenCounter.forEncoding(encodingName);
        Encoding jtokkit = jtokkit(encodingName);
        List<String> texts = PatternFuzzTexts.texts(11, 4_000);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> miscounted = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                miscounted.add(threads.submit(() -> texts.stream()
                        .filter(text -> counter.count(text) != jtokkit.countTokensOrdinary(text))
                        .collect(Collectors.toList())));
            }
            for (Future<List<String>> thread : miscounted) {
                assertThat(thread.get()).isEmpty();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static Encoding jtokkit(String encodingName) {
        return JTOKKIT.getEncoding(EncodingType.fromName(encodingName).orElseThrow());
    }
}
