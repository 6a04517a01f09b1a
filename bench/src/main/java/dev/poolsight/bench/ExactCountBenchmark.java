package dev.poolsight.bench;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.poolsight.core.tokens.ExactTokenCounter;
import dev.poolsight.testkit.TokenCorpus;
import dev.poolsight.testkit.TokenCorpus.Message;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link ExactTokenCounter}'s count against jtokkit's own {@code countTokensOrdinary}, which it must equal, on a
 * stream of different texts, as the asynchronous counter's worker sees them (the counter's cache of chunks learns
 * from the stream, so one text counted again and again would flatter it):
 * <ul>
 *   <li>{@code english400}: 400-character cuts from random places of English prose, as {@code poolsight load}
 *       sends them;</li>
 *   <li>{@code corpus}: every message of the test corpus (English, code, JSON, Latin-script and non-Latin
 *       languages, a word to three kilobytes);</li>
 *   <li>{@code randomWords}: 400 characters of random lower-case words, whose chunks almost never repeat: the
 *       cache's worst case.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExactCountBenchmark {

    private static final int STREAM = 4096;
    private static final int CUT = 400;

    @Param({"o200k_base", "cl100k_base"})
    public String encoding;

    @Param({"english400", "corpus", "randomWords"})
    public String texts;

    private String[] stream;
    private int next;
    private Encoding jtokkit;
    private ExactTokenCounter poolsight;

    @Setup(Level.Trial)
    public void setUp() {
        jtokkit = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.fromName(encoding).orElseThrow());
        poolsight = ExactTokenCounter.forEncoding(encoding);
        SplittableRandom random = new SplittableRandom(42);
        stream = switch (texts) {
            case "english400" -> englishCuts(random);
            case "corpus" -> TokenCorpus.messages().stream().map(Message::text).toArray(String[]::new);
            case "randomWords" -> randomWords(random);
            default -> throw new IllegalArgumentException(
                    "texts=" + texts + ": unknown; accepted: english400, corpus, randomWords");
        };
        for (String text : stream) {
            poolsight.count(text); // what the warm-up would do anyway; poolsightIfKnown only reads the cache
        }
    }

    @Benchmark
    public int jtokkit() {
        return jtokkit.countTokensOrdinary(nextText());
    }

    @Benchmark
    public int poolsight() {
        return poolsight.count(nextText());
    }

    /**
     * The count an append takes on its own thread when every chunk of the message was counted lately (else
     * {@code -1} at the first chunk that was not): the set-up counts every text of the stream once, so the chunks
     * the cache keeps are held.
     */
    @Benchmark
    public int poolsightIfKnown() {
        return poolsight.countIfKnown(nextText());
    }

    private String nextText() {
        String text = stream[next];
        next = next + 1 == stream.length ? 0 : next + 1;
        return text;
    }

    private static String[] englishCuts(SplittableRandom random) {
        String prose = BenchTexts.english(64 * 1024);
        String[] cuts = new String[STREAM];
        for (int i = 0; i < cuts.length; i++) {
            int start = random.nextInt(prose.length() - CUT);
            cuts[i] = prose.substring(start, start + CUT);
        }
        return cuts;
    }

    private static String[] randomWords(SplittableRandom random) {
        String[] texts = new String[STREAM];
        for (int i = 0; i < texts.length; i++) {
            StringBuilder text = new StringBuilder(CUT + 12);
            while (text.length() < CUT) {
                text.append(' ');
                for (int letters = 1 + random.nextInt(10); letters > 0; letters--) {
                    text.append((char) ('a' + random.nextInt(26)));
                }
            }
            texts[i] = text.substring(0, CUT);
        }
        return texts;
    }
}
