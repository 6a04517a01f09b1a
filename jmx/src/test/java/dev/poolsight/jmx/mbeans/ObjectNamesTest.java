package dev.poolsight.jmx.mbeans;

import static org.assertj.core.api.Assertions.assertThat;

import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectNamesTest {

    @Test
    void aPlainNameIsUsedAsItIs() {
        ObjectName name = ObjectNames.pool("redis-cache");

        assertThat(name.toString()).isEqualTo("dev.poolsight:type=Pool,name=redis-cache");
    }

    @Test
    void aNameWithAColonIsQuotedAndStaysReadable() {
        ObjectName name = ObjectNames.pool("redis://127.0.0.1:6379");

        assertThat(name.toString()).isEqualTo("dev.poolsight:type=Pool,name=\"redis://127.0.0.1:6379\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis://127.0.0.1:6379", "a,b", "key=value", "say \"hi\"", "star*", "what?",
        "two\nlines", "back\\slash", "", " spaced "})
    void everyNameComesBackWhole(String pool) throws Exception {
        ObjectName name = ObjectNames.pool(pool);
        String value = name.getKeyProperty("name");

        assertThat(name.isPattern()).isFalse();
        assertThat(value.startsWith("\"") ? ObjectName.unquote(value) : value).isEqualTo(pool);
        assertThat(name.getKeyProperty("type")).isEqualTo("Pool");
        assertThat(name.getDomain()).isEqualTo("dev.poolsight");
    }

    @Test
    void aNameThatLooksQuotedIsNotConfusedWithTheQuotedFormOfAnother() {
        assertThat(ObjectNames.pool("\"a:b\"")).isNotEqualTo(ObjectNames.pool("a:b"));
        assertThat(ObjectNames.pool("\"redis\"")).isNotEqualTo(ObjectNames.pool("redis"));
    }
}
