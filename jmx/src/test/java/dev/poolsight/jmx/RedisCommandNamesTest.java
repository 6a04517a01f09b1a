package dev.poolsight.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedisCommandNamesTest {

    enum Command { GET, SET, lowercase }

    enum Many { C0, C1, C2, C3, C4, C5, C6, C7, C8, C9, C10, C11, C12, C13, C14, C15, C16, C17, C18, C19, C20, C21,
        C22, C23, C24, C25, C26, C27, C28, C29, C30, C31, C32, C33, C34, C35, C36, C37, C38, C39, C40, C41, C42, C43,
        C44, C45, C46, C47, C48, C49, C50, C51, C52, C53, C54, C55, C56, C57, C58, C59, C60, C61, C62, C63, C64 }

    /** Another Jedis in another class loader brings its own constants of the same names. */
    enum SameNames { GET }

    private final RedisCommandNames names = new RedisCommandNames();

    @Test
    void aCommandKeepsOneIndexWhoseNameIsTheConstantsName() {
        int get = names.indexOf(Command.GET);

        assertThat(names.indexOf(Command.GET)).isEqualTo(get);
        assertThat(names.name(get)).isEqualTo("GET");
        assertThat(names.indexOf(Command.SET)).isNotEqualTo(get);
    }

    @Test
    void constantsOfTheSameNameShareTheirIndex() {
        assertThat(names.indexOf(SameNames.GET)).isEqualTo(names.indexOf(Command.GET));
    }

    @Test
    void whatIsNotAnEnumConstantOrNotACommandsNameIsOther() {
        assertThat(names.indexOf("GET secret-key")).isEqualTo(RedisCommandNames.OTHER);
        assertThat(names.indexOf(null)).isEqualTo(RedisCommandNames.OTHER);
        assertThat(names.indexOf(Command.lowercase)).isEqualTo(RedisCommandNames.OTHER);
        assertThat(names.name(RedisCommandNames.OTHER)).isEqualTo("other");
    }

    @Test
    void namesBeyondTheCapacityAreOther() {
        for (Many command : Many.values()) {
            names.indexOf(command);
        }

        assertThat(names.name(names.indexOf(Many.C60))).isEqualTo("C60");
        assertThat(names.indexOf(Many.C61)).isEqualTo(RedisCommandNames.OTHER);
        assertThat(names.name(names.indexOf(Many.C0))).isEqualTo("C0");
        assertThat(names.indexOf(Command.GET)).isEqualTo(RedisCommandNames.OTHER);
    }

    @Test
    void pipelinesAndTransactionsHaveTheirOwnNames() {
        assertThat(names.name(RedisCommandNames.PIPELINE)).isEqualTo("PIPELINE");
        assertThat(names.name(RedisCommandNames.TRANSACTION)).isEqualTo("TRANSACTION");
    }
}
