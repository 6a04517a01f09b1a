package dev.poolsight.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    /** The rule as it was first written; the check must accept exactly what it accepts. */
    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9_.:@/+=\\-]{1,256}");

    @Test
    void everyCharacterIsJudgedAsTheRuleSays() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String id = "a" + c + "b";
            assertThat(isAccepted(id)).as("U+%04X", (int) c).isEqualTo(RULE.matcher(id).matches());
        }
    }

    @Test
    void oneTo256CharactersAreAccepted() {
        assertThat(isAccepted("")).isFalse();
        assertThat(isAccepted("x")).isTrue();
        assertThat(isAccepted("x".repeat(256))).isTrue();
        assertThat(isAccepted("x".repeat(257))).isFalse();
        assertThat(isAccepted(null)).isFalse();
    }

    @Test
    void aRefusedIdIsNamedShortenedWithTheRule() {
        assertThatThrownBy(() -> Identifiers.requireValid("conversation id", "y".repeat(300)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("conversation id \"" + "y".repeat(80) + "...\" is not valid; accepted: 1 to 256 characters"
                        + " from A-Z, a-z, 0-9 and _ . : @ / + = -");
        assertThatThrownBy(() -> Identifiers.requireValid(null))
                .hasMessage("message id null is not valid; " + Identifiers.ACCEPTED);
    }

    private static boolean isAccepted(String id) {
        try {
            Identifiers.requireValid(id);
            return true;
        } catch (IllegalArgumentException refused) {
            return false;
        }
    }
}
