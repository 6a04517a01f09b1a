package dev.poolsight.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkCountCacheTest {

    private static final Encoding O200K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    private final ChunkCountCache cache = new ChunkCountCache(O200K);

    @Test
    void aChunkIsAbsentUntilCounted() {
        assertThat(cache.cached(" conversation", 0, 13)).isEqualTo(ChunkCountCache.ABSENT);
        assertThat(cache.countAndRemember(" conversation", 0, 13)).isEqualTo(1);
        assertThat(cache.cached(" conversation", 0, 13)).isEqualTo(1);
    }

    @Test
    void aCountedChunkIsFoundInAnyTextThatHoldsIt() {
        cache.countAndRemember("xx antidisestablishmentarianism", 2, 31);

        assertThat(cache.cached("The antidisestablishmentarianism of it", 3, 32)).isEqualTo(6);
        assertThat(cache.cached("The antidisestablishmentarianist", 3, 32)).isEqualTo(ChunkCountCache.ABSENT);
    }

    @Test
    void aChunkLongerThanTheLimitIsCountedButNotRemembered() {
        String longChunk = "a".repeat(ChunkCountCache.LONGEST_CACHED + 1);

        assertThat(cache.countAndRemember(longChunk, 0, longChunk.length()))
                .isEqualTo(O200K.countTokensOrdinary(longChunk));
        assertThat(cache.cached(longChunk, 0, longChunk.length())).isEqualTo(ChunkCountCache.ABSENT);
    }

    @Test
    void theLastTwoChunksOfAPairOfSlotsAreRememberedAndTheOlderOnesDropped() {
        assertTheLastTwoAreRemembered(chunksSharingTheSlotsOf(" word-that-is-long-0", 3));
    }

    @Test
    void theLastTwoShortChunksOfAPairOfPackedSlotsAreRememberedAndTheOlderOnesDropped() {
        assertTheLastTwoAreRemembered(shortChunksSharingTheSlotsOf("w0", 3));
    }

    @Test
    void aShortChunkIsFoundByItsCharactersAndLengthAlone() {
        cache.countAndRemember(" the", 0, 4);
        cache.countAndRemember("\0", 0, 1);

        assertThat(cache.cached("in the end", 2, 6)).isEqualTo(1);
        assertThat(cache.cached(" then", 0, 4)).isEqualTo(1);
        assertThat(cache.cached(" then", 0, 5)).isEqualTo(ChunkCountCache.ABSENT);
        assertThat(cache.cached("\0\0", 0, 1)).isEqualTo(O200K.countTokensOrdinary("\0"));
        assertThat(cache.cached("\0\0", 0, 2)).isEqualTo(ChunkCountCache.ABSENT);
    }

    @Test
    void anEmptyCacheHoldsNoShortChunkNotEvenANul() {
        assertThat(cache.cached("\0", 0, 1)).isEqualTo(ChunkCountCache.ABSENT);
        assertThat(cache.cached("\0\0\0\0\0\0\0\0", 0, 8)).isEqualTo(ChunkCountCache.ABSENT);
    }

    @Test
    void shortChunksBeyondAsciiAreKeptWithTheLongOnes() {
        assertThat(ChunkCountCache.shortChunk(" café", 0, 5)).isEqualTo(-1L);
        assertThat(ChunkCountCache.shortChunk(" cafe", 0, 5)).isNotEqualTo(-1L);
        assertThat(ChunkCountCache.shortChunk(" eighteen", 0, 9)).isEqualTo(-1L);

        assertThat(cache.countAndRemember(" café", 0, 5)).isEqualTo(O200K.countTokensOrdinary(" café"));
        assertThat(cache.cached("au café", 2, 7)).isEqualTo(O200K.countTokensOrdinary(" café"));
    }

    private void assertTheLastTwoAreRemembered(List<String> sharingSlots) {
        for (String chunk : sharingSlots) {
            cache.countAndRemember(chunk, 0, chunk.length());
        }

        String oldest = sharingSlots.get(0);
        assertThat(cache.cached(oldest, 0, oldest.length())).isEqualTo(ChunkCountCache.ABSENT);
        for (String remembered : sharingSlots.subList(1, 3)) {
            assertThat(cache.cached(remembered, 0, remembered.length()))
                    .isEqualTo(O200K.countTokensOrdinary(remembered));
        }
    }

    private static List<String> chunksSharingTheSlotsOf(String first, int count) {
        int slot = ChunkCountCache.firstSlot(first, 0, first.length());
        List<String> chunks = new ArrayList<>(List.of(first));
        for (int i = 1; chunks.size() < count; i++) {
            String candidate = " word-that-is-long-" + i;
            if (ChunkCountCache.firstSlot(candidate, 0, candidate.length()) == slot) {
                chunks.add(candidate);
            }
        }
        return chunks;
    }

    private static List<String> shortChunksSharingTheSlotsOf(String first, int count) {
        int slot = ChunkCountCache.packedSlot(ChunkCountCache.shortChunk(first, 0, first.length()));
        List<String> chunks = new ArrayList<>(List.of(first));
        for (int i = 1; chunks.size() < count; i++) {
            String candidate = "w" + i;
            if (ChunkCountCache.packedSlot(ChunkCountCache.shortChunk(candidate, 0, candidate.length())) == slot) {
                chunks.add(candidate);
            }
        }
        return chunks;
    }
}
